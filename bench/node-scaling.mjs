/**
 * Parse + rank cost in Node as the feed grows: medians of repeated runs for each size,
 * and how the time grows against n log n. Used by bench/bench.mjs; runnable alone:
 *   node bench/node-scaling.mjs
 */
import { build } from 'esbuild';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { mkdirSync, writeFileSync } from 'node:fs';

/** Bundles the pure modules (no DOM, no Lit) for Node. */
export async function loadPureModules() {
  const { outputFiles } = await build({
    stdin: {
      contents: `export { parseFeed, MAX_ITEMS } from './src/feed/parse.ts';
        export { rankItems, contextBoost, clickedPenalty, rotation, inCategories } from './src/index-node.ts';`,
      resolveDir: new URL('..', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'error',
    plugins: [
      {
        name: 'pure-index',
        setup(b) {
          b.onResolve({ filter: /index-node\.ts$/ }, () => ({ path: 'index-node', namespace: 'pure' }));
          b.onLoad({ filter: /.*/, namespace: 'pure' }, () => ({
            contents: `export { rankItems } from './src/rank/rank.ts';
              export { contextBoost, clickedPenalty, rotation } from './src/rank/boosts.ts';
              export { inCategories } from './src/rank/filters.ts';`,
            resolveDir: new URL('..', import.meta.url).pathname,
            loader: 'ts',
          }));
        },
      },
    ],
  });
  const dir = new URL('.tmp/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL('pure-modules.mjs', dir);
  writeFileSync(file, outputFiles[0].text);
  return import(pathToFileURL(file.pathname).href + `?t=${Date.now()}`);
}

/** A deterministic pseudo-random generator (mulberry32), so every run ranks the same feeds. */
export function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const CATEGORIES = ['News', 'Travel', 'Food', 'Events', 'Culture', 'Outdoors', 'Music', 'Business', 'Sport', 'Science', 'Tech', 'Health'];
const WORDS = ['ferry', 'harbor', 'island', 'lantern', 'market', 'storm', 'coast', 'festival', 'guide', 'oyster', 'trail', 'council'];

/** A realistic JSON Feed of `count` items across 40 sister sites, with events, offers and duplicates. */
export function makeFeed(count, now = Date.now(), seed = 7) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const items = [];
  for (let i = 0; i < count; i++) {
    const n = rnd() < 0.05 && i > 0 ? Math.floor(rnd() * i) : i; // about 5% duplicates
    const site = n % 40;
    const kindRoll = rnd();
    const kind = kindRoll < 0.6 ? 'article' : kindRoll < 0.8 ? 'guide' : kindRoll < 0.97 ? 'event' : 'offer';
    const start = now + (rnd() * 60 - 10) * 86_400_000;
    items.push({
      id: `item-${n}`,
      url: `https://site${site}.example/${n}/?utm_source=feed`,
      title: `${pick(WORDS)} ${pick(WORDS)} story number ${n}`,
      image: `https://cdn.example/${n}.jpg`,
      date_published: new Date(now - rnd() * 30 * 86_400_000).toISOString(),
      tags: [pick(CATEGORIES), pick(WORDS)],
      _trending: {
        site: `Site ${site}`,
        category: pick(CATEGORIES),
        kind,
        score: Math.round(rnd() * 1000),
        sponsored: kind === 'offer',
        ...(kind === 'event' || kind === 'offer'
          ? { starts_at: new Date(start).toISOString(), ends_at: new Date(start + 3 * 3_600_000).toISOString() }
          : {}),
      },
    });
  }
  return { version: 'https://jsonfeed.org/version/1.1', title: 'Bench', home_page_url: 'https://site0.example/', items };
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function time(fn, runs) {
  fn(); // warm-up
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * Medians in ms of parse (JSON text to items) and rank (items to the 12 cards) per size.
 * The parser reads at most MAX_ITEMS items of a feed, so larger feeds are parsed in
 * slices of that size here: the cost of parsing, and items for ranking, at every size.
 */
export async function measureScaling(sizes = [100, 1_000, 10_000, 100_000]) {
  const { parseFeed: parseSlice, MAX_ITEMS, rankItems, contextBoost, clickedPenalty, rotation } = await loadPureModules();
  const parseFeed = (json, feedUrl) => {
    const items = [];
    for (let start = 0; start < json.items.length; start += MAX_ITEMS) {
      items.push(...parseSlice({ ...json, items: json.items.slice(start, start + MAX_ITEMS) }, feedUrl).items);
    }
    return { items };
  };
  const now = Date.UTC(2026, 10, 24, 12);
  const rows = [];
  for (const size of sizes) {
    const text = JSON.stringify(makeFeed(size, now));
    const runs = size >= 100_000 ? 7 : size >= 10_000 ? 11 : 31;
    const feedUrl = 'https://site0.example/trending.json';
    const { items } = parseFeed(JSON.parse(text), feedUrl);
    const options = { now, limit: 12, exclude: ['https://site3.example/3/'] };
    const boosts = [contextBoost(['ferry', 'island', 'lantern']), clickedPenalty(['item-1', 'item-2']), rotation(3)];
    rows.push({
      items: size,
      parseMs: time(() => parseFeed(JSON.parse(text), feedUrl), runs),
      rankMs: time(() => rankItems(items, options), runs),
      rankWithBoostsMs: time(() => rankItems(items, { ...options, boosts }), runs),
      runs,
    });
  }
  // Growth against n log n, relative to the smallest size at or above 1,000.
  const base = rows.find((row) => row.items >= 1_000) ?? rows[0];
  const nlogn = (n) => n * Math.log2(n);
  for (const row of rows) {
    row.rankPerNLogN = row.rankMs / nlogn(row.items) / (base.rankMs / nlogn(base.items));
    row.parsePerN = row.parseMs / row.items / (base.parseMs / base.items);
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await measureScaling();
  console.table(rows.map((r) => ({
    items: r.items,
    'parse ms': r.parseMs.toFixed(2),
    'rank ms': r.rankMs.toFixed(2),
    'rank+boosts ms': r.rankWithBoostsMs.toFixed(2),
    'rank / n log n (1k = 1)': r.rankPerNLogN.toFixed(2),
    'parse / n (1k = 1)': r.parsePerN.toFixed(2),
  })));
}
