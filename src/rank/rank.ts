import type { TrendingItem } from '../feed/types.js';
import { normalizeUrl } from '../feed/urls.js';
import { diversify } from './diversify.js';
import type { ItemFilter } from './filters.js';
import { rankScore, type Boost } from './score.js';
import { finishSteps, type Steps } from '../steps.js';

export interface RankOptions {
  /** The current time in epoch milliseconds; passed in so ranking is deterministic. */
  now: number;
  /** How many items to return at most. */
  limit: number;
  /** Absolute URLs never to show, such as the page the reader is on. */
  exclude?: Iterable<string>;
  /** Hours after which an article's score has halved. Default 72. */
  halfLifeHours?: number;
  /** Drop undated items published more than this many days ago. */
  maxAgeDays?: number;
  /**
   * At most this many cards from one site, never exceeded. Without it, a third of `limit`
   * (rounded up) is only preferred: one site fills the rest once no other site's items are left.
   */
  perSite?: number;
  /** At most this many sponsored cards. Default: 1 per 6 cards, rounded up. */
  maxSponsored?: number;
  /** Tests an item must pass, such as `inCategories(...)` from filters.ts. */
  filters?: readonly ItemFilter[];
  /** Multipliers on the score, such as `contextBoost(...)` from boosts.ts. */
  boosts?: readonly Boost[];
}

export const DEFAULT_HALF_LIFE_HOURS = 72;

/** A whole number >= 0, or undefined for anything else (NaN from a bad attribute). */
const count = (value?: number) => (value! >= 0 ? Math.floor(value!) : undefined);
const DAY = 86_400_000;

/** Items with a date (events, webinars) are over once their end, or else their start, has passed. */
export function isOver(item: TrendingItem, now: number): boolean {
  const last = item.endsAt ?? item.startsAt;
  return last !== undefined && last < now;
}

/** Titles that differ only in case or spacing are the same title, here and in the feed builder. */
export const foldTitle = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Yields each item unless an earlier one had the same id, normalised URL or folded
 * title, or its URL is excluded. Lazy: URLs are only normalised as far as they are read.
 */
function* unique(ordered: readonly TrendingItem[], exclude: Iterable<string>): Generator<TrendingItem> {
  const seen = new Set<string>();
  for (const url of exclude) if (url) seen.add(`u${normalizeUrl(url)}`);
  for (const item of ordered) {
    const keys = [`i${item.id}`, `u${normalizeUrl(item.url)}`, `t${foldTitle(item.title)}`];
    if (keys.some((key) => seen.has(key))) continue;
    keys.forEach((key) => seen.add(key));
    yield item;
  }
}

/** Items scored between two chances to pause (see runSteps): well under a millisecond of work. */
export const ITEMS_PER_RANK_STEP = 50;

/**
 * Chooses and orders the items to show. Pure and deterministic: no DOM, no clock, no
 * randomness beyond `seed`. The README's "How items are chosen" describes each rule.
 */
export function rankItems(items: readonly TrendingItem[], options: RankOptions): TrendingItem[] {
  return finishSteps(rankItemsInSteps(items, options));
}

/**
 * rankItems as steps (see steps.ts) that score ITEMS_PER_RANK_STEP items each, then
 * sort and choose: thousands of items take short tasks.
 */
export function* rankItemsInSteps(items: readonly TrendingItem[], options: RankOptions): Steps<TrendingItem[]> {
  const { now, limit, filters = [] } = options;
  const halfLifeHours = options.halfLifeHours! > 0 ? options.halfLifeHours! : DEFAULT_HALF_LIFE_HOURS;
  const oldest = options.maxAgeDays! > 0 ? now - options.maxAgeDays! * DAY : -Infinity;

  const scored: { item: TrendingItem; score: number }[] = [];
  for (const [index, item] of items.entries()) {
    if (index % ITEMS_PER_RANK_STEP === ITEMS_PER_RANK_STEP - 1) yield;
    if (
      !isOver(item, now) &&
      (item.startsAt !== undefined || (item.published ?? item.modified ?? now) >= oldest) &&
      filters.every((filter) => filter(item))
    ) {
      scored.push({ item, score: rankScore(item, now, halfLifeHours, options.boosts) });
    }
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (b.item.published ?? b.item.modified ?? 0) - (a.item.published ?? a.item.modified ?? 0),
  );

  const perSite = count(options.perSite);
  return diversify(unique(scored.map(({ item }) => item), options.exclude ?? []), {
    limit,
    // A publisher's per-site holds; the default only shapes the mix: as a hard cap it
    // left a one-site feed showing a third of the block.
    ...(perSite === undefined ? { preferredPerSite: Math.max(1, Math.ceil(limit / 3)) } : { perSite: Math.max(1, perSite) }),
    maxSponsored: count(options.maxSponsored) ?? Math.ceil(limit / 6),
  });
}
