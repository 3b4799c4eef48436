import { readFile } from 'node:fs/promises';
import { parseFeed } from '../feed/parse.js';
import { normalizeUrl } from '../feed/urls.js';
import { fadedCounts, scoreByCounts, type HourCount } from '../rank/count-score.js';
import { foldTitle } from '../rank/rank.js';
import type { NetworkConfig } from './config.js';
import { readItems, type BuiltItem } from './read-items.js';
import { readSource, type ReadOptions, type SourceState } from './read-source.js';
import { writeAtomically } from './write-atomically.js';

/** What a run reports of each feed. */
export interface SourceReport {
  site: string;
  source: string;
  /** fresh: read now; cached: the last good copy (304, or the feed failed); gone: 410; failed: nothing to use. */
  status: 'fresh' | 'not-modified' | 'cached' | 'gone' | 'failed';
  items: number;
  message?: string;
}

export interface BuildResult {
  reports: SourceReport[];
  /** Items written. */
  written: number;
  /** Items the widget would have refused, left out, each with why. */
  refused: string[];
  /** Whether any feed, fresh or cached, could be read. */
  anyRead: boolean;
}

export interface BuildOptions extends Omit<ReadOptions, 'baseDir'> {
  configDir: string;
  out: string;
  /** The collector's rows, when counts are to score the items. */
  counts?: (sinceHour: number) => Promise<HourCount[]>;
  now: number;
  /** How many feeds are read at the same time. */
  concurrency: number;
}

type State = Record<string, SourceState>;

async function readState(file: string): Promise<State> {
  try {
    const state = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return state && typeof state === 'object' ? (state as State) : {};
  } catch {
    return {};
  }
}

/** Runs `work` over `inputs`, at most `limit` at a time, keeping their order. */
async function mapLimited<I, O>(inputs: readonly I[], limit: number, work: (input: I) => Promise<O>): Promise<O[]> {
  const out: O[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      out[index] = await work(inputs[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return out;
}

/**
 * One build: reads every site's feeds (conditionally, in parallel), keeps the last good
 * copy of a feed that fails, merges the items and the offers, removes duplicates (same
 * normalised URL or same title), scores them from the counts when there are some, keeps
 * what the widget's own parser accepts, and writes the JSON Feed and the state file
 * (`<out>.state.json`) atomically.
 */
export async function buildFeed(config: NetworkConfig, options: BuildOptions): Promise<BuildResult> {
  const stateFile = `${options.out}.state.json`;
  const state = await readState(stateFile);
  const nextState: State = {};
  const sources = config.sites.flatMap((site) => site.feeds.map((source) => ({ site, source })));
  const reports = await mapLimited(sources, options.concurrency, async ({ site, source }): Promise<SourceReport & { list: BuiltItem[] }> => {
    const key = `${site.name}\u0000${source}`;
    const previous = state[key];
    const kept = (previous?.items ?? []) as BuiltItem[];
    const result = await readSource(source, previous, { ...options, baseDir: options.configDir });
    const report = { site: site.name, source };
    if (result.status === 'gone') return { ...report, status: 'gone', items: 0, message: result.message, list: [] };
    if (result.status === 'not-modified') {
      nextState[key] = previous!;
      return { ...report, status: 'not-modified', items: kept.length, list: kept };
    }
    if (result.status === 'fresh') {
      try {
        const { items, skipped } = readItems(result.body, site, options.now);
        nextState[key] = { etag: result.etag, lastModified: result.lastModified, items };
        return { ...report, status: 'fresh', items: items.length, ...(skipped.length && { message: `${skipped.length} entries skipped (${skipped[0]}${skipped.length > 1 ? ', ...' : ''})` }), list: items };
      } catch (error) {
        return fallback(`not a feed: ${(error as Error).message}`);
      }
    }
    return fallback(result.message);

    function fallback(message: string): SourceReport & { list: BuiltItem[] } {
      if (!kept.length) return { ...report, status: 'failed', items: 0, message, list: [] };
      nextState[key] = { ...previous!, items: kept };
      return { ...report, status: 'cached', items: kept.length, message: `${message}; used the last good copy`, list: kept };
    }
  });

  const anyRead = reports.some((report) => report.status !== 'failed' && report.status !== 'gone');
  // Newest first, so that of two duplicates the newer stays; ties by URL, for the same output from the same input.
  const candidates = reports
    .flatMap((report) => report.list)
    .sort((a, b) => (b.date_published ?? '').localeCompare(a.date_published ?? '') || a.url.localeCompare(b.url));
  const seenUrls = new Set<string>();
  const seenTitles = new Set<string>();
  const unique = candidates.filter((item) => {
    const url = normalizeUrl(item.url) ?? item.url;
    const title = foldTitle(item.title);
    if (seenUrls.has(url) || seenTitles.has(title)) return false;
    seenUrls.add(url);
    seenTitles.add(title);
    return true;
  });

  let ordered: BuiltItem[];
  if (options.counts) {
    const halfLifeMs = config.half_life_hours * 3_600_000;
    // Ten half-lives back: older counts weigh under 0.1%.
    const rows = await options.counts(Math.floor((options.now - 10 * halfLifeMs) / 3_600_000) * 3600);
    const counts = fadedCounts(rows, options.now, config.half_life_hours);
    ordered = scoreByCounts(
      unique.map((item) => ({ id: item.id, site: item._trending.site, published: item.date_published ? Date.parse(item.date_published) : undefined, built: item })),
      counts,
      config.new_below_impressions,
    ).map(({ item, score }) => ({ ...item.built, _trending: { ...item.built._trending, score } }));
  } else {
    // Without counts the widget ranks by freshness: the newest first, all at score 0.
    ordered = unique;
  }
  // Sorted by score, highest first; equal scores keep their order (the newest first).
  const scoreOf = (item: object) => Number((item as { _trending?: { score?: unknown } })._trending?.score) || 0;
  const items = [...config.offers, ...ordered.slice(0, Math.max(0, config.max_items - config.offers.length))].sort((a, b) => scoreOf(b) - scoreOf(a));

  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: config.title,
    home_page_url: config.home_page_url,
    items,
  };
  // The widget's own parser has the last word: what it would refuse is not written.
  const parsed = parseFeed(feed, config.home_page_url);
  const refused = parsed.skipped.map((skip) => `item ${skip.index}${skip.id ? ` (${skip.id})` : ''}: ${skip.reason}`);
  const refusedIndexes = new Set(parsed.skipped.map((skip) => skip.index));
  feed.items = items.filter((_, index) => !refusedIndexes.has(index));

  if (anyRead) {
    await writeAtomically(options.out, `${JSON.stringify(feed, null, 2)}\n`);
    await writeAtomically(stateFile, `${JSON.stringify(nextState)}\n`);
  }
  return { reports: reports.map(({ list: _list, ...report }) => report), written: anyRead ? feed.items.length : 0, refused, anyRead };
}
