import { cacheFeed, readCachedFeed } from './feed-cache.js';
import { fetchSharedFeedText } from './fetch.js';
import { parseFeedInSteps } from './parse.js';
import { runSteps } from '../steps.js';
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

/**
 * JSON.parse for feed bodies. A body over MAX_FEED_CHARS is cut after the last item
 * that closes before the limit, so a runaway feed costs at most a few parses of 5 MB;
 * when none of the last few '}' closes an item, the feed fails instead.
 */
function readJson(body: string, url: string): unknown {
  let end = body.length;
  if (end > MAX_FEED_CHARS) {
    console.warn(`<trending-recs> ${url} is over 5 MB: read up to its last item before that`);
    end = body.lastIndexOf('}', MAX_FEED_CHARS);
  }
  for (let tries = 0; tries++ < 4; end = body.lastIndexOf('}', end - 1)) {
    try {
      // The body itself first, if small enough; then each '}' before the limit, from the last.
      return JSON.parse(end < body.length ? `${body.slice(0, end + 1)}]}` : body);
    } catch {
      if (end === body.length) break;
    }
  }
  throw new Error(end < body.length ? 'over 5 MB' : 'not valid JSON');
}

/**
 * Loads and parses the feed at `url`, stale-while-revalidate: a feed this session
 * cached less than `cacheTtl` seconds ago is handed to `onCached` at once, the network
 * is asked all the same, and its feed, once good, is returned and cached. When the
 * network fails, the cached feed is returned instead of the error.
 */
export async function loadFeed(url: string, { signal, timeout, cacheTtl, onCached }: LoadOptions): Promise<ParsedFeed> {
  // Out of the caller's task (the element's update, where a removal goes unnoticed) and
  // in steps: a big feed is read in short tasks.
  const parseInSteps = (body: string) => runSteps(() => parseFeedInSteps(readJson(body, url), url), signal);
  const cachedBody = readCachedFeed(url, cacheTtl, Date.now());
  let cached: ParsedFeed | undefined;
  if (cachedBody !== undefined) {
    try {
      onCached((cached = await parseInSteps(cachedBody)));
    } catch {
      // Corrupt, or written by someone else: forget it.
      signal.throwIfAborted();
      cacheFeed(url, undefined, 0);
    }
  }
  try {
    const body = await fetchSharedFeedText(url, signal, timeout);
    const feed = await parseInSteps(body);
    if (cacheTtl > 0) cacheFeed(url, body, Date.now());
    return feed;
  } catch (error) {
    if (cached && !signal.aborted) return cached;
    throw error;
  }
}
