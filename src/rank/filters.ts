import type { TrendingItem } from '../feed/types.js';
import { displayHost } from '../feed/urls.js';

/** A test an item must pass to be shown. */
export type ItemFilter = (item: TrendingItem) => boolean;

const fold = (text: string) => text.trim().toLowerCase();

/**
 * Lists come comma-separated, as in the element's attributes; without a list (undefined
 * or empty) every item passes.
 */
function oneOf(list: string | undefined, values: (item: TrendingItem) => (string | undefined)[]): ItemFilter {
  const wanted = list && new Set(list.split(',').map(fold));
  return (item) => !wanted || values(item).some((value) => value !== undefined && wanted.has(fold(value)));
}

/** Only items in one of these categories (case-insensitive), e.g. `"Food, Travel"`. */
export const inCategories = (categories?: string) => oneOf(categories, (item) => [item.category]);

/** Only items from one of these sister sites, by display name or host without `www.`. */
export const fromSites = (sites?: string) => oneOf(sites, (item) => [item.site, displayHost(item.url)]);

/** Only items of one of these kinds: article, guide, event, offer. */
export const ofKinds = (kinds?: string) => oneOf(kinds, (item) => [item.kind]);

/**
 * Only items whose link goes to one of these hosts: space-separated, `*.` for any
 * subdomain (`harbor.example *.harbor.example`), as in the `allow-hosts` attribute.
 */
export function onHosts(patterns?: string): ItemFilter {
  const wanted = patterns?.toLowerCase().split(/\s+/).filter(Boolean);
  // "*.harbor.example" matches by the suffix ".harbor.example", so not "evilharbor.example".
  const allowed = (host: string) => wanted!.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern));
  // Without patterns no URL is parsed: that is 5,000 parses for a big feed.
  return (item) => !wanted?.length || allowed(new URL(item.url).hostname);
}
