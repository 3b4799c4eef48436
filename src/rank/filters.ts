import type { TrendingItem } from '../feed/types.js';
import { displayHost } from '../feed/urls.js';

/** A test an item must pass to be shown. */
export type ItemFilter = (item: TrendingItem) => boolean;

const fold = (text: string) => text.trim().toLowerCase();

function oneOf(wanted: readonly string[], values: (item: TrendingItem) => (string | undefined)[]): ItemFilter {
  const set = new Set(wanted.map(fold));
  return (item) => values(item).some((value) => value !== undefined && set.has(fold(value)));
}

/** Only items in one of these categories (case-insensitive). */
export const inCategories = (categories: readonly string[]) => oneOf(categories, (item) => [item.category]);

/** Only items from one of these sister sites, by display name or host without `www.`. */
export const fromSites = (sites: readonly string[]) => oneOf(sites, (item) => [item.site, displayHost(item.url)]);

/** Only items of one of these kinds: article, guide, event, offer. */
export const ofKinds = (kinds: readonly string[]) => oneOf(kinds, (item) => [item.kind]);
