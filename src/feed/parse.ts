import { parseRfc3339 } from './rfc3339.js';
import { ITEM_KINDS, type ItemKind, type ParsedFeed, type SkippedItem, type TrendingItem } from './types.js';
import { displayHost, safeUrl } from './urls.js';
import { finishSteps, type Steps } from '../steps.js';

type Json = Record<string, unknown>;

const MAX_TEXT = 300;
const TITLE_FROM_CONTENT = 110;
/** Items read from one feed: each costs parsing time on the reader's main thread. */
export const MAX_ITEMS = 5000;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads own properties only, so neither `__proto__`/`constructor` keys in the feed nor
 * a polluted `Object.prototype` on the host page can supply a value.
 */
function field(object: Json | undefined, key: string): unknown {
  return object && Object.hasOwn(object, key) ? object[key] : undefined;
}

/**
 * A single line of plain text: control characters and bidi overrides (which could make a
 * sponsor's name read backwards) dropped, whitespace folded, length capped.
 */
function text(value: unknown, max = MAX_TEXT): string | undefined {
  if (typeof value !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const folded = value.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\s]+/g, ' ').trim();
  if (!folded) return undefined;
  // A cut must not leave half of a surrogate pair (shown as �) before the ellipsis.
  return folded.length > max ? `${folded.slice(0, max - 1).replace(/[ \ud800-\udbff]+$/, '')}…` : folded;
}

/** The opening words of a longer text, cut at a word boundary. */
function excerpt(value: unknown): string | undefined {
  const folded = text(value, Infinity);
  if (!folded || folded.length <= TITLE_FROM_CONTENT) return folded;
  const cut = folded.slice(0, TITLE_FROM_CONTENT);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 40 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–—\ud800-\udbff-]+$/, '')}…`;
}

function itemId(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  return text(value);
}

function isSponsored(value: unknown): boolean {
  if (value === true || value === 1) return true;
  return typeof value === 'string' && /^(true|yes|1)$/i.test(value.trim());
}

function score(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

function tags(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((tag) => text(tag)).filter((tag): tag is string => tag !== undefined);
}

interface FeedContext {
  feedUrl: string;
  title?: string;
  /** Host of the feed's own site, for naming items that live there. */
  ownHost: string;
}

function parseItem(raw: Json, id: string, feed: FeedContext): TrendingItem | string {
  const get = (key: string) => field(raw, key);
  const trending = get('_trending');
  const ext = (key: string) => field(isRecord(trending) ? trending : undefined, key);
  const link = (...values: unknown[]) => values.map((v) => safeUrl(v, feed.feedUrl)).find(Boolean);

  const title = text(get('title')) ?? text(get('summary')) ?? excerpt(get('content_text'));
  if (!title) return 'no title';
  const url = link(get('url'), get('external_url'));
  if (!url) return 'no http(s) link';

  const itemTags = tags(get('tags'));
  const kind = ext('kind');
  const host = displayHost(url);
  // Every field is an own property, set even when undefined, so a polluted
  // Object.prototype on the host page cannot supply one; frozen, so no reader of an
  // event's detail can change what another sees. A field is only set when valid, so a
  // card never shows a placeholder value.
  const item: TrendingItem = Object.freeze({
    id,
    url,
    title,
    site: text(ext('site')) ?? (host === feed.ownHost && feed.title ? feed.title : host),
    tags: Object.freeze(itemTags),
    kind: ITEM_KINDS.includes(kind as ItemKind) ? (kind as ItemKind) : 'article',
    score: score(ext('score')),
    sponsored: isSponsored(ext('sponsored')),
    image: link(get('image'), get('banner_image')),
    siteIcon: link(ext('site_icon')),
    category: text(ext('category')) ?? itemTags[0],
    sponsor: text(ext('sponsor')),
    published: parseRfc3339(get('date_published')),
    modified: parseRfc3339(get('date_modified')),
    startsAt: parseRfc3339(ext('starts_at')),
    endsAt: parseRfc3339(ext('ends_at')),
    venue: text(ext('venue')),
    cta: text(ext('cta'), 40),
  });
  return item;
}

/** Items parsed between two chances to pause (see runSteps): well under a millisecond of work. */
export const ITEMS_PER_STEP = 10;

/**
 * Turns untrusted JSON into validated items. Accepts JSON Feed 1.0 and 1.1 with the
 * optional `_trending` extension on each item. Invalid items are skipped with a reason
 * rather than failing the feed; only a value that is not a feed at all throws.
 *
 * @param json the parsed response body
 * @param feedUrl the absolute URL the feed was fetched from; relative URLs resolve against it
 */
export function parseFeed(json: unknown, feedUrl: string): ParsedFeed {
  return finishSteps(parseFeedInSteps(json, feedUrl));
}

/**
 * parseFeed as a generator that yields before every ITEMS_PER_STEP items, so a browser
 * can give the main thread back between steps (runSteps): a feed of thousands of items
 * is then read in short tasks instead of one long one, and the first yield parts them
 * from JSON.parse, which comes before. Returns the parsed feed.
 */
export function* parseFeedInSteps(json: unknown, feedUrl: string): Steps<ParsedFeed> {
  const rawItems = field(isRecord(json) ? json : undefined, 'items');
  if (!isRecord(json) || !Array.isArray(rawItems)) {
    throw new TypeError('not a JSON Feed');
  }
  const title = text(field(json, 'title'));
  const homePageUrl = safeUrl(field(json, 'home_page_url'), feedUrl);
  // title is always an own property, so a polluted Object.prototype.title cannot name the site.
  const context: FeedContext = { feedUrl, ownHost: displayHost(homePageUrl ?? feedUrl), title };

  const items: TrendingItem[] = [];
  const skipped: SkippedItem[] = [];
  for (let index = 0; index < rawItems.length; index++) {
    if (index % ITEMS_PER_STEP === 0) yield;
    const raw: unknown = rawItems[index];
    const id = isRecord(raw) ? itemId(field(raw, 'id')) : undefined;
    const result = index >= MAX_ITEMS ? `beyond the first ${MAX_ITEMS} items` : !isRecord(raw) ? 'not an object' : !id ? 'no usable id' : parseItem(raw, id, context);
    if (typeof result !== 'string') items.push(result);
    else skipped.push(id ? { index, id, reason: result } : { index, reason: result });
  }
  const feed: ParsedFeed = { items, skipped };
  if (title) feed.title = title;
  if (homePageUrl) feed.homePageUrl = homePageUrl;
  return feed;
}
