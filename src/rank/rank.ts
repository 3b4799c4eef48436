import type { TrendingItem } from '../feed/types.js';
import { displayHost, normalizeUrl } from '../feed/urls.js';
import { diversify } from './diversify.js';
import { rankScore } from './score.js';

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
  /** At most this many cards from one site. Default: a third of `limit`, rounded up. */
  perSite?: number;
  /** At most this many sponsored cards. Default: 1 per 6 cards, rounded up. */
  maxSponsored?: number;
  /** Show only these categories / sites (name or host) / kinds; case-insensitive. */
  categories?: readonly string[];
  sites?: readonly string[];
  kinds?: readonly string[];
  /** Words about the page the reader is on; matching items get a bounded boost. */
  keywords?: Iterable<string>;
  /** Ids of items the reader already clicked; they are demoted. */
  clicked?: Iterable<string>;
  /** Varies the order of near-equal items between page views. */
  seed?: number;
}

export const DEFAULT_HALF_LIFE_HOURS = 72;
const DAY = 86_400_000;

/** Items with a date (events, webinars) are over once their end, or else their start, has passed. */
export function isOver(item: TrendingItem, now: number): boolean {
  const last = item.endsAt ?? item.startsAt;
  return last !== undefined && last < now;
}

const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** A test for a filter list: passes everything when the list is empty. */
function filterFor(wanted: readonly string[] = []) {
  const set = new Set(wanted.map(fold));
  return (...values: (string | undefined)[]) => !set.size || values.some((v) => v !== undefined && set.has(fold(v)));
}

/**
 * Chooses and orders the items to show. Pure and deterministic: no DOM, no clock, no
 * randomness beyond `seed`. The README's "How items are chosen" describes each rule.
 */
export function rankItems(items: readonly TrendingItem[], options: RankOptions): TrendingItem[] {
  const { now, limit } = options;
  const halfLifeHours = options.halfLifeHours! > 0 ? options.halfLifeHours! : DEFAULT_HALF_LIFE_HOURS;
  const oldest = options.maxAgeDays! > 0 ? now - options.maxAgeDays! * DAY : -Infinity;
  const context = {
    now,
    halfLifeHours,
    keywords: new Set(options.keywords),
    clicked: new Set(options.clicked),
    seed: options.seed,
  };

  const inCategories = filterFor(options.categories);
  const inSites = filterFor(options.sites);
  const inKinds = filterFor(options.kinds);

  const scored = items
    .filter(
      (item) =>
        !isOver(item, now) &&
        (item.startsAt !== undefined || (item.published ?? item.modified ?? now) >= oldest) &&
        inCategories(item.category) &&
        inKinds(item.kind) &&
        (!options.sites?.length || inSites(item.site, displayHost(item.url))),
    )
    .map((item) => ({ item, score: rankScore(item, context) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.item.published ?? b.item.modified ?? 0) - (a.item.published ?? a.item.modified ?? 0),
    );

  // The best-scored copy of each id, URL or title comes first, so it is the one kept.
  const seen = new Set<string>();
  for (const url of options.exclude ?? []) seen.add(`u${normalizeUrl(url)}`);
  const unique: TrendingItem[] = [];
  for (const { item } of scored) {
    const keys = [`i${item.id}`, `u${normalizeUrl(item.url)}`, `t${fold(item.title)}`];
    if (keys.some((key) => seen.has(key))) continue;
    keys.forEach((key) => seen.add(key));
    unique.push(item);
  }

  return diversify(unique, {
    limit,
    perSite: options.perSite ?? Math.max(1, Math.ceil(limit / 3)),
    maxSponsored: options.maxSponsored ?? Math.ceil(limit / 6),
  });
}
