/** What an item is, which changes how its card reads (dates for events, a call to action for offers). */
export type ItemKind = 'article' | 'guide' | 'event' | 'offer';

/** Every kind, in the order the README lists them. */
export const ITEM_KINDS: readonly ItemKind[] = ['article', 'guide', 'event', 'offer'];

/**
 * One validated feed item. Every field holds checked data: URLs are absolute http(s),
 * texts are trimmed plain strings, dates are epoch milliseconds.
 */
export interface TrendingItem {
  id: string;
  url: string;
  title: string;
  image?: string;
  /** Square icon of the sister site: shown when the item has no picture or its picture fails. */
  siteIcon?: string;
  /** Display name of the sister site the item lives on. */
  site: string;
  category?: string;
  tags: readonly string[];
  kind: ItemKind;
  /** Trending score, a finite number >= 0 (0 when the feed gives none). */
  score: number;
  sponsored: boolean;
  sponsor?: string;
  published?: number;
  modified?: number;
  startsAt?: number;
  endsAt?: number;
  venue?: string;
  cta?: string;
}

/** An item the parser left out, and why. `index` is its position in the feed's `items`. */
export interface SkippedItem {
  index: number;
  id?: string;
  reason: string;
}

export interface ParsedFeed {
  title?: string;
  homePageUrl?: string;
  items: TrendingItem[];
  skipped: SkippedItem[];
}
