/**
 * Fetches a feed and returns its parsed JSON, or throws an Error whose message says,
 * in a few words a publisher can act on, what went wrong.
 */
export async function fetchFeedJson(url: string, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal,
      // A CORS-safelisted header: no preflight for cross-origin feeds.
      headers: { accept: 'application/feed+json, application/json' },
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error('network error (offline, blocked or CORS)');
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error('response body cut off');
  }
  try {
    return JSON.parse(body);
  } catch {
    throw new Error(body.trim() ? 'not valid JSON (malformed or truncated)' : 'empty response');
  }
}
