/**
 * The last good feed body per URL, kept in `sessionStorage` for the next page of the
 * visit. Storage can be disabled, full or written by the host page: every failure
 * reads as "nothing cached", and the element parses a cached body as untrusted input.
 */
const PREFIX = 'trending-recs ';

/**
 * Bodies longer than this are not kept: the page's own data shares the origin's storage
 * quota (about 5 MB in browsers), and a big write blocks the main thread.
 * A feed of a few hundred items fits.
 */
export const MAX_CACHED_CHARS = 2 ** 19;

/** The body saved for `url` less than `ttlSeconds` before `now`, if any. */
export function readCachedFeed(url: string, ttlSeconds: number, now: number): string | undefined {
  try {
    const entry = sessionStorage.getItem(PREFIX + url)!;
    const space = entry.indexOf(' ');
    if (now - Number(entry.slice(0, space)) < ttlSeconds * 1000) return entry.slice(space + 1);
  } catch {
    // No storage, or no entry.
  }
  return undefined;
}

/** Saves `body` for `url`, or only forgets the old entry when `body` is undefined or too long. */
export function cacheFeed(url: string, body: string | undefined, now: number): void {
  try {
    // Forgotten first: a new body over the quota leaves no stale entry behind.
    sessionStorage.removeItem(PREFIX + url);
    if (body && body.length <= MAX_CACHED_CHARS) sessionStorage.setItem(PREFIX + url, `${now} ${body}`);
  } catch {
    // Disabled or over quota: the next page fetches as if nothing was cached.
  }
}
