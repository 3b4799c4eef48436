import type { TrendingItem } from '../feed/types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Guides are evergreen: they age this many times more slowly than articles. */
export const EVERGREEN_FACTOR = 4;
/** Events starting within this many days are boosted, the sooner the more. */
export const EVENT_WINDOW_DAYS = 7;

/**
 * How timely an item is, from 0 to 1. Articles halve every half-life since they were
 * published (guides EVERGREEN_FACTOR times slower); an item without a date counts as
 * one half-life old. Dated items (events, webinars) are judged by their date instead:
 * 1 while running, 0.5 up to 1 as the start comes within EVENT_WINDOW_DAYS, else 0.5.
 */
export function timeliness(item: TrendingItem, now: number, halfLifeHours: number): number {
  if (item.startsAt !== undefined) {
    if (item.startsAt <= now) return 1;
    const days = (item.startsAt - now) / DAY;
    return days < EVENT_WINDOW_DAYS ? 1 - (0.5 * days) / EVENT_WINDOW_DAYS : 0.5;
  }
  const halfLife = halfLifeHours * HOUR * (item.kind === 'guide' ? EVERGREEN_FACTOR : 1);
  const published = item.published ?? item.modified;
  const age = published === undefined ? halfLife : Math.max(0, now - published);
  return 0.5 ** (age / halfLife);
}

/** A multiplier on an item's score, for what only the page or the reader knows (see boosts.ts). */
export type Boost = (item: TrendingItem) => number;

/**
 * The number items are ordered by: (score + 1) × timeliness × each boost.
 * The +1 lets plain feeds without scores rank by freshness alone.
 */
export function rankScore(item: TrendingItem, now: number, halfLifeHours: number, boosts: readonly Boost[] = []): number {
  return boosts.reduce((value, boost) => value * boost(item), (item.score + 1) * timeliness(item, now, halfLifeHours));
}
