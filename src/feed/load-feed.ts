import { cacheFeed, readCachedFeed } from './feed-cache.js';
import { fetchSharedFeedText } from './fetch.js';
import { parseFeedInSteps } from './parse.js';
import type { ParsedFeed } from './types.js';

/** Characters of a feed body that are read: a bigger one is cut after its last whole item. */
export const MAX_FEED_CHARS = 5 * 2 ** 20;

export interface LoadOptions {
  signal: AbortSignal;
  /** Milliseconds for the whole request, retries included. */
  timeout: number;
  /** Seconds a cached feed may be shown for; 0 turns the cache off. */
  cacheTtl: number;
  /** Called with a cached feed to show while the network is asked for a fresh one. */
  onCached: (feed: ParsedFeed) => void;
}

/** Gives the main thread back for a moment: input and paint go first. */
const pause = () =>
  (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve));

/**
 * JSON.parse for feed bodies. A body over MAX_FEED_CHARS is cut after the last item
 * that closes before the limit, so a runaway feed costs at most a few parses of 5 MB.
 */
function readJson(body: string, url: string): unknown {
  if (body.length > MAX_FEED_CHARS) {
    console.warn(`<trending-recs> ${url} is over 5 MB: read up to its last item before that`);
    // Each '}' before the limit, from the last, may close an item of `items`.
    for (let end = MAX_FEED_CHARS, tries = 0; tries++ < 4 && (end = body.lastIndexOf('}', end - 1)) > 0; ) {
      try {
        return JSON.parse(`${body.slice(0, end + 1)}]}`);
      } catch {
        // Not an item's end: try the one before.
      }
    }
  }
  try {
    return JSON.parse(body);
  } catch {
    throw new Error('not valid JSON');
  }
}

/** parseFeed in steps, pausing between them, and stopping when the widget gives up. */
async function parseInSteps(body: string, url: string, signal: AbortSignal): Promise<ParsedFeed> {
  const steps = parseFeedInSteps(readJson(body, url), url);
  let step;
  while (!(step = steps.next()).done) {
    await pause();
    signal.throwIfAborted();
  }
  return step.value;
}

/**
 * Loads and parses the feed at `url`, stale-while-revalidate: a feed this session
 * cached less than `cacheTtl` seconds ago is handed to `onCached` at once, the network
 * is asked all the same, and its feed, once good, is returned and cached. When the
 * network fails, the cached feed is returned instead of the error.
 */
export async function loadFeed(url: string, { signal, timeout, cacheTtl, onCached }: LoadOptions): Promise<ParsedFeed> {
  const cachedBody = readCachedFeed(url, cacheTtl, Date.now());
  let cached: ParsedFeed | undefined;
  if (cachedBody !== undefined) {
    try {
      onCached((cached = await parseInSteps(cachedBody, url, signal)));
    } catch {
      // Corrupt, or written by someone else: forget it.
      if (!signal.aborted) cacheFeed(url, undefined, 0);
    }
  }
  try {
    const body = await fetchSharedFeedText(url, signal, timeout);
    const feed = await parseInSteps(body, url, signal);
    cacheFeed(url, body, Date.now());
    return feed;
  } catch (error) {
    if (cached && !signal.aborted) return cached;
    throw error;
  }
}
