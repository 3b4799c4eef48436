import type { TrendingItem } from '../feed/types.js';

export interface DiversifyOptions {
  /** How many items to choose at most. */
  limit: number;
  /** Hard cap: never more than this many items from one site. Undefined: no cap. */
  perSite?: number;
  /** Soft cap: more items from one site only once no other eligible item is left. Undefined: none. */
  preferredPerSite?: number;
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

/** An item with its site key and its position in the source, so that held-back items rejoin in order. */
interface Ranked {
  item: TrendingItem;
  site: string;
  rank: number;
}

/**
 * Picks up to `limit` items from `ordered` (best first), keeping its order where the
 * rules allow. Hard rules: `perSite` and the sponsored rules. Soft rules, in this order:
 * `preferredPerSite`, then the next card's site (and, when one is near, category)
 * differing from the previous card's, taking the best item that satisfies the most, so
 * the mix interleaves. Items are drawn from `ordered` only as far as needed, so a lazy
 * source keeps the work near `limit`; a source short of sites is read once to its end,
 * which is how it shows that no other site is left.
 */
export function diversify(ordered: Iterable<TrendingItem>, options: DiversifyOptions): TrendingItem[] {
  const { limit, perSite = Infinity, preferredPerSite = Infinity, maxSponsored } = options;
  const source = ordered[Symbol.iterator]();
  /** Items read and not yet chosen, within both caps, in source order. */
  const pool: Ranked[] = [];
  /** How many items of each site `pool` holds. */
  const pooled = new Map<string, number>();
  let read = 0;
  let drained = false;
  const more = () => {
    const next = source.next();
    if (next.done) {
      drained = true;
      return false;
    }
    const site = siteKey(next.value);
    pool.push({ item: next.value, site, rank: read++ });
    pooled.set(site, (pooled.get(site) ?? 0) + 1);
    return true;
  };
  /** Items over `preferredPerSite` but within `perSite`, in source order: what fills the block. */
  const overflow: Ranked[] = [];
  /**
   * Plain and sponsored items each site has put into `overflow`. Each site keeps only its
   * best `limit` plain and `maxSponsored` sponsored ones, more than the fill can take:
   * keeping all of a one-site feed of thousands made every card scan them all.
   */
  const heldBack = new Map<string, number>();
  const holdBack = (entry: Ranked) => {
    const key = `${entry.item.sponsored ? 's' : 'p'}${entry.site}`;
    const held = heldBack.get(key) ?? 0;
    if (held >= (entry.item.sponsored ? Math.min(limit, maxSponsored) : limit)) return;
    heldBack.set(key, held + 1);
    let at = overflow.length;
    while (at > 0 && overflow[at - 1]!.rank > entry.rank) at--;
    overflow.splice(at, 0, entry);
  };
  /** Notes that `entry` left `list`. */
  const left = (list: Ranked[], entry: Ranked) => {
    if (list === pool) pooled.set(entry.site, pooled.get(entry.site)! - 1);
  };
  const take = (list: Ranked[], index: number) => {
    const [entry] = list.splice(index, 1) as [Ranked];
    left(list, entry);
    return entry;
  };
  const shown = new Map<string, number>();
  const chosen: TrendingItem[] = [];
  let sponsored = 0;

  /**
   * The index in `list` of the item to show after `previous`, or -1. Drops what can never
   * be shown again and moves what the soft cap holds back to `overflow`, as met.
   */
  const bestOf = (list: Ranked[], previous: TrendingItem | undefined, refill?: () => boolean) => {
    const previousSite = previous && siteKey(previous);
    let best = -1;
    let bestFit = -1;
    // Entries that stay are moved down over those that leave, and the rest of the list
    // shifted once at the end: a splice for each that left made ranking a one-site feed
    // of 100,000 items take 20 s in Node.
    let kept = 0;
    let at = 0;
    // Once the source is spent and the pool holds only the previous card's site, the
    // first eligible item is the best: scanning on for another site went through a whole
    // one-site feed for every card.
    const onlyPreviousSite = () => list === pool && drained && pooled.get(previousSite!) === list.length - (at - kept);
    for (
      ;
      (at < list.length || (refill?.() ?? false)) &&
      bestFit < 2 &&
      (bestFit < 1 || kept - best <= CATEGORY_LOOKAHEAD) &&
      !(bestFit === 0 && onlyPreviousSite());
      at++
    ) {
      const entry = list[at]!;
      const { item, site } = entry;
      const count = shown.get(site) ?? 0;
      if (count >= perSite || (item.sponsored && sponsored >= maxSponsored)) {
        left(list, entry);
        continue;
      }
      if (list === pool && count >= preferredPerSite) {
        left(list, entry);
        holdBack(entry);
        continue;
      }
      list[kept++] = entry;
      if (item.sponsored && (!previous || previous.sponsored)) continue;
      const fit = !previous
        ? 2
        : site === previousSite
          ? 0
          : item.category?.toLowerCase() === previous.category?.toLowerCase()
            ? 1
            : 2;
      if (fit > bestFit) {
        best = kept - 1;
        bestFit = fit;
      }
    }
    if (kept < at) {
      list.copyWithin(kept, at);
      list.length -= at - kept;
    }
    return best;
  };

  while (chosen.length < limit) {
    const previous = chosen[chosen.length - 1];
    let from = pool;
    let best = bestOf(pool, previous, more);
    // Nothing within the soft cap is left (the source is spent): the best of the rest
    // fills the block, so a feed from few sites still shows `limit` cards.
    if (best < 0) best = bestOf((from = overflow), previous);
    if (best < 0) break;
    const { item, site } = take(from, best);
    chosen.push(item);
    shown.set(site, (shown.get(site) ?? 0) + 1);
    if (item.sponsored) sponsored += 1;
  }
  return chosen;
}
