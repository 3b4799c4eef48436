/**
 * The only place a URL from a feed or a page gets trusted. No DOM: runs in Node too.
 */

/**
 * Resolves `raw` against `base` and returns it only when it is an absolute http(s) URL.
 *
 * Parsing goes through the WHATWG URL parser, the same one the browser uses to follow
 * the link, so tricks like `java\tscript:` or leading control characters are seen as
 * the browser sees them. Empty strings are refused (they would resolve to the base),
 * and so are URLs with credentials, which can disguise the real host
 * (`https://news.example@evil.example`).
 */
export function safeUrl(raw: unknown, base?: string): string | undefined {
  // The URL parser drops C0 controls and spaces at the ends, so "\u0001" would resolve to the base.
  // eslint-disable-next-line no-control-regex
  if (typeof raw !== 'string' || /^[\0- \s]*$/.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password) return undefined;
  return url.href;
}

const TRACKING_PARAM = /^(utm_|fbclid$|gclid$)/i;

/**
 * A comparison key for "is this the same page?": ignores the scheme, host case, a
 * leading `www.`, default ports, a trailing slash, the fragment, tracking parameters
 * and the order of the remaining query parameters. Not a URL to follow.
 */
export function normalizeUrl(raw: unknown, base?: string): string | undefined {
  const href = safeUrl(raw, base);
  if (!href) return undefined;
  const url = new URL(href);
  const params = [...url.searchParams].filter(([name]) => !TRACKING_PARAM.test(name));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  const host = url.host.replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  return `//${host}${path}${query ? `?${query}` : ''}`;
}

/** The host name without a leading `www.`, as readers say it. */
export function displayHost(href: string): string {
  return new URL(href).hostname.replace(/^www\.(?=.)/, '');
}
