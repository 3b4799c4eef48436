import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { displayHost, normalizeUrl, safeUrl } from '../../src/feed/urls.js';

const RUNS = 400;
const WEB = ['http:', 'https:'];

/** What the WHATWG parser strips (C0 controls, space) plus what String#trim strips. */
const BLANK = [...Array.from({ length: 33 }, (_, c) => String.fromCharCode(c)), '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
// Characters a feed can hide inside a scheme or a host.
const NOISE = ['\t', '\n', '\r', '\0', '\u0001', '\u001f', ' ', '\u007f', '\u0085', '\u00a0', '\u200b', '\u200e', '\u202e', '\ufeff', '\u2028', '\u3000'];

const randomCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) => [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));

const pick = (...values: string[]) => fc.constantFrom(...values);

const scheme = fc.oneof(
  pick('http', 'https', 'javascript', 'data', 'vbscript', 'blob', 'file', 'about', 'ftp', 'ws', 'wss', 'mailto', 'tel', 'view-source', 'intent', 'x-custom').chain(randomCase),
  pick('blob:https', 'view-source:https', 'javascript:https', 'jar:http'),
);

const urlParts = fc.tuple(
  fc.oneof({ weight: 3, arbitrary: fc.constant('') }, fc.string({ unit: pick(...NOISE), maxLength: 3 })),
  // No start: a relative reference. ['', '//']: scheme-relative. Else a scheme and what follows it.
  fc.oneof(
    fc.constant(undefined),
    fc.constant(['', '//']),
    fc.tuple(scheme, pick(':', '://', ':/', ':\\\\', ':///', ':%2F%2F', '%3A//', '', '//')),
  ),
  pick('', '', '', '', 'user@', 'user:pass@', ':@', '@', ':pass@', 'a%40b@', 'news.example@'),
  pick(
    'example.com', 'www.example.com', 'WWW.Example.COM', 'www.', 'www', 'sub.www.example', '[::1]', '[2001:DB8::1]',
    '[::ffff:1.2.3.4]', '127.0.0.1', '0x7f.1', '2130706433', '%65xample.com', 'xn--bcher-kva.example', 'bücher.example',
    'ｅｘａｍｐｌｅ.com', '', 'a..b', '.', 'exa mple', 'exa%00mple', '[oops', 'localhost', 'alert(1)',
  ),
  pick('', '', '', ':80', ':443', ':8080', ':', ':99999', ':0x50'),
  pick('', '/', '/a/b', '/a/b/', '/../x', '/%2e%2e/x', '\\x', '/a b', '/%zz', '//double', '/é', '/\u{1f600}', 'relative', './r', '../r', ';x'),
  pick('', '', '?', '?a=1', '?utm_source=x&b=2', '?%00', '?a=%ZZ'),
  pick('', '', '#', '#frag', '#javascript:alert(1)'),
);

/** Inserts a few noise characters and percent-encodes a few others, at random places. */
const mangle = (text: string) =>
  fc
    .record({
      inserts: fc.array(fc.tuple(fc.nat(), pick(...NOISE)), { maxLength: 3 }),
      encodes: fc.array(fc.nat(), { maxLength: 2 }),
    })
    .map(({ inserts, encodes }) => {
      const chars = [...text];
      for (const at of encodes) {
        const i = at % (chars.length || 1);
        const code = chars[i]?.charCodeAt(0);
        if (code !== undefined && code < 0x80) chars[i] = `%${code.toString(16).padStart(2, '0').toUpperCase()}`;
      }
      for (const [at, c] of inserts) chars.splice(at % (chars.length + 1), 0, c);
      return chars.join('');
    });

const builtUrl = urlParts
  .map(([lead, start, user, host, port, path, query, hash]) => {
    const authority = start ? `${start.join('')}${user}${host}${port}` : '';
    return `${lead}${authority}${path}${query}${hash}`;
  })
  .chain((text) => fc.oneof(fc.constant(text), mangle(text)));

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const FRAGMENTS = ['javascript:', 'JaVaScRiPt:', 'data:', 'vbscript:', 'blob:', 'file:', 'about:', 'http:', 'https:', '//', '\\\\', '@', ':', '[', ']', '::1', '%', '%0a', '%2e', '.', '/', '?', '#', 'www.', 'x.example', ...NOISE];

/** Strings a feed could put where a URL belongs. */
const urlStrings = fc.oneof(
  { weight: 6, arbitrary: builtUrl },
  fc.string({ unit: pick(...FRAGMENTS), maxLength: 12 }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary-ascii' }),
  fc.string({ unit: fc.oneof(loneSurrogate, pick(...FRAGMENTS)) }),
);

const FEED_URL = 'https://daily.harbor.example/feeds/trending.json';
const webBases = fc.oneof(
  pick(FEED_URL, 'http://a.example', 'https://www.example.com/dir/', 'HTTP://EXAMPLE.COM:80/a?b#c', 'https://[::1]:8443/x', 'https://www./x'),
  builtUrl.map((raw) => safeUrl(raw, FEED_URL)).filter((base): base is string => base !== undefined),
);
const bases = fc.oneof(
  { weight: 3, arbitrary: webBases },
  fc.constant(undefined),
  pick('file:///etc/passwd', 'data:text/html,x', 'javascript:alert(1)', 'about:blank', 'blob:https://a.example/uuid', 'ftp://a.example/x', 'not a url', '', 'https://user:pass@a.example/', 'view-source:https://a.example/'),
  urlStrings,
);

/** The URL the browser's parser makes of it, or undefined when it makes none. */
function browserUrl(raw: string, base?: string): URL | undefined {
  try {
    return new URL(raw, base);
  } catch {
    return undefined;
  }
}

/** The link a real anchor in a document with this base would follow. */
function anchorFor(raw: string, base: string): HTMLAnchorElement {
  const doc = document.implementation.createHTMLDocument('');
  const baseElement = doc.createElement('base');
  baseElement.href = base;
  doc.head.append(baseElement);
  const a = doc.createElement('a');
  a.setAttribute('href', raw);
  doc.body.append(a);
  return a;
}

describe('safeUrl, on arbitrary strings and bases', () => {
  it('returns only absolute http(s) URLs without credentials, already in their final form', () => {
    fc.assert(
      fc.property(urlStrings, bases, (raw, base) => {
        const href = safeUrl(raw, base);
        if (href === undefined) return;
        expect(href).to.be.a('string');
        const url = new URL(href);
        expect(WEB).to.include(url.protocol);
        expect(url.username).to.equal('');
        expect(url.password).to.equal('');
        expect(url.href).to.equal(href);
        expect(safeUrl(href)).to.equal(href);
        expect(safeUrl(href, base)).to.equal(href);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses every value that is not a string', () => {
    fc.assert(
      fc.property(fc.anything({ withBoxedValues: true, withDate: true, withMap: true }), bases, (raw, base) => {
        fc.pre(typeof raw !== 'string');
        expect(safeUrl(raw, base)).to.be.undefined;
      }),
      { numRuns: 100 },
    );
  });

  it('refuses blank input instead of resolving it to the base', () => {
    fc.assert(
      fc.property(fc.string({ unit: pick(...BLANK), maxLength: 6 }), bases, (raw, base) => {
        expect(safeUrl(raw, base), JSON.stringify(raw)).to.be.undefined;
      }),
      { numRuns: 200 },
    );
  });

  it('refuses whatever the browser would not follow as http(s)', () => {
    fc.assert(
      fc.property(urlStrings, bases, (raw, base) => {
        const url = browserUrl(raw, base);
        if (!url || !WEB.includes(url.protocol)) expect(safeUrl(raw, base)).to.be.undefined;
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps exactly the link a real anchor would follow', () => {
    fc.assert(
      fc.property(urlStrings, webBases, (raw, base) => {
        // An anchor refuses a lone surrogate where URL() reads U+FFFD; the card's link is
        // safeUrl's output, which has none, so only well-formed input can be compared.
        fc.pre(!LONE_SURROGATE.test(raw));
        const href = safeUrl(raw, base);
        const a = anchorFor(raw, base);
        if (!WEB.includes(a.protocol)) expect(href).to.be.undefined;
        if (href !== undefined) expect(a.href).to.equal(href);
      }),
      { numRuns: 200 },
    );
  });
});

describe('displayHost, on every URL safeUrl keeps', () => {
  it('names a host', () => {
    fc.assert(
      fc.property(urlStrings, bases, (raw, base) => {
        const href = safeUrl(raw, base);
        if (href !== undefined) expect(displayHost(href)).to.be.a('string').and.not.equal('');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('normalizeUrl, on arbitrary strings and bases', () => {
  it('has a key exactly when safeUrl keeps the URL, and the key depends only on that URL', () => {
    fc.assert(
      fc.property(urlStrings, bases, (raw, base) => {
        const href = safeUrl(raw, base);
        const key = normalizeUrl(raw, base);
        if (href === undefined) expect(key).to.be.undefined;
        else expect(key).to.be.a('string').and.equal(normalizeUrl(href));
      }),
      { numRuns: RUNS },
    );
  });

  it('gives a key that is its own key again, under the same scheme, unless the host has www. twice', () => {
    fc.assert(
      fc.property(urlStrings, bases, (raw, base) => {
        const href = safeUrl(raw, base);
        const key = normalizeUrl(raw, base);
        // Dropping www. from www.www.x or www.:8080 leaves a host that reads differently.
        fc.pre(href !== undefined && !/^(www\.){2}|^www\.$/.test(new URL(href).hostname));
        // The same scheme: http://x:443 and https://x:443 are different ports, and keys.
        expect(normalizeUrl(`${new URL(href).protocol}${key}`)).to.equal(key);
      }),
      { numRuns: RUNS },
    );
  });

  // One page, written the many ways a feed might write it.
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/).filter((l) => l !== 'www');
  const page = fc.record({
    labels: fc.array(label, { minLength: 1, maxLength: 3 }),
    tld: pick('example', 'com', 'org', 'co.uk'),
    port: pick('', '', ':8080', ':3000'),
    segments: fc.array(fc.oneof(label, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }).map(encodeURIComponent)).filter(
        (segment) => !/^\.\.?$/.test(segment),
      ), { maxLength: 3 }),
    params: fc.array(fc.tuple(label.filter((name) => !/^(utm_|fbclid$|gclid$)/i.test(name)), fc.string({ maxLength: 5 })), { maxLength: 3 }),
  });
  const variant = fc.record({
    https: fc.boolean(),
    www: fc.boolean(),
    upper: fc.array(fc.boolean(), { maxLength: 40 }),
    slash: fc.boolean(),
    hash: fc.option(fc.string({ maxLength: 6 }), { nil: undefined }),
    tracking: fc.array(
      fc.tuple(
        fc
          .oneof(fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), pick(...NOISE)), maxLength: 6 }).map((s) => `utm_${s}`), pick('fbclid', 'gclid'))
          .chain(randomCase),
        fc.string({ maxLength: 5 }),
      ),
      { maxLength: 3 },
    ),
    trackingAt: fc.array(fc.nat(), { maxLength: 3 }),
  });

  type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;
  type Page = Of<typeof page>;

  function write(p: Page, v?: Of<typeof variant>) {
    let host = [...p.labels, p.tld].join('.');
    if (v?.www) host = `www.${host}`;
    if (v) host = [...host].map((c, i) => (v.upper[i] ? c.toUpperCase() : c)).join('');
    const params = [...p.params];
    v?.tracking.forEach((param, i) => params.splice((v.trackingAt[i] ?? 0) % (params.length + 1), 0, param));
    const query = new URLSearchParams(params).toString();
    const path = `/${p.segments.join('/')}${v?.slash && p.segments.length ? '/' : ''}`;
    const hash = v?.hash === undefined ? '' : `#${v.hash}`;
    return `${v?.https === false ? 'http' : 'https'}://${host}${p.port}${path}${query ? `?${query}` : ''}${hash}`;
  }

  it('gives one key to the same page written with scheme, www., host case, slash, fragment or tracking changed', () => {
    fc.assert(
      fc.property(page, variant, (p, v) => {
        expect(normalizeUrl(write(p, v)), write(p, v)).to.be.a('string').and.equal(normalizeUrl(write(p)));
      }),
      { numRuns: RUNS },
    );
  });

  // Two pages that differ in one thing that matters: host, port, path (letter case included) or a parameter.
  const twoPages = fc.tuple(page, fc.integer({ min: 0, max: 5 })).map(([p, what]): [Page, Page] => {
    const segments = (...more: string[]) => ({ ...p, segments: [...p.segments, ...more] });
    switch (what) {
      case 0:
        return [p, { ...p, labels: [`${p.labels[0]}x`, ...p.labels.slice(1)] }];
      case 1:
        return [p, { ...p, port: p.port === ':8080' ? ':3000' : ':8080' }];
      case 2:
        return [p, segments('x')];
      case 3:
        return [segments('Page'), segments('page')];
      case 4:
        return [p, { ...p, params: [...p.params, ['page', '2']] }];
      default:
        return [p, { ...p, params: p.params.map(([name, value], i) => [name, i ? value : `${value}x`]) }];
    }
  });

  it('gives different keys to pages that differ in host, port, path or a parameter', () => {
    fc.assert(
      fc.property(twoPages, ([p, q]) => {
        fc.pre(write(p) !== write(q));
        expect(normalizeUrl(write(p)), `${write(p)} ${write(q)}`).not.to.equal(normalizeUrl(write(q)));
      }),
      { numRuns: RUNS },
    );
  });
});
