import type { TrendingItem } from '../feed/types.js';
import type { Boost } from './score.js';

/** Each page keyword an item matches adds this much, up to CONTEXT_MAX_MATCHES. */
export const CONTEXT_STEP = 0.25;
export const CONTEXT_MAX_MATCHES = 2;
/** What an item the reader already clicked keeps of its score. */
export const CLICKED_FACTOR = 0.25;
/** Rotation: near-equal items (within this fraction) may swap places between views. */
export const ROTATION_JITTER = 0.15;

/**
 * Favours items about the page the reader is on: 1 plus CONTEXT_STEP for each keyword
 * found as a word of the item's title, tags or category, so at most 1.5: a related
 * item wins a close call but cannot beat a much fresher or more popular one.
 */
export function contextBoost(keywords: Iterable<string>): Boost {
  // Only words can match a word (and only they are safe in the pattern below).
  const wanted = [...new Set(keywords)].filter((word) => /^[\p{L}\p{N}]+$/u.test(word));
  // One pass over each item's text for all keywords at once, as whole words: reading
  // every word of 5,000 items into sets took most of a long task.
  const keyword = new RegExp(`(?<![\\p{L}\\p{N}])(?:${wanted.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (item: TrendingItem) =>
    1 + CONTEXT_STEP * Math.min(wanted.length && new Set([item.title, item.category, ...item.tags].join(' ').toLowerCase().match(keyword)).size, CONTEXT_MAX_MATCHES);
}

/** Demotes items the reader already clicked, so the block does not repeat itself. */
export function clickedPenalty(ids: Iterable<string>): Boost {
  const clicked = new Set(ids);
  return (item) => (clicked.has(item.id) ? CLICKED_FACTOR : 1);
}

/** A stable number in [0, 1) for an item id and a seed (FNV-1a over the id twice). */
export function seededUnit(id: string, seed: number): number {
  let hash = 0x811c9dc5 ^ seed;
  // The id twice: in one pass, ids that differ only at the end (post-1001, post-1002…)
  // get nearly the same number and never trade places; the second pass spreads that end.
  for (const char of id + id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return (hash >>> 0) / 2 ** 32;
}

/**
 * Lets near-equal items trade places from one page view to the next: each score is
 * raised by up to ROTATION_JITTER, by an amount fixed for an item id and `seed`.
 * Seed 0 leaves the order as ranked (the first page of a visit).
 */
export function rotation(seed: number): Boost {
  return (item) => (seed ? 1 + ROTATION_JITTER * seededUnit(item.id, seed) : 1);
}
