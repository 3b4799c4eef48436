import type { Prefetch } from './prefetch.js';
import { timeSlices } from '../steps.js';

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
 * Characters of a feed body that are read: the rest is not downloaded. A trending feed
 * needs a few hundred items, and every character read is main-thread time on the
 * reader's device (JSON.parse of 4 MB alone takes longer than a frame budget allows).
 * The body is then cut after its last whole item (see load-feed.ts).
 */
export const MAX_FEED_CHARS = 2 ** 19;

/**
 * The body of `response` as text, up to a little over MAX_FEED_CHARS characters: the
 * download stops there. Stops with the signal's reason when it is aborted.
 */
async function readCapped(response: Response, signal: AbortSignal): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const cancel = () => reader.cancel().catch(() => {});
  signal.addEventListener('abort', cancel, { once: true });
  const decoder = new TextDecoder();
  // Chunks that have arrived are read in one run of microtasks: a pause now and then.
  const slice = timeSlices();
  let text = '';
  try {
    for (let chunk; !(chunk = await reader.read()).done; await slice()) {
      text += decoder.decode(chunk.value, { stream: true });
      if (text.length > MAX_FEED_CHARS) {
        cancel();
        return text;
      }
    }
    signal.throwIfAborted();
    return text + decoder.decode();
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

/** What a request may start from besides the URL. */
export interface FetchOptions {
  /** The loader's request for this URL, taken as the first try. */
  first?: Promise<Response>;
  /** Ask the server even when the browser's HTTP cache holds a fresh copy. */
  revalidate?: boolean;
}

/**
 * Fetches a feed and returns its body (see readCapped), or throws an Error whose
 * message says, in a few words a publisher can act on, what went wrong. Network errors
 * and retryable statuses are tried again up to MAX_RETRIES times; everything, retries
 * included, must finish within `timeout` ms, so the skeleton never stays up forever.
 */
export async function fetchFeedText(url: string, signal: AbortSignal, timeout: number, { first, revalidate }: FetchOptions = {}): Promise<string> {
  let response: Response | undefined;
  // false for an error status: its body is not read, the status says it all, at once.
  let body: string | false;
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(timeout)]);
  // A plain GET, as the loader's first try: no header that would need a CORS preflight.
  const request = (cache: RequestCache) => fetch(url, { signal: deadline, cache });
  // The loader's request was started without our deadline: it ends at the deadline too.
  const firstTry = first && Promise.race([first, new Promise<never>((_, reject) => deadline.addEventListener('abort', () => reject(deadline.reason), { once: true }))]);
  try {
    for (let retry = 1; ; retry++) {
      response = undefined;
      try {
        response = await (retry === 1 && firstTry ? firstTry : request(revalidate ? 'no-cache' : 'default'));
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
    body = response.ok && (await readCapped(response, deadline));
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
 * What became of each loader request taken: the loader hands one request to every
 * element that shows its feed, however late, and its body can be read only once. null:
 * it failed, so a later element asks anew.
 */
const prefetchReads = new WeakMap<Prefetch, SharedRequest | null>();

/**
 * fetchFeedText shared by every widget on the page that asks for the same URL while a
 * request is in flight. The request is aborted only when all of them have given up.
 * The first widget's timeout applies. A loader's request for the URL (`prefetch`) is
 * taken as the first try, and an element that takes it after another did gets what
 * that one read; `revalidate` (a reload) asks anew instead of joining.
 */
export function fetchSharedFeedText(url: string, signal: AbortSignal, timeout: number, prefetch?: Prefetch, revalidate?: boolean): Promise<string> {
  let shared = revalidate ? undefined : inFlight.get(url);
  const earlier = prefetch && prefetchReads.get(prefetch);
  if (earlier !== undefined) {
    shared ??= earlier ?? undefined;
    prefetch = undefined;
  }
  if (!shared) {
    // Aborting the loader's controller aborts its request too.
    const controller = prefetch?.controller ?? new AbortController();
    const body = fetchFeedText(url, controller.signal, timeout, { first: prefetch?.response, revalidate });
    shared = { _body: body.finally(() => inFlight.get(url) === shared && inFlight.delete(url)), _readers: 0, _controller: controller };
    inFlight.set(url, shared);
    const taken = prefetch;
    if (taken) {
      prefetchReads.set(taken, shared);
      body.catch(() => prefetchReads.set(taken, null));
    }
  }
  // Two loaders on one page may each have asked: the request not taken is dropped.
  else if (prefetch && prefetch.controller !== shared._controller) prefetch.controller.abort();
  const request = shared;
  request._readers++;
  const giveUp = () => --request._readers || (inFlight.get(url) === request && inFlight.delete(url), request._controller.abort());
  signal.addEventListener('abort', giveUp, { once: true });
  return request._body;
}
