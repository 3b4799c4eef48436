import { cacheFeed, readCachedFeed } from './feed-cache.js';
import { fetchSharedFeedText, MAX_FEED_CHARS } from './fetch.js';
import { parseFeedInSteps } from './parse.js';
import type { Prefetch } from './prefetch.js';
import { runSteps } from '../steps.js';
import type { ParsedFeed } from './types.js';

export interface LoadOptions {
  signal: AbortSignal;
  /** Milliseconds for the whole request, retries included. */
  timeout: number;
  /** Seconds a cached feed may be shown for; 0 turns the cache off. */
  cacheTtl: number;
  /** Called with a cached feed to show while the network is asked for a fresh one. */
  onCached: (feed: ParsedFeed) => void;
  /** The loader's request for this feed, taken as the first try. */
  prefetch?: Prefetch;
  /** A reload: ask the server again, past the browser's HTTP cache and this visit's copy. */
  revalidate?: boolean;
}

const LIMIT_KB = `${MAX_FEED_CHARS / 1024} KB`;

/**
 * A feed body as JSON, and as text to cache. A body over MAX_FEED_CHARS (its download
 * was stopped there) is cut after the last item that closes before the limit, leaving
 * room for the closing `]}`; when none of the last few '}' closes an item, the feed fails.
 */
function readJson(body: string, url: string): { json: unknown; text: string } {
  if (body.length <= MAX_FEED_CHARS) {
    try {
      return { json: JSON.parse(body), text: body };
    } catch {
      throw new Error('not valid JSON');
    }
  }
  console.warn(`<trending-recs> ${url} is over ${LIMIT_KB}: read up to its last item before that`);
  for (let tries = 0, end = MAX_FEED_CHARS - 2; tries < 4 && (end = body.lastIndexOf('}', end - 1)) >= 0; tries++) {
    const text = `${body.slice(0, end + 1)}]}`;
    try {
      return { json: JSON.parse(text), text };
    } catch {
      // That '}' closed something inside an item, or sat in a string: try the one before.
    }
  }
  throw new Error(`over ${LIMIT_KB}`);
}

/**
 * Loads and parses the feed at `url`, stale-while-revalidate: a feed this session
 * cached less than `cacheTtl` seconds ago is handed to `onCached` at once, the network
 * is asked all the same, and its feed, once good, is returned and cached. When the
 * network fails, the cached feed is returned instead of the error.
 */
export async function loadFeed(url: string, { signal, timeout, cacheTtl, onCached, prefetch, revalidate }: LoadOptions): Promise<ParsedFeed> {
  // Out of the caller's task (the element's update, where a removal goes unnoticed) and
  // in steps: a big feed is read in short tasks, JSON.parse in one of its own.
  const parseInSteps = (readBody: () => unknown) => runSteps(() => parseFeedInSteps(readBody(), url), signal);
  const cachedBody = revalidate ? undefined : readCachedFeed(url, cacheTtl, Date.now());
  let cached: ParsedFeed | undefined;
  if (cachedBody !== undefined) {
    try {
      onCached((cached = await parseInSteps(() => JSON.parse(cachedBody))));
    } catch {
      // Corrupt, or written by someone else: forget it.
      signal.throwIfAborted();
      cacheFeed(url, undefined, 0);
    }
  }
  try {
    const body = await fetchSharedFeedText(url, signal, timeout, prefetch, revalidate);
    let text = body;
    const feed = await parseInSteps(() => {
      const read = readJson(body, url);
      text = read.text;
      return read.json;
    });
    if (cacheTtl > 0) cacheFeed(url, text, Date.now());
    return feed;
  } catch (error) {
    if (cached && !signal.aborted) return cached;
    throw error;
  }
}
