/**
 * What the element and the loader must agree on to reserve the block's final height
 * before the element's module has loaded.
 */

export const DEFAULT_LIMIT = 12;
export const MAX_LIMIT = 100;
export const DEFAULT_HEADING = 'Trending on our other sites';

/** How many cards a `limit` makes room for: a whole number from 1 to MAX_LIMIT, else the default. */
export function cardCount(limit: unknown): number {
  // Number(null) is 0: no attribute, the default.
  const count = Math.floor(Number(limit));
  return count >= 1 ? Math.min(count, MAX_LIMIT) : DEFAULT_LIMIT;
}
