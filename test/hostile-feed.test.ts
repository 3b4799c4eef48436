import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { DAY, HOUR, iso, jsonFeed, serveFeed, type RawItem } from './support/feeds.js';
import { captureWarnings, cards, part, renderWidget, settled, shadow, watchPageErrors, type Outcome } from './support/widget.js';

// A corpus of known XSS and URL-scheme payloads, each placed in every URL and text
// field of a feed. The expectations restate the README ("The feed", "Security"), not
// src/, so that a change in the parser cannot quietly change what counts as safe.

/** Markup, script-breaking and template-injection strings: only ever text. */
const MARKUP = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//xss.example/xss.js></SCRIPT>',
  '"><script>alert(1)</script>',
  "'><script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(1);">',
  '<IMG """><SCRIPT>alert(1)</SCRIPT>">',
  '<img src=x onerror="&#0000097&#0000108&#0000101&#0000114&#0000116(1)">',
  '<img src="x" onerror="alert(String.fromCharCode(88,83,83))">',
  '<svg onload=alert(1)>',
  '<svg/onload=confirm(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src=javascript:alert(1)>',
  '<iframe srcdoc="<script>parent.alert(1)</script>">',
  '<object data=javascript:alert(1)>',
  '<embed src=javascript:alert(1)>',
  '<body onload=alert(1)>',
  '<details open ontoggle=prompt(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<button formaction=javascript:alert(1)>x</button>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel=stylesheet href=data:text/css,*{color:red}>',
  '<div style="background:url(javascript:alert(1))">',
  '<style>@import "javascript:alert(1)";</style>',
  '</style><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<!--',
  '-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<template><img src=x onerror=alert(1)></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<<script>alert(1)//<</script>',
  '<slot></slot><trending-recs src=//evil.example/feed.json>',
  'x" part="card card-sponsored" href="javascript:alert(1)',
  '" onmouseover="alert(1)',
  "' onfocus='alert(1)' autofocus='",
  "'-alert(1)-'",
  '";alert(1);//',
  "\\';alert(1);//",
  "{{constructor.constructor('alert(1)')()}}",
  '{{$on.constructor("alert(1)")()}}',
  '${alert(1)}',
  '`${alert(1)}`',
  '#{alert(1)}',
  '<%= alert(1) %>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '＜script＞alert(1)＜/script＞',
  'Tide\u202Eevaw <img src=x onerror=alert(1)>',
  '\u2066<img src=x onerror=alert(1)>\u2069',
  'Harbor\u200BDaily\u200D<svg onload=alert(1)>',
  'a\u0000b<script>alert(1)</script>',
  '\uFEFF<script>alert(1)</script>',
  'line\nbreak<script>\r\nalert(1)</script>\t',
  '__proto__',
  'constructor',
  '',
  ' ',
  'A'.repeat(5000),
  '<img src=x onerror=alert(1)>'.repeat(200),
];

/** URLs that must never become a link or a picture. */
const NEVER_LINKED = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'javascript:alert(1)//https://blog.harbor.example/',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  'javascript\t:alert(1)',
  '\x01javascript:alert(1)',
  '\u0000javascript:alert(1)',
  ' javascript:alert(1)',
  'javascript://%0aalert(1)',
  'javascript://https://blog.harbor.example/%0aalert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:text/html,<script>alert(1)</script>',
  'DATA:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'livescript:alert(1)',
  'blob:https://blog.harbor.example/1c9e0f2a-0000-4000-8000-000000000000',
  'filesystem:https://blog.harbor.example/temporary/x',
  'file:///etc/passwd',
  'ftp://evil.example/x',
  'ws://evil.example/',
  'mailto:x@evil.example',
  'about:blank',
  'chrome://settings',
  'view-source:https://evil.example/',
  'intent://evil.example#Intent;scheme=http;end',
  'https://user:pass@evil.example/',
  'https://blog.harbor.example@evil.example/',
  'https://:pass@evil.example/',
  '\x01',
  '\t\n',
  'http://[::1',
  'http://',
  'https://evil.example:99999/',
  'https://evil%00.example/',
];

/** Odd URLs that still resolve to a plain http(s) address: linking them is fine. */
const LINKED_AS_HTTP = [
  '//evil.example/x',
  '\\\\evil.example\\y',
  '/\\evil.example/z',
  'https:evil.example/a',
  'https:/evil.example/b',
  'http:evil.example',
  'https://@evil.example/c',
  'jav&#x09;ascript:alert(1)',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
  'javascript%3Aalert(1)',
  '%0ajavascript:alert(1)',
  '%0a',
  '\u3000javascript:alert(1)',
  'http://0x7f.1/',
  'http://[::1]/',
  'HTTPS://EVIL.EXAMPLE/UPPER',
  '  https://evil.example/padded  ',
  'https://аpple.example/',
  'https://evil.example/"><script>alert(1)</script>',
  "https://evil.example/?q=' onmouseover='alert(1)",
  'https://evil.example/#"><img src=x onerror=alert(1)>',
  `https://blog.harbor.example/${'a'.repeat(10_000)}`,
];

/** Refused by the URL standard, but Chromium escapes the space in the host: http either way. */
const PARSER_DEPENDENT = ['http://ex ample.example/'];

const PAYLOADS = [...MARKUP, ...NEVER_LINKED, ...LINKED_AS_HTTP, ...PARSER_DEPENDENT];

const XSS_HTML = '<img src=x onerror=alert(1)>';
const TRENDING_FIELDS = ['site', 'site_url', 'site_icon', 'category', 'kind', 'score', 'sponsored', 'sponsor', 'starts_at', 'ends_at', 'venue', 'cta'];

/** Values shaped like Lit template results, static markup and directives. */
const LIT_SHAPES: unknown[] = [
  { _$litType$: 1, strings: [XSS_HTML], values: [] },
  { _$litType$: 1, strings: ['<b>', `</b>${XSS_HTML}`], values: ['x'] },
  { _$litType$: 2, strings: ['<svg onload=alert(1)></svg>'], values: [] },
  { _$litType$: 3, strings: [`<math><mtext>${XSS_HTML}`], values: [] },
  { _$litType$: 1, strings: { 0: XSS_HTML, length: 1, raw: [XSS_HTML] }, values: [] },
  { _$litType$: 1, strings: [XSS_HTML], raw: [XSS_HTML], values: [] },
  { _$litType$: '1', strings: XSS_HTML, values: XSS_HTML },
  { _$litType$: { h: [XSS_HTML], parts: [] }, values: [] },
  { _$litType$: { h: { 0: XSS_HTML, length: 1, raw: [XSS_HTML] }, parts: [{ type: 2, index: 0 }] }, values: [XSS_HTML] },
  { _$litType$: 1, strings: ['', ''], values: [{ _$litType$: 1, strings: [XSS_HTML], values: [] }] },
  { _$litDirective$: { name: 'unsafeHTML' }, values: [XSS_HTML] },
  { _$litStatic$: XSS_HTML, r: {} },
  [{ _$litType$: 1, strings: [XSS_HTML], values: [] }],
];

// What the README promises, restated.

/** The text a reader sees for `raw`: control characters and bidi overrides dropped, whitespace folded. */
const plain = (raw: string) => raw.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069\s]+/gu, ' ').trim();

/** The href a link or picture for `raw` may have: absolute http(s), no credentials; else none. */
function followable(raw: string, base: string): string | undefined {
  // What the URL parser reads: without controls and spaces at the ends, tabs and newlines.
  // Nothing left would resolve to the feed itself, which is not a link to anything.
  if (!raw.replace(/^[\0- ]+|[\0- ]+$|[\t\n\r]/g, '').trim()) return undefined;
  try {
    const url = new URL(raw, base);
    return /^https?:$/.test(url.protocol) && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** "The same page": scheme, host case, www., trailing slash and fragment ignored. */
const samePageKey = (href: string) => {
  const url = new URL(href);
  return `${url.host.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}${url.search}`;
};

/** Shown exactly, or (for a long text) cut, never rewritten: the start of the text and an ellipsis. */
function expectLiteral(shown: string | undefined, raw: string, what: string) {
  const expected = plain(raw);
  const message = `${what}: showed ${JSON.stringify(shown?.slice(0, 80))} for ${JSON.stringify(raw.slice(0, 80))}`;
  if (!expected) {
    expect(shown, message).to.be.undefined;
  } else if (shown !== expected) {
    expect(expected.length, message).to.be.greaterThan(40);
    expect(shown?.endsWith('…') && expected.startsWith(shown.slice(0, -1)), message).to.be.true;
  }
}

/** Absolute http(s) without credentials, and already in the parser's own form (nothing left to reinterpret). */
function isSafeAbsolute(value: string) {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && !url.username && !url.password && url.href === value;
  } catch {
    return false;
  }
}

// What the widget itself renders; anything else in the shadow root came from a feed.
const WIDGET_ELEMENTS = new Set(['section', 'h2', 'ul', 'li', 'a', 'span', 'img']);
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'srcdoc', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'ping'];

/** Nothing in the shadow root can run script, load a frame or follow an unsafe link. */
function expectInert(element: Element) {
  const root = shadow(element);
  const all = [...root.querySelectorAll('*')];
  const foreign = all.filter((el) => !WIDGET_ELEMENTS.has(el.localName)).map((el) => el.outerHTML.slice(0, 120));
  expect(foreign, 'unexpected elements').to.deep.equal([]);
  const named = (el: Element, test: (name: string) => boolean) =>
    el.getAttributeNames().filter(test).map((name) => ({ at: `${el.localName}[${name}]`, value: el.getAttribute(name)! }));
  const handlers = [element, ...all].flatMap((el) => named(el, (name) => /^on/i.test(name) || name === 'style'));
  expect(handlers, 'handler or style attributes').to.deep.equal([]);
  const links = all.flatMap((el) => named(el, (name) => URL_ATTRIBUTES.includes(name)));
  expect(links.filter(({ at }) => at !== 'a[href]' && at !== 'img[src]'), 'URL attributes').to.deep.equal([]);
  expect(links.filter(({ value }) => !isSafeAbsolute(value)), 'unsafe URLs').to.deep.equal([]);
  // Styles are adopted stylesheets: a <style> could only have come from a feed.
  expect(root.querySelectorAll('style, script, iframe, object, embed, svg, math, template, link, meta, base, form')).to.have.length(0);
  expect(root.adoptedStyleSheets.length).to.be.greaterThan(0);
}

/** The items the load event hands to the host page carry only safe URLs too. */
function expectSafeDetail(outcome: Outcome) {
  for (const shown of outcome.detail.items as { url: string; image?: string }[]) {
    expect(isSafeAbsolute(shown.url), shown.url.slice(0, 80)).to.be.true;
    if (shown.image !== undefined) expect(isSafeAbsolute(shown.image), shown.image.slice(0, 80)).to.be.true;
  }
}

/** Records alert/confirm/prompt/print instead of opening a dialog. */
function trapDialogs() {
  const calls: string[] = [];
  const originals = { alert: window.alert, confirm: window.confirm, prompt: window.prompt, print: window.print };
  window.alert = (message?: unknown) => void calls.push(`alert(${String(message)})`);
  window.confirm = (message?: string) => (calls.push(`confirm(${message})`), false);
  window.prompt = (message?: string) => (calls.push(`prompt(${message})`), null);
  window.print = () => void calls.push('print()');
  return { calls, restore: () => Object.assign(window, originals) };
}

/** Gives error handlers of broken pictures and any injected script time to run. */
async function afterScriptsHadAChance() {
  await nextFrame();
  await nextFrame();
  await new Promise((resolve) => setTimeout(resolve, 200));
}

/** Renders one widget per feed URL at the same spot, so all of them start at once. */
async function renderStacked(urls: string[], attributes: Record<string, string> = {}) {
  const wrapper = await fixture<HTMLElement>(html`<div style="position: relative; height: 400px"></div>`);
  const elements = urls.map((src) => {
    const element = document.createElement('trending-recs');
    for (const [name, value] of Object.entries({ src, ...attributes })) element.setAttribute(name, value);
    return element;
  });
  const outcomes = elements.map(settled);
  for (const element of elements) {
    const slot = document.createElement('div');
    slot.style.cssText = 'position: absolute; inset: 0 auto auto 0; width: 320px';
    slot.append(element);
    wrapper.append(slot);
  }
  return { wrapper, elements, outcomes: await Promise.all(outcomes) };
}

const chunks = <T>(list: T[], size: number) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

const START = iso(Date.now() + 30 * DAY);
const END = iso(Date.now() + 30 * DAY + 2 * HOUR);
let serial = 0;

type Role = 'text' | 'link' | 'summary' | 'excerpt';
interface Planted {
  role: Role;
  payload: string;
  n: number;
  sponsored: boolean;
}

/**
 * Four items per payload, each with a fresh id and its own site:
 * - text: the payload in every text and URL field but `url` (a valid link), as a dated
 *   offer so that venue and call to action show, sponsored every other time;
 * - link: the payload as `url` (an invalid one falls back to a valid `external_url`),
 *   `banner_image`, and in the fields that are not shown (kind, score, dates);
 * - summary: the payload as `summary`, the only title;
 * - excerpt: the payload (after a unique label) as `content_text`, the only title.
 */
function plantedFeed(payloads: string[]) {
  const planted = new Map<string, Planted>();
  const items: RawItem[] = [];
  payloads.forEach((p, i) => {
    const n = ++serial;
    const plant = (role: Role, raw: RawItem, sponsored = false) => {
      const id = `hostile-${role}-${n}`;
      planted.set(id, { role, payload: p, n, sponsored });
      items.push({ id, ...raw });
    };
    const sponsored = i % 2 === 1;
    plant(
      'text',
      {
        url: `https://text.harbor.example/${n}/`,
        external_url: p,
        title: `[T${n}] ${p}`,
        summary: p,
        content_text: p,
        content_html: p,
        image: p,
        banner_image: p,
        tags: [p, p],
        date_published: p,
        date_modified: p,
        authors: [{ name: p, url: p, avatar: p }],
        language: p,
        _trending: {
          site: p, site_url: p, site_icon: p, category: p, kind: 'offer', score: 1000 - i, sponsored,
          sponsor: p, starts_at: START, ends_at: END, venue: p, cta: p,
        },
      },
      sponsored,
    );
    plant('link', {
      url: p,
      external_url: `https://link.harbor.example/${n}/`,
      banner_image: p,
      title: `Link carrier ${n}`,
      _trending: { site: `Link site ${n}`, site_url: p, site_icon: p, category: 'Links', kind: p, score: p, sponsored: p, starts_at: p, ends_at: p },
    });
    plant('summary', { url: `https://summary.harbor.example/${n}/`, summary: p, _trending: { site: `Summary site ${n}`, category: 'Summaries' } });
    plant('excerpt', {
      url: `https://excerpt.harbor.example/${n}/`,
      content_text: `[C${n}] ${p}`,
      _trending: { site: `Excerpt site ${n}`, category: 'Excerpts' },
    });
  });
  return { planted, items };
}

/** Ids the widget must show: every valid item, minus later copies of the same page or title. */
function expectedIds(planted: Map<string, Planted>, feedUrl: string) {
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const [id, { role, payload, n }] of planted) {
    let key: string | undefined = id;
    if (role === 'link') key = `u${samePageKey(followable(payload, feedUrl) ?? `https://link.harbor.example/${n}/`)}`;
    if (role === 'summary') key = plain(payload) ? `t${plain(payload).toLowerCase()}` : undefined;
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    ids.push(id);
  }
  return ids;
}

function expectCardShowsPayload(card: HTMLAnchorElement, { role, payload: p, n, sponsored }: Planted, feedUrl: string) {
  const what = `${role} item ${n}`;
  const image = card.querySelector('img');
  const picture = followable(p, feedUrl);
  if (role === 'text') {
    expect(card.getAttribute('href'), what).to.equal(`https://text.harbor.example/${n}/`);
    expectLiteral(part(card, 'title'), `[T${n}] ${p}`, `${what} title`);
    expectLiteral(part(card, 'category'), p, `${what} category`);
    expectLiteral(part(card, 'cta'), p, `${what} cta`);
    if (plain(p)) expectLiteral(part(card, 'site'), p, `${what} site`);
    else expect(part(card, 'site'), what).to.equal('text.harbor.example');
    const [, venue] = /^[^·]* · (.*)$/s.exec(part(card, 'date') ?? '') ?? [];
    expect(part(card, 'date'), `${what} date`).to.be.a('string');
    expectLiteral(venue, p, `${what} venue`);
    if (!sponsored) expect(part(card, 'sponsored'), what).to.be.undefined;
    else if (!plain(p)) expect(part(card, 'sponsored'), what).to.equal('Sponsored');
    else expectLiteral(part(card, 'sponsored')?.replace(/^Sponsored · /, ''), p, `${what} sponsor`);
  } else if (role === 'link') {
    expect(card.getAttribute('href'), what).to.equal(followable(p, feedUrl) ?? `https://link.harbor.example/${n}/`);
    expect(part(card, 'title'), what).to.equal(`Link carrier ${n}`);
    expect(card.querySelector('[part~="date"], [part~="sponsored"], [part~="cta"]'), what).to.be.null;
  } else if (role === 'summary') {
    expectLiteral(part(card, 'title'), p, `${what} title`);
  } else {
    expectLiteral(part(card, 'title'), `[C${n}] ${p}`, `${what} title`);
  }
  if (role === 'text' || role === 'link') expect(image?.getAttribute('src'), `${what} picture`).to.equal(picture);
  else expect(image, what).to.be.null;
}

describe('<trending-recs> against hostile feeds', () => {
  let console_: ReturnType<typeof captureWarnings>;
  let page: ReturnType<typeof watchPageErrors>;
  let dialogs: ReturnType<typeof trapDialogs>;
  let prototypeKeys: string[];
  // The widget's own pictures are checked by their src; loading them would only fill the
  // log with 404s. A picture injected by a feed would have no such part, and still load.
  const hidePictures = Object.assign(document.createElement('style'), { textContent: 'trending-recs::part(image) { display: none }' });
  before(() => document.head.append(hidePictures));
  after(() => hidePictures.remove());
  beforeEach(() => {
    console_ = captureWarnings();
    page = watchPageErrors();
    dialogs = trapDialogs();
    prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
  });
  afterEach(() => {
    console_.restore();
    page.stop();
    dialogs.restore();
  });

  /** No dialog, no page error, no new prototype key, and nothing executable left in the page. */
  async function expectNothingRan(elements: Element[]) {
    await afterScriptsHadAChance();
    expect(dialogs.calls, 'dialogs').to.deep.equal([]);
    expect(page.errors, 'uncaught errors or unhandled rejections').to.deep.equal([]);
    expect(Object.getOwnPropertyNames(Object.prototype)).to.deep.equal(prototypeKeys);
    for (const element of elements) {
      expectInert(element);
      // The light DOM around the widget is the test's own: nothing was added to it.
      expect(element.children, 'light DOM children').to.have.length(0);
    }
  }

  describe(`${PAYLOADS.length} payloads in every item field`, () => {
    const groups = chunks(PAYLOADS, 24);
    groups.forEach((payloads, index) => {
      it(`shows group ${index + 1} of ${groups.length} as text, links only http(s), and renders every valid card`, async () => {
        const { planted, items } = plantedFeed(payloads);
        const url = await serveFeed(jsonFeed(items));
        const { element, outcome } = await renderWidget(url, { limit: '100', 'max-sponsored': '100' });
        expect(outcome.type).to.equal('load');

        const shownIds = (outcome.detail.items as { id: string }[]).map((shown) => shown.id);
        expect([...shownIds].sort()).to.deep.equal(expectedIds(planted, url).sort());
        const rendered = cards(element);
        expect(rendered).to.have.length(shownIds.length);
        rendered.forEach((card, k) => expectCardShowsPayload(card, planted.get(shownIds[k]!)!, url));

        const skipped = outcome.detail.skipped as { id: string; reason: string }[];
        const titleless = [...planted].filter(([, { role, payload }]) => role === 'summary' && !plain(payload)).map(([id]) => id);
        expect(skipped.map(({ id, reason }) => `${id}: ${reason}`)).to.deep.equal(titleless.map((id) => `${id}: no title`));

        expect(shadow(element).textContent).not.to.match(/\bundefined\b|\[object Object\]|Invalid Date|NaN/);
        expectSafeDetail(outcome);
        await expectNothingRan([element]);
      });
    });

    for (const field of ['url', 'external_url'] as const) {
      it(`skips an item whose only link, in ${field}, is not http(s), and links the others as parsed`, async () => {
        const ids = new Map<string, string>();
        const items = PAYLOADS.map((p) => {
          const n = ++serial;
          ids.set(`only-${field}-${n}`, p);
          return { id: `only-${field}-${n}`, [field]: p, title: `Only link ${n}`, _trending: { site: `Only site ${n}` } };
        });
        const url = await serveFeed(jsonFeed(items));
        const { element, outcome } = await renderWidget(url, { limit: '100' });

        const refused = [...ids].filter(([, p]) => !followable(p, url)).map(([id]) => id);
        expect(refused).to.include.members([...ids].filter(([, p]) => NEVER_LINKED.includes(p)).map(([id]) => id));
        expect(refused.some((id) => LINKED_AS_HTTP.includes(ids.get(id)!))).to.be.false;
        const skipped = outcome.detail.skipped as { id: string; reason: string }[];
        expect(skipped.map(({ id, reason }) => `${id}: ${reason}`)).to.deep.equal(refused.map((id) => `${id}: no http(s) link`));

        const firstPerPage = new Map<string, string>();
        for (const [id, p] of ids) {
          const href = followable(p, url);
          if (href && !firstPerPage.has(samePageKey(href))) firstPerPage.set(samePageKey(href), id);
        }
        const shown = outcome.detail.items as { id: string }[];
        expect(shown.map(({ id }) => id).sort()).to.deep.equal([...firstPerPage.values()].sort());
        const rendered = cards(element);
        expect(rendered).to.have.length(firstPerPage.size);
        rendered.forEach((card, k) => expect(card.getAttribute('href')).to.equal(followable(ids.get(shown[k]!.id)!, url)));
        expectSafeDetail(outcome);
        await expectNothingRan([element]);
      });
    }
  });

  describe(`${PAYLOADS.length} payloads in every feed-level field`, () => {
    it('never shows them except the title, as text, as the name of the feed’s own site', async () => {
      const feedFields = (p: string) => ({
        title: p, home_page_url: p, feed_url: p, icon: p, favicon: p, description: p, user_comment: p, next_url: p,
        language: p, authors: [{ name: p, url: p, avatar: p }], author: { name: p, url: p, avatar: p }, hubs: [{ type: p, url: p }],
      });
      const own = (n: number) => ({ id: `own-${n}`, url: `own/${n}/`, title: `On the feed's own host ${n}`, _trending: { category: 'Own' } });
      const other = (n: number) => ({
        id: `other-${n}`,
        url: `https://blog.harbor.example/other/${n}/`,
        title: `Elsewhere ${n}`,
        _trending: { category: 'Other' },
      });
      const urls = await Promise.all(PAYLOADS.map((p, n) => serveFeed(jsonFeed([own(n), other(n)], feedFields(p)))));
      const { elements, outcomes } = await renderStacked(urls, { limit: '2' });

      PAYLOADS.forEach((p, n) => {
        const what = `feed-level payload ${n} ${JSON.stringify(p.slice(0, 60))}`;
        expect(outcomes[n]!.type, what).to.equal('load');
        const rendered = cards(elements[n]!);
        expect(rendered.map((card) => part(card, 'title')).sort(), what).to.deep.equal([`Elsewhere ${n}`, `On the feed's own host ${n}`]);
        const ownCard = rendered.find((card) => part(card, 'title')!.startsWith('On'))!;
        const otherCard = rendered.find((card) => part(card, 'title')!.startsWith('Elsewhere'))!;
        const home = followable(p, urls[n]!);
        const ownHost = home ? new URL(home).hostname : '127.0.0.1';
        if (ownHost === '127.0.0.1' && plain(p)) expectLiteral(part(ownCard, 'site'), p, what);
        else expect(part(ownCard, 'site'), what).to.equal('127.0.0.1');
        expect(ownCard.getAttribute('href'), what).to.equal(new URL(`own/${n}/`, urls[n]).href);
        if (ownHost === 'blog.harbor.example' && plain(p)) expectLiteral(part(otherCard, 'site'), p, what);
        else expect(part(otherCard, 'site'), what).to.equal('blog.harbor.example');
        expect(shadow(elements[n]!).querySelector('[part="heading"]')!.textContent, what).to.equal('Trending on our other sites');
        expect(shadow(elements[n]!).querySelectorAll('img'), what).to.have.length(0);
        expectSafeDetail(outcomes[n]!);
      });
      await expectNothingRan(elements);
    });
  });

  describe('values shaped like Lit template results', () => {
    it('renders nothing from them in any field, and still shows the valid cards', async () => {
      const expected: string[] = [];
      const items: unknown[] = LIT_SHAPES.flatMap((shape, s) => {
        const n = ++serial;
        const link = (name: string) => `https://lit-${name}-${n}.harbor.example/`;
        const everywhere = {
          id: `lit-everywhere-${n}`, url: link('everywhere'), title: `Lit shape ${s} everywhere`,
          external_url: shape, summary: shape, content_text: shape, content_html: shape, image: shape, banner_image: shape,
          tags: [shape, shape], date_published: shape, date_modified: shape, authors: shape,
          _trending: Object.fromEntries(TRENDING_FIELDS.map((key) => [key, shape])),
        };
        const asExtension = { id: `lit-extension-${n}`, url: link('extension'), title: `Lit shape ${s} as _trending`, _trending: shape };
        const merged = Array.isArray(shape)
          ? []
          : [{ ...(shape as object), id: `lit-merged-${n}`, url: link('merged'), title: `Lit shape ${s} merged into an item` }];
        expected.push(everywhere.title, asExtension.title, ...merged.map((m) => m.title));
        return [
          everywhere,
          asExtension,
          ...merged,
          { id: `lit-title-${n}`, url: link('title'), title: shape, summary: shape, content_text: shape },
          { id: `lit-link-${n}`, url: shape, external_url: shape, title: `Lit shape ${s} as the only link` },
          { id: shape, url: link('id'), title: `Lit shape ${s} as the id` },
          shape,
        ];
      });
      const url = await serveFeed(jsonFeed(items));
      const { element, outcome } = await renderWidget(url, { limit: '100' });

      const rendered = cards(element);
      expect(rendered.map((card) => part(card, 'title')).sort()).to.deep.equal(expected.sort());
      for (const card of rendered) {
        expect(part(card, 'site')).to.match(/^lit-[a-z]+-\d+\.harbor\.example$/);
        expect(card.querySelector('[part~="category"], [part~="sponsored"], [part~="cta"], [part~="date"], img')).to.be.null;
      }
      const reasons = (outcome.detail.skipped as { reason: string }[]).map(({ reason }) => reason);
      expect(reasons).to.have.length(LIT_SHAPES.length * 4);
      expect(new Set(reasons)).to.deep.equal(new Set(['no title', 'no http(s) link', 'no usable id', 'not an object']));
      expect(shadow(element).textContent).not.to.match(/\[object Object\]|_\$lit|<img|onerror|undefined|NaN/);
      await expectNothingRan([element]);
    });

    it('collapses with an error event, throwing nothing, when the whole feed is one', async () => {
      const bodies: unknown[] = [
        ...LIT_SHAPES,
        { ...(LIT_SHAPES[0] as object), version: 'https://jsonfeed.org/version/1.1', items: LIT_SHAPES[0] },
        { version: 'https://jsonfeed.org/version/1.1', title: LIT_SHAPES[0], items: LIT_SHAPES[7] },
      ];
      const urls = await Promise.all(bodies.map((body) => serveFeed(body)));
      const { elements, outcomes } = await renderStacked(urls);
      outcomes.forEach((outcome, i) => {
        expect(outcome.type, `body ${i}`).to.equal('error');
        expect(outcome.detail.message, `body ${i}`).to.equal('not a JSON Feed');
        expect(outcome.detail.src).to.equal(urls[i]);
        expect(shadow(elements[i]!).querySelector('section'), `body ${i}`).to.be.null;
        expect(elements[i]!.getBoundingClientRect().height, `body ${i}`).to.equal(0);
      });
      expect(console_.warnings.filter((warning) => warning.startsWith('<trending-recs>'))).to.have.length(bodies.length);
      await expectNothingRan(elements);
    });

    it('shows only the items of a feed that also has Lit template keys, or nothing when all its items are templates', async () => {
      const plainItem = { id: 'plain', url: 'https://blog.harbor.example/plain/', title: 'Plain item' };
      const withKeys = { ...(LIT_SHAPES[0] as object), ...jsonFeed([plainItem], { title: LIT_SHAPES[7] }) };
      const onlyTemplates = jsonFeed(LIT_SHAPES);
      const [first, second] = await Promise.all([serveFeed(withKeys), serveFeed(onlyTemplates)]);
      const { elements, outcomes } = await renderStacked([first!, second!]);
      expect(outcomes.map((outcome) => outcome.type)).to.deep.equal(['load', 'load']);
      expect(cards(elements[0]!).map((card) => part(card, 'title'))).to.deep.equal(['Plain item']);
      expect(part(cards(elements[0]!)[0]!, 'site')).to.equal('blog.harbor.example');
      expect(outcomes[1]!.detail.items).to.deep.equal([]);
      expect(outcomes[1]!.detail.skipped).to.have.length(LIT_SHAPES.length);
      expect(shadow(elements[1]!).querySelector('section')).to.be.null;
      await expectNothingRan(elements);
    });
  });

  describe('__proto__ and constructor keys', () => {
    it('supply no field, pollute nothing, and show as text where they are values', async () => {
      // JSON.parse, unlike an object literal, makes `__proto__` an own key, as a feed would.
      const items = JSON.parse(`[
        {"id": "proto-only", "__proto__": {"url": "https://blog.harbor.example/p/", "title": "${XSS_HTML}"}},
        {"id": "proto-extension", "url": "https://blog.harbor.example/clean/", "title": "Proto clean",
         "__proto__": {"image": "javascript:alert(1)", "sponsored": true, "cta": "${XSS_HTML}"},
         "constructor": {"prototype": {"image": "https://evil.example/x.png", "title": "Constructor title"}},
         "_trending": {"__proto__": {"site": "Polluted", "category": "<svg onload=alert(1)>", "sponsored": true, "cta": "WIN"},
                       "constructor": {"prototype": {"cta": "WIN"}, "name": "Polluted"}}},
        {"id": "__proto__", "url": "https://blog.harbor.example/named/", "title": "__proto__",
         "_trending": {"site": "constructor", "category": "__proto__", "sponsor": "hasOwnProperty", "cta": "toString"}},
        {"id": "constructor", "url": "https://blog.harbor.example/named-2/", "title": "constructor",
         "_trending": {"site": "__proto__", "category": "prototype"}}
      ]`);
      const ghost = '"__proto__": {"items": [{"id": "ghost", "url": "https://evil.example/", "title": "Ghost"}]}';
      const url = await serveFeed(JSON.stringify(jsonFeed(items)).replace(/^\{/, `{${ghost}, `));
      const { element, outcome } = await renderWidget(url, { limit: '100' });
      const byTitle = new Map(cards(element).map((card) => [part(card, 'title'), card]));
      expect([...byTitle.keys()].sort()).to.deep.equal(['Proto clean', '__proto__', 'constructor']);
      const clean = byTitle.get('Proto clean')!;
      expect(part(clean, 'site')).to.equal('blog.harbor.example');
      expect(clean.querySelector('img, [part~="category"], [part~="sponsored"], [part~="cta"]')).to.be.null;
      expect(part(byTitle.get('__proto__')!, 'site')).to.equal('constructor');
      expect(part(byTitle.get('__proto__')!, 'category')).to.equal('__proto__');
      expect(part(byTitle.get('__proto__')!, 'cta')).to.equal('toString');
      expect(part(byTitle.get('constructor')!, 'site')).to.equal('__proto__');
      expect(outcome.detail.skipped).to.deep.equal([{ index: 0, id: 'proto-only', reason: 'no title' }]);
      expect(({} as Record<string, unknown>).title).to.be.undefined;
      await expectNothingRan([element]);
    });
  });
});
