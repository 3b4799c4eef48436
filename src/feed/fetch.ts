/** Tries after the first that a failed request gets. */
export const MAX_RETRIES = 2;
/** Pause before the first retry; it doubles for the next. */
export const RETRY_BASE_MS = 500;
/** The longest pause a `Retry-After` header can ask for. */
export const MAX_RETRY_AFTER_MS = 5000;

/** Statuses that a later try may not get: timeout, rate limit, server errors. */
const RETRY_STATUS = /^(408|429|5\d\d)$/;

/**
 * How long to wait before retry number `retry` (1 or 2): what `Retry-After` asks, in
 * seconds or as an HTTP date, up to MAX_RETRY_AFTER_MS; else RETRY_BASE_MS doubling,
 * with random jitter so that many readers do not all come back at the same moment.
 */
export function retryDelay(retryAfter: string | null, retry: number, now: number, random = Math.random()): number {
  // Only an HTTP date is read as a date: Date.parse would also take "1.5" or "-1".
  const asked = !retryAfter ? NaN : /^\s*\d+\s*$/.test(retryAfter) ? Number(retryAfter) * 1000 : / GMT\s*$/.test(retryAfter) ? Math.max(0, Date.parse(retryAfter) - now) : NaN;
  return asked >= 0 ? Math.min(asked, MAX_RETRY_AFTER_MS) : RETRY_BASE_MS * 2 ** (retry - 1) * (0.5 + random / 2);
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/**
 * Fetches a feed and returns its body, or throws an Error whose message says, in a few
 * words a publisher can act on, what went wrong. Network errors and retryable statuses
 * are tried again up to MAX_RETRIES times; everything, retries included, must finish
 * within `timeout` ms, so the skeleton never stays up forever.
 */
export async function fetchFeedText(url: string, signal: AbortSignal, timeout: number): Promise<string> {
  let response: Response | undefined;
  // false for an error status: its body is not read, the status says it all, at once.
  let body: string | false;
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(timeout)]);
  const request = (cache: RequestCache) =>
    fetch(url, {
      signal: deadline,
      cache,
      // A CORS-safelisted header: no preflight for cross-origin feeds.
      headers: { accept: 'application/feed+json, application/json' },
    });
  try {
    for (let retry = 1; ; retry++) {
      response = undefined;
      try {
        response = await request('default');
        if (retry > MAX_RETRIES || !RETRY_STATUS.test(`${response.status}`)) break;
      } catch (error) {
        if (deadline.aborted) throw error;
        // Offline after every try: the last copy in the browser's HTTP cache, however
        // stale, is better than nothing.
        if (retry > MAX_RETRIES) {
          response = await request('force-cache');
          break;
        }
      }
      await sleep(retryDelay(response?.headers.get('retry-after') ?? null, retry, Date.now()), deadline);
    }
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
  return body as string;
}

interface SharedRequest {
  _body: Promise<string>;
  _readers: number;
  _controller: AbortController;
}

const inFlight = new Map<string, SharedRequest>();

/**
 * fetchFeedText shared by every widget on the page that asks for the same URL while a
 * request is in flight. The request is aborted only when all of them have given up.
 * The first widget's timeout applies.
 */
export function fetchSharedFeedText(url: string, signal: AbortSignal, timeout: number): Promise<string> {
  let shared = inFlight.get(url);
  if (!shared) {
    const controller = new AbortController();
    shared = { _body: fetchFeedText(url, controller.signal, timeout).finally(() => inFlight.delete(url)), _readers: 0, _controller: controller };
    inFlight.set(url, shared);
  }
  const request = shared;
  request._readers++;
  signal.addEventListener('abort', () => --request._readers || (inFlight.delete(url), request._controller.abort()), { once: true });
  return request._body;
}
