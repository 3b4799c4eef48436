import type { TrendingItem } from '../feed/types.js';
import { displayHost } from '../feed/urls.js';

/** A test an item must pass to be shown. */
export type ItemFilter = (item: TrendingItem) => boolean;

const fold = (text: string) => text.trim().toLowerCase();

/** The entries of `list`, trimmed and lower-cased, without empty ones. */
const entries = (list: readonly string[] | undefined) => (list ?? []).map(fold).filter(Boolean);

/** Without entries (undefined, empty, or only blank strings) every item passes. */
function oneOf(list: readonly string[] | undefined, values: (item: TrendingItem) => (string | undefined)[]): ItemFilter {
  const wanted = new Set(entries(list));
  return (item) => !wanted.size || values(item).some((value) => value !== undefined && wanted.has(fold(value)));
}

/** Only items in one of these categories (case-insensitive), e.g. `['Food', 'Travel']`. */
export const inCategories = (categories?: readonly string[]) => oneOf(categories, (item) => [item.category]);

/** Only items from one of these sister sites, by display name or host without `www.`. */
export const fromSites = (sites?: readonly string[]) => oneOf(sites, (item) => [item.site, displayHost(item.url)]);

/** Only items of one of these kinds: article, guide, event, offer. */
export const ofKinds = (kinds?: readonly string[]) => oneOf(kinds, (item) => [item.kind]);

/**
 * Only items whose link goes to one of these hosts, `*.` for any subdomain
 * (`['harbor.example', '*.harbor.example']`); without hosts every item passes.
 */
export function onHosts(patterns?: readonly string[]): ItemFilter {
  const wanted = entries(patterns);
  // Without patterns no URL is parsed: that is 5,000 parses for a big feed.
  if (!wanted.length) return () => true;
  // "*.harbor.example" matches by the suffix ".harbor.example", so not "evilharbor.example".
  const allowed = (host: string) => wanted.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern));
  return (item) => allowed(new URL(item.url).hostname);
}
