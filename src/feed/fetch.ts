/**
 * Fetches a feed and returns its parsed JSON, or throws an Error whose message says,
 * in a few words a publisher can act on, what went wrong. A feed that takes longer
 * than `timeout` ms fails rather than leaving the skeleton up forever.
 */
export async function fetchFeedJson(url: string, signal: AbortSignal, timeout: number): Promise<unknown> {
  let response: Response | undefined;
  // false for an error status: its body is not read, the status says it all, at once.
  let body: string | false;
  // AbortSignal.any is recent (2023-24); without it there is no timeout, as before.
  const deadline = AbortSignal.any?.([signal, AbortSignal.timeout(timeout)]) ?? signal;
  try {
    const request = (cache: RequestCache) =>
      fetch(url, {
        signal: deadline,
        cache,
        // A CORS-safelisted header: no preflight for cross-origin feeds.
        headers: { accept: 'application/feed+json, application/json' },
      });
    // Offline or unreachable: the last copy in the browser's HTTP cache, however stale,
    // is better than nothing. Without one, this is a second try at the network.
    response = await request('default').catch(() => request('force-cache'));
    body = await (response.ok && response.text());
  } catch (error) {
    if (signal.aborted) throw error;
    throw new Error(
      deadline.aborted
        ? `timed out after ${timeout} ms`
        : response
          ? 'response body cut off'
          : 'network error (offline, blocked or CORS)',
    );
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  try {
    return JSON.parse(body as string);
  } catch {
    throw new Error('not valid JSON');
  }
}
