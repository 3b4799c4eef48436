import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseFeed } from '../../src/feed/parse.js';
import { displayHost } from '../../src/feed/urls.js';
import type { ParsedFeed, TrendingItem } from '../../src/feed/types.js';

const RUNS = 250;
const FEED_URLS = [
  'https://daily.harbor.example/feeds/trending.json',
  'http://localhost:8080/feed.json',
  'https://www.harbor.example/',
  'https://www./feed.json',
  'https://[::1]/f',
];
const KINDS = ['article', 'guide', 'event', 'offer'];
const TEXTS = ['title', 'site', 'category', 'sponsor', 'venue', 'cta'] as const;
const OPTIONAL_TEXTS = ['category', 'sponsor', 'venue', 'cta'] as const;
const DATES = ['published', 'modified', 'startsAt', 'endsAt'] as const;
const ITEM_KEYS = ['id', 'url', 'title', 'image', 'siteIcon', 'site', 'category', 'tags', 'kind', 'score', 'sponsored', 'sponsor', ...DATES, 'venue', 'cta'];
const PLACEHOLDERS = ['undefined', 'null', 'NaN', 'Invalid Date', '[object Object]'];
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

/** An object with exactly these own keys, `__proto__` included, as JSON.parse makes them. */
function own(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

/** Optional keys: each present or not, in a random order. */
const fields = (arbitraries: Record<string, fc.Arbitrary<unknown>>) =>
  fc
    .tuple(...Object.entries(arbitraries).map(([key, value]) => fc.option(value.map((v): [string, unknown] => [key, v]), { nil: undefined })))
    .chain((entries) => {
      const present = entries.filter((entry) => entry !== undefined);
      return fc.shuffledSubarray(present, { minLength: present.length });
    })
    .map(own);

// Strings that cross the 40-, 110- and 300-character caps with a surrogate pair, a space or a control.
const longText = fc
  .tuple(fc.string({ maxLength: 20 }), fc.integer({ min: 15, max: 320 }), pick('a', 'ab ', '😀', 'é', ' ', '\u0000', 'x\u202e'))
  .map(([start, n, unit]) => start + unit.repeat(n));
const texts = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'binary-ascii', maxLength: 20 }),
  fc.string({ unit: pick('\u0000', '\t', '\n', ' ', '\u00a0', '\u202e', '\u2066', '\u0085', 'a', '<b>', '&amp;'), maxLength: 10 }),
  longText,
  fc.constant('x '.repeat(20_000)),
);
const urls = fc.oneof(
  pick('https://blog.harbor.example/a/', 'http://x.example', '/relative/path', '../up', 'b.jpg', '//cdn.example/i.png', 'https://www./x', 'https://WWW.Harbor.example/x'),
  pick('javascript:alert(1)', 'JaVa\tScRiPt:alert(1)', '\u0001javascript:x', 'data:text/html,x', 'vbscript:x', 'blob:https://x/1', 'file:///etc/passwd', 'about:blank'),
  pick('https://user:pw@x.example/', 'https://a.example@evil.example/', 'http://[::1]/', 'http://[oops/', 'https://', '', ' ', '\u0000', '#', '?', '%zz'),
  fc.string({ unit: pick('http', 's', ':', '/', '//', 'x.example', 'www.', '@', '\t', '\u0000', '%2e', '.', '?', '#', '[', ']'), maxLength: 8 }),
  fc.webUrl(),
);
const rfc3339 = fc.oneof(
  fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(Date.UTC(9999, 11, 31)) }).map((d) => d.toISOString()),
  pick('2026-02-30T10:00:00Z', '2027-13-01T10:00:00Z', '2026-11-20T09:00:00+23:59', '2026-11-20T24:00:00Z', '2016-12-31T23:59:60Z', '2026-11-20', 'tomorrow', '2026-11-20t09:00:00z', ' 2026-11-20T09:00:00.123456789-05:00 '),
);

const litTemplate = fc.constant({ _$litType$: 1, strings: ['<img src=x onerror=alert(1)>'], values: [] });
/** A value of any JSON type, and some that JSON cannot carry. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  texts,
  fc.double(),
  pick(NaN, Infinity, -Infinity, -0, 0, 1, -1, Number.MAX_VALUE, 1e21),
  fc.integer(),
  fc.boolean(),
  pick(null, undefined),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
  litTemplate,
  fc.constant(own([['__proto__', { polluted: true, id: 'p' }]])),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
  fc.constant({ toString: 'x', valueOf: 1 }),
);
const either = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: junk });

const trendingFields = {
  site: texts,
  site_url: urls,
  site_icon: urls,
  category: texts,
  kind: fc.oneof(pick(...KINDS), pick('podcast', 'EVENT', ' event', '')),
  score: fc.oneof(fc.double(), pick<unknown>(NaN, Infinity, -0, -3, '99')),
  sponsored: pick<unknown>(true, false, 1, 0, 2, 'true', 'TRUE', 'Yes', ' 1 ', 'no', 'sponsored'),
  sponsor: texts,
  starts_at: rfc3339,
  ends_at: rfc3339,
  venue: texts,
  cta: texts,
};
const trending = fields(Object.fromEntries(Object.entries(trendingFields).map(([k, v]) => [k, either(v as fc.Arbitrary<unknown>)])));

const itemFields = {
  id: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.integer(), fc.double(), texts),
  url: urls,
  external_url: urls,
  title: texts,
  summary: texts,
  content_text: texts,
  content_html: fc.constant('<script>alert(1)</script>'),
  image: urls,
  banner_image: urls,
  date_published: rfc3339,
  date_modified: rfc3339,
  tags: fc.array(either(texts), { maxLength: 5 }),
  _trending: trending,
  ['__proto__']: fc.constant({ polluted: true, sponsored: true }),
  constructor: fc.constant({ prototype: { polluted: true } }),
  _$litType$: fc.constant(1),
};
/** A JSON Feed item whose fields are each missing, right, or of some other type. */
const almostItem = fields(Object.fromEntries(Object.entries(itemFields).map(([k, v]) => [k, either(v as fc.Arbitrary<unknown>)])));
/** The same, with an id, a title and a link that are right, so the item must be kept. */
const goodItem = fc
  .record({
    rest: almostItem,
    id: fc.oneof(fc.stringMatching(/^[a-z0-9:-]{1,12}$/), fc.integer()),
    title: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map((t) => `T ${t}`),
    url: pick('https://blog.harbor.example/a/', '/relative/path', 'http://x.example'),
  })
  .map(({ rest, id, title, url }) => own([...Object.entries(rest), ['id', id], ['title', title], ['url', url]]));

const feedOf = (items: fc.Arbitrary<unknown[]>) =>
  fc
    .record({
      extra: fields({
        version: either(pick('https://jsonfeed.org/version/1.1', 'https://jsonfeed.org/version/1')),
        title: either(texts),
        home_page_url: either(urls),
        ['__proto__']: fc.constant({ items: [{ id: 'p', title: 'P', url: 'https://x.example/' }] }),
        _$litType$: fc.constant(1),
      }),
      items,
    })
    .map(({ extra, items }) => own([...Object.entries(extra), ['items', items]]));

const almostFeeds = feedOf(fc.array(fc.oneof({ weight: 6, arbitrary: almostItem }, { weight: 1, arbitrary: junk }), { maxLength: 30 }));
const feedUrls = pick(...FEED_URLS);

/** Every string in the input, a host the URL parser would read in it, and every number as text. */
function sources(value: unknown, feedUrl: string, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') {
    out.push(value);
    try {
      // A host can come out decoded (%6e, fullwidth letters): a site name may be spelled only there.
      if (value.length < 1000) out.push(new URL(value, feedUrl).hostname);
    } catch {
      // Not a URL: the string itself is enough.
    }
  } else if (typeof value === 'number') out.push(String(value));
  else if (typeof value === 'object' && value !== null && !seen.has(value)) {
    seen.add(value);
    for (const [key, child] of Object.entries(value)) {
      out.push(key);
      sources(child, feedUrl, out, seen);
    }
  }
  return out;
}

function expectWebUrl(href: unknown) {
  expect(href).to.be.a('string');
  const url = new URL(href as string);
  expect(['http:', 'https:']).to.include(url.protocol);
  expect(url.username + url.password).to.equal('');
}

interface Input {
  /** Every input string, lower-cased, for the placeholder check. */
  lower: string[];
}

function expectItem(item: TrendingItem, input: Input) {
  // A plain frozen object that holds every field itself, so no prototype can supply one.
  expect(Object.isFrozen(item) && Object.isFrozen(item.tags), 'frozen').to.be.true;
  expect(Object.keys(item)).to.have.members(ITEM_KEYS);
  for (const key of ['id', 'title', 'site'] as const) expect(item[key]).to.be.a('string').and.not.equal('');
  expectWebUrl(item.url);
  if (item.image !== undefined) expectWebUrl(item.image);
  if (item.siteIcon !== undefined) expectWebUrl(item.siteIcon);
  for (const key of OPTIONAL_TEXTS) if (item[key] !== undefined) expect(item[key]).to.be.a('string').and.not.equal('');
  expect(item.tags).to.be.an('array');
  for (const tag of item.tags) expect(tag).to.be.a('string').and.not.equal('');
  expect(KINDS).to.include(item.kind);
  expect(Number.isFinite(item.score) && item.score >= 0, String(item.score)).to.be.true;
  expect(item.sponsored).to.be.a('boolean');
  for (const key of DATES) if (item[key] !== undefined) expect(Number.isFinite(item[key]), key).to.be.true;

  for (const value of [item.id, ...TEXTS.map((key) => item[key]), ...item.tags]) {
    if (value === undefined) continue;
    const lower = value.toLowerCase();
    for (const word of PLACEHOLDERS) {
      const w = word.toLowerCase();
      if (lower.includes(w)) expect(input.lower.some((s) => s.includes(w)), `${word} in ${JSON.stringify(value)}`).to.be.true;
    }
    if (value === item.site && value === displayHost(item.url)) continue; // a host name, which the URL parser checked
    expect(value, JSON.stringify(value)).to.equal(value.trim());
    expect(CONTROL_OR_BIDI.test(value), JSON.stringify(value)).to.be.false;
  }
  if (item.cta !== undefined) expect(item.cta.length).to.be.at.most(40);
  for (const key of ['title', 'category', 'sponsor', 'venue'] as const) if (item[key] !== undefined) expect(item[key]!.length).to.be.at.most(300);
}

function expectFeed(feed: ParsedFeed, json: Record<string, unknown>, feedUrl: string) {
  const raw = json['items'] as unknown[];
  const strings = sources(json, feedUrl);
  const input = { lower: strings.map((s) => s.toLowerCase()) };
  expect(feed.items.length + feed.skipped.length).to.equal(raw.length);
  const indexes = feed.skipped.map((s) => s.index);
  expect(indexes).to.deep.equal([...new Set(indexes)].sort((a, b) => a - b));
  for (const skip of feed.skipped) {
    expect(Number.isInteger(skip.index) && skip.index >= 0 && skip.index < raw.length).to.be.true;
    expect(skip.reason).to.be.a('string').and.not.equal('');
    if ('id' in skip) expect(skip.id).to.be.a('string').and.not.equal('');
  }
  for (const item of feed.items) expectItem(item, input);
  if ('title' in feed) expect(feed.title).to.be.a('string').and.not.equal('');
  if ('homePageUrl' in feed) expectWebUrl(feed.homePageUrl);
}

const isFeed = (json: unknown) =>
  typeof json === 'object' && json !== null && !Array.isArray(json) && Object.hasOwn(json, 'items') && Array.isArray((json as { items: unknown }).items);

/** Parses, and checks that a throw is the documented one, for the documented reason. */
function parse(json: unknown, feedUrl: string): ParsedFeed | undefined {
  let feed: ParsedFeed | undefined;
  try {
    feed = parseFeed(json, feedUrl);
  } catch (error) {
    expect(error).to.be.an.instanceOf(TypeError);
    expect((error as Error).message).to.equal('not a JSON Feed');
    expect(isFeed(json), 'threw for a feed').to.be.false;
    return undefined;
  }
  expect(isFeed(json), 'accepted a value that is not a feed').to.be.true;
  return feed;
}

const anything = fc.anything({
  key: fc.oneof(fc.string(), pick('items', '__proto__', 'constructor', 'prototype', '_$litType$', 'id', 'url', 'title', '_trending')),
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
});

describe('parseFeed, on arbitrary values', () => {
  it('throws only its own TypeError, and only for a value without an items array', () => {
    fc.assert(
      fc.property(fc.oneof(anything, fc.jsonValue(), anything.map((items) => ({ items })), fc.array(anything).map((items) => ({ items }))), feedUrls, (json, feedUrl) => {
        parse(json, feedUrl);
      }),
      { numRuns: RUNS },
    );
  });

  it('returns well-formed items from JSON text, whatever it holds', () => {
    const jsonFeed = fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 30 }).map((items) => ({ title: 'T', items }));
    fc.assert(
      fc.property(fc.oneof(jsonFeed, almostFeeds), feedUrls, (value, feedUrl) => {
        // Through JSON text, as a fetched feed arrives: __proto__ keys become own data.
        const json = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
        expectFeed(parse(json, feedUrl)!, json, feedUrl);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('parseFeed, on feeds whose fields have random types', () => {
  it('returns well-formed items and accounts for every entry', () => {
    fc.assert(
      fc.property(almostFeeds, feedUrls, (json, feedUrl) => {
        expectFeed(parse(json, feedUrl)!, json, feedUrl);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps every item with an id, a title and an http(s) link, whatever else it holds', () => {
    fc.assert(
      fc.property(feedOf(fc.array(goodItem, { maxLength: 30 })), feedUrls, (json, feedUrl) => {
        const feed = parse(json, feedUrl)!;
        expect(feed.skipped).to.deep.equal([]);
        expect(feed.items).to.have.length((json['items'] as unknown[]).length);
      }),
      { numRuns: 100 },
    );
  });

  // Texts are cut by UTF-16 unit: an emoji at the 40-, 110- or 300-character cap must not
  // leave half a surrogate pair, shown as "�…".
  it('never cuts a character in half when it shortens a text', () => {
    // Astral characters at every offset around the caps.
    const astral = fc
      .tuple(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), fc.integer({ min: 20, max: 320 }), pick('😀', '𝒳', '😀 ', 'a😀'))
      .map(([start, n, unit]) => start + unit.repeat(n));
    const item = fc
      .record({ id: pick('a'), url: pick('/a'), title: fc.option(astral, { nil: undefined }), content_text: astral, trending: fields({ site: astral, category: astral, sponsor: astral, venue: astral, cta: astral }) })
      .map(({ trending, ...rest }) => ({ ...rest, _trending: trending }));
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 10 }), (items) => {
        for (const parsed of parseFeed({ items }, FEED_URLS[0]!).items) {
          for (const value of [parsed.title, parsed.site, parsed.category, parsed.sponsor, parsed.venue, parsed.cta]) {
            if (value !== undefined) expect(LONE_SURROGATE.test(value), JSON.stringify(value)).to.be.false;
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('neither writes to Object.prototype nor reads from it', () => {
    const names = () => [Object.prototype, Array.prototype].map((proto) => Reflect.ownKeys(proto).map(String).sort().join());
    const before = names();
    // Valid-looking values, so a read through the prototype would show in the result.
    const planted: Record<string, unknown> = {
      items: [{ id: 'evil', title: 'Evil', url: 'https://evil.example/' }],
      ...Object.fromEntries(['id', 'title', 'summary', 'site', 'category', 'sponsor', 'venue', 'cta', 'kind'].map((k) => [k, 'event'])),
      url: 'https://evil.example/',
      external_url: 'https://evil.example/',
      image: 'https://evil.example/i.png',
      home_page_url: 'https://evil.example/',
      date_published: '2026-11-20T09:00:00Z',
      starts_at: '2026-11-20T09:00:00Z',
      tags: ['Evil'],
      score: 1e9,
      sponsored: true,
      _trending: { sponsored: true, site: 'Evil' },
    };
    // Several feeds per pollution: a changed Object.prototype makes every property access slow for a while.
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(almostFeeds, anything), feedUrls), { minLength: 1, maxLength: 4 }), (cases) => {
        const clean = cases.map(([json, feedUrl]) => parse(json, feedUrl));
        const proto = Object.prototype as Record<string, unknown>;
        Object.assign(proto, planted);
        let polluted: (ParsedFeed | 'threw')[];
        try {
          polluted = cases.map(([json, feedUrl]) => {
            try {
              return parseFeed(json, feedUrl);
            } catch {
              return 'threw';
            }
          });
        } finally {
          for (const key of Object.keys(planted)) delete proto[key];
        }
        expect(polluted).to.deep.equal(clean.map((feed) => feed ?? 'threw'));
        expect(({} as Record<string, unknown>)['polluted']).to.be.undefined;
        expect(names()).to.deep.equal(before);
      }),
      { numRuns: 50 },
    );
  });
});
