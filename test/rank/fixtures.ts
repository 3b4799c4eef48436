import type { TrendingItem } from '../../src/feed/types.js';

export const NOW = Date.UTC(2026, 10, 24, 12);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A validated item as the parser would produce it; `id` also names its URL and title. */
export const item = (id: string, fields: Partial<TrendingItem> = {}): TrendingItem => ({
  id,
  url: `https://blog.harbor.example/${id}/`,
  title: `Title ${id}`,
  site: 'Harbor Blog',
  tags: [],
  kind: 'article',
  score: 0,
  sponsored: false,
  published: NOW,
  ...fields,
});

export const ids = (items: readonly TrendingItem[]) => items.map((i) => i.id);

/** `count` items from `site`, best first, with ids of its lower-cased name and 1, 2, …: `a1, a2` for site A. */
export const fromSite = (site: string, count: number, fields: Partial<TrendingItem> = {}): TrendingItem[] =>
  Array.from({ length: count }, (_, i) => item(`${site.toLowerCase()}${i + 1}`, { site, ...fields }));
