import type { TrendingItem } from '../feed/types.js';
import { normalizeUrl } from '../feed/urls.js';

export interface RankOptions {
  /** The current time in epoch milliseconds; passed in so ranking is deterministic. */
  now: number;
  /** How many items to return at most. */
  limit: number;
  /** Absolute URLs never to show, such as the page the reader is on. */
  exclude?: Iterable<string>;
}

/** Items with a date (events, webinars) are over once their end, or else their start, has passed. */
export function isOver(item: TrendingItem, now: number): boolean {
  const last = item.endsAt ?? item.startsAt;
  return last !== undefined && last < now;
}

function recency(item: TrendingItem): number {
  return item.published ?? item.modified ?? 0;
}

/**
 * Chooses and orders the items to show: drops finished events and excluded URLs,
 * orders by trending score (ties: newest first), keeps one copy of each id or URL,
 * and cuts to `limit`. Pure: no DOM, no clock, no randomness.
 */
export function rankItems(items: readonly TrendingItem[], options: RankOptions): TrendingItem[] {
  const seenUrls = new Set<string>();
  for (const url of options.exclude ?? []) {
    const key = normalizeUrl(url);
    if (key) seenUrls.add(key);
  }
  const seenIds = new Set<string>();
  const ordered = items
    .filter((item) => !isOver(item, options.now))
    .sort((a, b) => b.score - a.score || recency(b) - recency(a));

  const chosen: TrendingItem[] = [];
  for (const item of ordered) {
    if (chosen.length >= options.limit) break;
    const urlKey = normalizeUrl(item.url) ?? item.url;
    if (seenIds.has(item.id) || seenUrls.has(urlKey)) continue;
    seenIds.add(item.id);
    seenUrls.add(urlKey);
    chosen.push(item);
  }
  return chosen;
}
