import type { TrendingItem } from '../feed/types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Guides are evergreen: they age this many times more slowly than articles. */
export const EVERGREEN_FACTOR = 4;
/** Events starting within this many days are boosted, the sooner the more. */
export const EVENT_WINDOW_DAYS = 7;
/** Each page keyword an item matches adds this much, up to CONTEXT_MAX_MATCHES. */
export const CONTEXT_STEP = 0.25;
export const CONTEXT_MAX_MATCHES = 2;
/** What an item the reader already clicked keeps of its score. */
export const CLICKED_FACTOR = 0.25;
/** Rotation: near-equal items (within this fraction) may swap places between views. */
export const ROTATION_JITTER = 0.15;

export interface ScoreContext {
  now: number;
  halfLifeHours: number;
  keywords: ReadonlySet<string>;
  clicked: ReadonlySet<string>;
  /** Varies the order of near-equal items; undefined keeps the plain order. */
  seed?: number | undefined;
}

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

/** 1 plus CONTEXT_STEP for each page keyword found in the item's title, tags or category. */
export function relevance(item: TrendingItem, keywords: ReadonlySet<string>): number {
  if (!keywords.size) return 1;
  const text = [item.title, item.category ?? '', ...item.tags].join(' ').toLowerCase();
  const words = new Set(text.match(/[\p{L}\p{N}]{3,}/gu));
  let matches = 0;
  for (const keyword of keywords) if (words.has(keyword)) matches += 1;
  return 1 + CONTEXT_STEP * Math.min(matches, CONTEXT_MAX_MATCHES);
}

/** A stable number in [0, 1) for an item id and a seed (FNV-1a). */
export function seededUnit(id: string, seed: number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) / 2 ** 32;
}

/**
 * The number items are ordered by:
 * (score + 1) × timeliness × relevance × (CLICKED_FACTOR if clicked) × rotation.
 * The +1 lets plain feeds without scores rank by freshness alone.
 */
export function rankScore(item: TrendingItem, context: ScoreContext): number {
  let value = (item.score + 1) * timeliness(item, context.now, context.halfLifeHours);
  value *= relevance(item, context.keywords);
  if (context.clicked.has(item.id)) value *= CLICKED_FACTOR;
  if (context.seed !== undefined) value *= 1 + ROTATION_JITTER * seededUnit(item.id, context.seed);
  return value;
}
