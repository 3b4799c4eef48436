/**
 * The last good feed body per URL, kept in `sessionStorage` for the next page of the
 * visit. Storage can be disabled, full or written by the host page: every failure
 * reads as "nothing cached", and the element parses a cached body as untrusted input.
 */
const PREFIX = 'trending-recs ';

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

/** Saves `body` for `url`, or only forgets the old entry when `body` is undefined. */
export function cacheFeed(url: string, body: string | undefined, now: number): void {
  try {
    // Forgotten first: a new body over the quota leaves no stale entry behind.
    sessionStorage.removeItem(PREFIX + url);
    if (body !== undefined) sessionStorage.setItem(PREFIX + url, `${now} ${body}`);
  } catch {
    // Disabled or over quota: the next page fetches as if nothing was cached.
  }
}
