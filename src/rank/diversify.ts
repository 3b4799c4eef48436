import type { TrendingItem } from '../feed/types.js';

export interface DiversifyOptions {
  limit: number;
  /** At most this many items from one site. */
  perSite: number;
  /** At most this many sponsored items; never first, never two in a row. */
  maxSponsored: number;
}

const siteKey = (item: TrendingItem) => item.site.toLowerCase();

/**
 * Once a card from another site is found, how much further to look for one that also
 * has another category. Unbounded, a feed with one category was read to its end for
 * every card: 40 ms for 5,000 items instead of 1.
 */
export const CATEGORY_LOOKAHEAD = 50;

/**
 * Picks up to `limit` items from `ordered` (best first), keeping its order where the
 * rules allow. Hard rules: the site cap and the sponsored rules. Soft rule: the next
 * card's site (and, when one is near, category) differs from the previous card's, taking
 * the best item that satisfies the most, so the mix interleaves. Items are drawn from
 * `ordered` only as far as needed, so a lazy source keeps the work near `limit`.
 */
export function diversify(ordered: Iterable<TrendingItem>, options: DiversifyOptions): TrendingItem[] {
  const source = ordered[Symbol.iterator]();
  const pool: TrendingItem[] = [];
  const more = () => {
    const next = source.next();
    if (!next.done) pool.push(next.value);
    return !next.done;
  };
  const perSite = new Map<string, number>();
  const chosen: TrendingItem[] = [];
  let sponsored = 0;
  while (chosen.length < options.limit) {
    const previous = chosen[chosen.length - 1];
    let best = -1;
    let bestFit = -1;
    for (let i = 0; (i < pool.length || more()) && bestFit < 2 && (bestFit < 1 || i - best <= CATEGORY_LOOKAHEAD); i++) {
      const item = pool[i]!;
      if ((perSite.get(siteKey(item)) ?? 0) >= options.perSite) {
        pool.splice(i--, 1);
        continue;
      }
      if (item.sponsored && (!previous || previous.sponsored || sponsored >= options.maxSponsored)) continue;
      const fit = !previous
        ? 2
        : siteKey(item) === siteKey(previous)
          ? 0
          : item.category?.toLowerCase() === previous.category?.toLowerCase()
            ? 1
            : 2;
      if (fit > bestFit) {
        best = i;
        bestFit = fit;
      }
    }
    if (best < 0) break;
    const [item] = pool.splice(best, 1) as [TrendingItem];
    chosen.push(item);
    perSite.set(siteKey(item), (perSite.get(siteKey(item)) ?? 0) + 1);
    if (item.sponsored) sponsored += 1;
  }
  return chosen;
}
