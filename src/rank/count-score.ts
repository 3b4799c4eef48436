/**
 * The trending score from the collector's counts, for the feed builder. Pure: no DOM,
 * no Node. The formula, in the README's words:
 *
 * 1. Counts fade: each hour's clicks and viewable impressions weigh 0.5^(age / half-life).
 * 2. An item's quality is the lower bound of the 95% Wilson interval of its
 *    click-through rate: 1 click in 2 impressions is not trusted over 300 in 10,000.
 * 3. Per site, returns diminish: a site's k-th best item (from 0) counts SITE_DECAY^k
 *    of its quality, so a site with far more traffic and items cannot fill the feed.
 * 4. Items with fewer than EXPLORE_IMPRESSIONS (faded) impressions (the config's
 *    `new_below_impressions`) have no reliable rate yet: every EXPLORE_EVERY-th place
 *    goes to the freshest of them, so they can earn counts.
 * 5. The score written is 100 × (2) × (3); an item in an exploration place gets the
 *    score of the place it takes. The widget multiplies (score + 1) by freshness.
 */

export const SITE_DECAY = 0.85;
export const EXPLORE_IMPRESSIONS = 100;
export const EXPLORE_EVERY = 10;
const Z = 1.96;

/** Faded counts of one item. */
export interface ItemCounts {
  impressions: number;
  clicks: number;
}

/** One hour's count of one item, as the collector stores it. */
export interface HourCount {
  /** The hour's start in seconds since 1970. */
  hour: number;
  item: string;
  type: 'impression' | 'click';
  count: number;
}

/** Per item, the counts with each hour faded by its age at `now` (ms). */
export function fadedCounts(rows: readonly HourCount[], now: number, halfLifeHours: number): Map<string, ItemCounts> {
  const counts = new Map<string, ItemCounts>();
  for (const row of rows) {
    const ageHours = Math.max(0, (now / 1000 - row.hour) / 3600);
    const weight = row.count * 0.5 ** (ageHours / halfLifeHours);
    const item = counts.get(row.item) ?? { impressions: 0, clicks: 0 };
    if (row.type === 'click') item.clicks += weight;
    else item.impressions += weight;
    counts.set(row.item, item);
  }
  return counts;
}

/** The lower bound of the 95% Wilson score interval of clicks / impressions; 0 without impressions. */
export function wilsonLowerBound(clicks: number, impressions: number): number {
  if (!(impressions > 0)) return 0;
  const p = Math.min(clicks, impressions) / impressions;
  const z2 = Z * Z;
  return Math.max(0, (p + z2 / (2 * impressions) - Z * Math.sqrt((p * (1 - p) + z2 / (4 * impressions)) / impressions)) / (1 + z2 / impressions));
}

export interface ScoredInput {
  id: string;
  site: string;
  /** ms since 1970, for the order of new items. */
  published?: number;
}

/**
 * The order of the trending feed and each item's score, from the faded counts
 * (see the top of this file). Deterministic: ties go by id. `newBelow`: the faded
 * impressions under which an item counts as new (EXPLORE_IMPRESSIONS by default).
 */
export function scoreByCounts<T extends ScoredInput>(
  items: readonly T[],
  counts: ReadonlyMap<string, ItemCounts>,
  newBelow = EXPLORE_IMPRESSIONS,
): { item: T; score: number }[] {
  const byId = (a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const quality = new Map(items.map((item) => {
    const c = counts.get(item.id);
    return [item, c ? wilsonLowerBound(c.clicks, c.impressions) : 0] as const;
  }));
  const established = items.filter((item) => (counts.get(item.id)?.impressions ?? 0) >= newBelow);
  const fresh = items
    .filter((item) => (counts.get(item.id)?.impressions ?? 0) < newBelow)
    .sort((a, b) => (b.published ?? 0) - (a.published ?? 0) || byId(a, b));
  established.sort((a, b) => quality.get(b)! - quality.get(a)! || byId(a, b));
  const placedPerSite = new Map<string, number>();
  const ranked = established
    .map((item) => {
      const k = placedPerSite.get(item.site) ?? 0;
      placedPerSite.set(item.site, k + 1);
      return { item, score: 100 * quality.get(item)! * SITE_DECAY ** k };
    })
    .sort((a, b) => b.score - a.score || byId(a.item, b.item));
  const out: { item: T; score: number }[] = [];
  let next = 0;
  let explore = 0;
  while (next < ranked.length || explore < fresh.length) {
    const exploring = explore < fresh.length && ((out.length + 1) % EXPLORE_EVERY === 0 || next >= ranked.length);
    if (exploring) {
      // The score of the place it takes: the established item it comes before, else the last one.
      const place = ranked[next]?.score ?? out.at(-1)?.score ?? 0;
      out.push({ item: fresh[explore++]!, score: place });
    } else {
      out.push(ranked[next++]!);
    }
  }
  return out.map(({ item, score }) => ({ item, score: Math.round(score * 1000) / 1000 }));
}
