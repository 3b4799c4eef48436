/** Builders for feeds in tests, and the client side of the /feeds route table. */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const iso = (ms: number) => new Date(ms).toISOString();

let counter = 0;

export interface RawItem {
  [key: string]: unknown;
  _trending?: Record<string, unknown>;
}

/** A valid item on a sister site; `trending` fields go into its `_trending` extension. */
export function item(fields: RawItem = {}, trending: Record<string, unknown> = {}): RawItem {
  counter += 1;
  return {
    id: `item-${counter}`,
    url: `https://blog.harbor.example/posts/${counter}/`,
    title: `Story number ${counter}`,
    date_published: iso(Date.now() - counter * HOUR),
    ...fields,
    // Each item on another sister site, so the ranking's site cap never hides test items.
    _trending: { site: `Sister site ${counter}`, category: 'Travel', score: 10, ...trending },
  };
}

export function jsonFeed(items: unknown[], extra: Record<string, unknown> = {}) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Harbor Daily',
    home_page_url: 'https://daily.harbor.example/',
    ...extra,
    items,
  };
}

export interface RouteOptions {
  status?: number;
  delay?: number;
  contentType?: string;
  headers?: Record<string, string>;
  /** Send only this many characters of the body, then drop the connection. */
  cutAfter?: number;
  /** From this request on (1 = the first), drop the connection before answering. */
  dropFrom?: number;
  /**
   * Drop the connection before a valid answer: this one request fails with a network
   * error (`dropFrom` may also be absorbed by Chrome's silent resend of the request).
   */
  drop?: boolean;
  /** From the second request on, answer with this body and these options instead. */
  later?: Answer;
  /**
   * Request n (1 = the first) is answered with entry n - 1, over the route's own
   * options; the last entry answers every request after it. Overrides `later`.
   */
  sequence?: Answer[];
}

/** One answer of a route: its options and, when it differs from the route's, its body. */
export type Answer = Omit<RouteOptions, 'later' | 'sequence'> & { body?: unknown };

const encode = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
const encodeAnswer = (answer: Answer) => ('body' in answer ? { ...answer, body: encode(answer.body) } : answer);

/** Serves `body` (JSON-encoded unless a string) from the test server; returns its absolute URL. */
export async function serveFeed(body: unknown, options: RouteOptions = {}): Promise<string> {
  const later = options.later && encodeAnswer(options.later);
  const sequence = options.sequence?.map(encodeAnswer);
  const response = await fetch('/feeds', {
    method: 'POST',
    body: JSON.stringify({ ...options, later, sequence, body: encode(body) }),
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url, location.href).href;
}

export interface Requests {
  /** How many requests the server received. */
  hits: number;
  /** When each one came in, in epoch ms of the server's clock. */
  times: number[];
  /** How many of them the page gave up on before the server began to answer. */
  cancelled: number;
}

/** What the test server saw of `url`. */
export async function requests(url: string): Promise<Requests> {
  const response = await fetch(`${url}/hits`, { cache: 'no-store' });
  return (await response.json()) as Requests;
}

/** How many times the test server served `url`. */
export async function hits(url: string): Promise<number> {
  return (await requests(url)).hits;
}
