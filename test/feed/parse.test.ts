import { expect } from '@open-wc/testing';
import { ITEMS_PER_STEP, MAX_ITEMS, parseFeed, parseFeedInSteps } from '../../src/feed/parse.js';

const FEED_URL = 'https://daily.harbor.example/feeds/trending.json';

const feed = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Harbor Daily',
  home_page_url: 'https://daily.harbor.example/',
  ...extra,
  items,
});

const valid = (extra: Record<string, unknown> = {}) => ({
  id: 'a',
  url: 'https://blog.harbor.example/a/',
  title: 'A title',
  ...extra,
});

function parseOne(raw: Record<string, unknown>) {
  const { items, skipped } = parseFeed(feed([raw]), FEED_URL);
  return { item: items[0], skipped };
}

describe('parseFeed', () => {
  it('refuses values that are not a feed, saying why', () => {
    for (const json of [null, 42, 'items', [], {}, { items: {} }, { items: 'none' }]) {
      expect(() => parseFeed(json, FEED_URL), JSON.stringify(json)).to.throw(/not a JSON Feed/);
    }
  });

  it('reads JSON Feed 1.0 and 1.1 alike', () => {
    for (const version of ['https://jsonfeed.org/version/1', 'https://jsonfeed.org/version/1.1']) {
      expect(parseFeed(feed([valid()], { version }), FEED_URL).items).to.have.length(1);
    }
  });

  it('reads the _trending extension', () => {
    const { item } = parseOne(
      valid({
        image: 'https://cdn.harbor.example/a.jpg',
        date_published: '2026-11-20T08:00:00Z',
        _trending: {
          site: 'Harbor Events',
          site_url: 'https://events.harbor.example/',
          site_icon: '/icons/events.svg',
          category: 'Music',
          kind: 'event',
          score: 42.5,
          sponsored: true,
          sponsor: 'Tidewave',
          starts_at: '2027-06-12T19:00:00+02:00',
          ends_at: '2027-06-12T22:30:00+02:00',
          venue: 'Harbor Hall',
          cta: 'Get tickets',
        },
      }),
    );
    expect(item).to.deep.include({
      id: 'a',
      title: 'A title',
      site: 'Harbor Events',
      category: 'Music',
      kind: 'event',
      score: 42.5,
      sponsored: true,
      sponsor: 'Tidewave',
      startsAt: Date.UTC(2027, 5, 12, 17, 0),
      endsAt: Date.UTC(2027, 5, 12, 20, 30),
      published: Date.UTC(2026, 10, 20, 8, 0),
      venue: 'Harbor Hall',
      cta: 'Get tickets',
      image: 'https://cdn.harbor.example/a.jpg',
    });
  });

  describe('a plain JSON Feed without _trending', () => {
    it('names the site after the item host, without www', () => {
      const { item } = parseOne(valid({ url: 'https://www.Travel-Guides.example/x' }));
      expect(item!.site).to.equal('travel-guides.example');
    });

    it("names items on the feed's own site after the feed", () => {
      const { item } = parseOne(valid({ url: '/2026/11/story/' }));
      expect(item!.url).to.equal('https://daily.harbor.example/2026/11/story/');
      expect(item!.site).to.equal('Harbor Daily');
    });

    it('takes the category from the first tag, and the kind is article', () => {
      const { item } = parseOne(valid({ tags: [7, 'Food', 'Travel'] }));
      expect(item!.category).to.equal('Food');
      expect(item!.tags).to.deep.equal(['Food', 'Travel']);
      expect(item!.kind).to.equal('article');
      expect(item!.score).to.equal(0);
      expect(item!.sponsored).to.equal(false);
    });
  });

  describe('ids', () => {
    it('turns numbers into strings', () => {
      expect(parseOne(valid({ id: 1234 })).item!.id).to.equal('1234');
    });

    it('skips items without a usable id, with the reason and position', () => {
      const items = [valid({ id: undefined }), valid({ id: '  ' }), valid({ id: { a: 1 } }), valid({ id: null })];
      const { items: parsed, skipped } = parseFeed(feed(items), FEED_URL);
      expect(parsed).to.be.empty;
      expect(skipped.map((s) => s.index)).to.deep.equal([0, 1, 2, 3]);
      expect(skipped.every((s) => s.reason === 'no usable id')).to.be.true;
    });

    it('skips items that are not objects', () => {
      const { items, skipped } = parseFeed(feed([null, 'x', [valid()], valid()]), FEED_URL);
      expect(items.map((i) => i.id)).to.deep.equal(['a']);
      expect(skipped.map((s) => s.reason)).to.deep.equal(['not an object', 'not an object', 'not an object']);
    });
  });

  describe('titles', () => {
    it('falls back to the summary', () => {
      expect(parseOne(valid({ title: undefined, summary: 'The summary' })).item!.title).to.equal('The summary');
    });

    it('falls back to the opening words of content_text, cut at a word', () => {
      const content = 'Ferries now leave every hour from the old harbour. '.repeat(6);
      const { item } = parseOne(valid({ title: 17, content_text: content }));
      expect(item!.title).to.match(/^Ferries now leave every hour/);
      expect(item!.title).to.match(/\w…$/);
      expect(item!.title.length).to.be.at.most(111);
      expect(content.startsWith(item!.title.slice(0, -1))).to.be.true;
    });

    it('skips an item with no text at all, and ignores content_html', () => {
      const { item, skipped } = parseOne(valid({ title: '', content_html: '<p>Hi</p>' }));
      expect(item).to.be.undefined;
      expect(skipped[0]!.reason).to.equal('no title');
      expect(skipped[0]!.id).to.equal('a');
    });

    it('keeps markup as plain characters and folds whitespace and control characters', () => {
      const { item } = parseOne(valid({ title: '  <b>Bold</b>\n\tmove\u0000 <script>x</script> ' }));
      expect(item!.title).to.equal('<b>Bold</b> move <script>x</script>');
    });
  });

  describe('links', () => {
    it('falls back to external_url, resolved against the feed', () => {
      const { item } = parseOne(valid({ url: 'javascript:alert(1)', external_url: '../elsewhere' }));
      expect(item!.url).to.equal('https://daily.harbor.example/elsewhere');
    });

    it('skips items whose links are not http(s), however disguised', () => {
      const bad = [
        'javascript:alert(1)',
        'JaVaScRiPt:alert(1)',
        'java\tscript:alert(1)',
        '\u0001 javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox(1)',
        'ftp://files.example/x',
        '',
        '   ',
        42,
        { href: 'https://x.example' },
      ];
      const { items, skipped } = parseFeed(feed(bad.map((url, i) => valid({ id: String(i), url }))), FEED_URL);
      expect(items).to.be.empty;
      expect(skipped).to.have.length(bad.length);
      expect(skipped.every((s) => s.reason === 'no http(s) link')).to.be.true;
    });

    it('drops an unsafe image but keeps the card', () => {
      const { item } = parseOne(valid({ image: 'javascript:alert(1)', banner_image: 'data:image/png;base64,AA' }));
      expect(item).to.exist;
      expect(item!.image).to.be.undefined;
    });

    it('uses banner_image when there is no image', () => {
      expect(parseOne(valid({ banner_image: 'b.jpg' })).item!.image).to.equal('https://daily.harbor.example/feeds/b.jpg');
    });
  });

  describe('fields of the wrong type', () => {
    it('are ignored, never kept', () => {
      const { item } = parseOne(
        valid({
          summary: ['x'],
          tags: 'Food',
          date_published: 1700000000,
          _trending: {
            site: null,
            category: { name: 'x' },
            kind: 'podcast',
            score: '99',
            sponsor: 5,
            starts_at: 'tomorrow',
            venue: NaN,
            cta: true,
          },
        }),
      );
      // Every optional field is there as undefined, never as a placeholder value.
      const defined = Object.fromEntries(Object.entries(item!).filter(([, value]) => value !== undefined));
      expect(defined).to.deep.equal({
        id: 'a',
        url: 'https://blog.harbor.example/a/',
        title: 'A title',
        site: 'blog.harbor.example',
        tags: [],
        kind: 'article',
        score: 0,
        sponsored: false,
      });
    });

    it('ignore a negative score', () => {
      expect(parseOne(valid({ _trending: { score: -3 } })).item!.score).to.equal(0);
    });

    it('ignore an extension that is not an object', () => {
      expect(parseOne(valid({ _trending: ['event'] })).item!.kind).to.equal('article');
    });
  });

  it('counts sponsored only for true, 1 and "true"/"yes"/"1" in any case', () => {
    const yes = [true, 1, 'true', 'TRUE', 'Yes', ' 1 '];
    const no = [false, 0, 2, 'no', 'false', 'sponsored', {}, [], null];
    const flags = (values: unknown[]) =>
      parseFeed(feed(values.map((sponsored, i) => valid({ id: String(i), _trending: { sponsored } }))), FEED_URL).items.map(
        (i) => i.sponsored,
      );
    expect(flags(yes)).to.deep.equal(yes.map(() => true));
    expect(flags(no)).to.deep.equal(no.map(() => false));
  });

  it('treats an invalid date as unknown', () => {
    const { item } = parseOne(
      valid({ date_published: '2026-02-30T10:00:00Z', _trending: { kind: 'event', starts_at: '2027-13-01T10:00:00Z' } }),
    );
    expect(item!.published).to.be.undefined;
    expect(item!.startsAt).to.be.undefined;
    expect(item!.kind).to.equal('event');
  });

  it('lets no __proto__ or constructor key, nor a polluted prototype, change anything', () => {
    const json = JSON.parse(`{
      "items": [
        {"__proto__": {"id": "p", "title": "T", "url": "https://x.example/"}, "constructor": {"prototype": {"bad": 1}}},
        {"id": "b", "title": "B", "url": "https://x.example/b", "__proto__": {"sponsored": true},
         "_trending": {"__proto__": {"sponsored": true, "site": "Evil"}, "constructor": "x"}}
      ]
    }`);
    const proto = Object.prototype as Record<string, unknown>;
    proto['url'] = 'https://evil.example/';
    proto['site'] = 'Evil';
    try {
      const { items, skipped } = parseFeed(json, FEED_URL);
      expect(skipped.map((s) => s.reason)).to.deep.equal(['no usable id']);
      expect(items).to.have.length(1);
      expect(items[0]!.sponsored).to.equal(false);
      expect(items[0]!.site).to.equal('x.example');
      expect(({} as Record<string, unknown>)['bad']).to.be.undefined;
    } finally {
      delete proto['url'];
      delete proto['site'];
    }
  });

  it(`reads the first ${MAX_ITEMS} items only, and says why it skipped the rest`, () => {
    const many = Array.from({ length: MAX_ITEMS + 3 }, (_, i) => valid({ id: `n${i}`, url: `https://x.example/${i}` }));
    const { items, skipped } = parseFeed(feed(many), FEED_URL);
    expect(items).to.have.length(MAX_ITEMS);
    expect(items.at(-1)!.id).to.equal(`n${MAX_ITEMS - 1}`);
    expect(skipped.map((s) => [s.index, s.id, s.reason])).to.deep.equal(
      [0, 1, 2].map((i) => [MAX_ITEMS + i, `n${MAX_ITEMS + i}`, 'beyond the first 5000 items']),
    );
  });
});

describe('parseFeedInSteps', () => {
  it('pauses before every ITEMS_PER_STEP items, the first included, and parses what parseFeed parses', () => {
    const json = feed(Array.from({ length: 2 * ITEMS_PER_STEP + 1 }, (_, i) => valid({ id: `i${i}` })));
    const steps = parseFeedInSteps(json, FEED_URL);
    let pauses = 0;
    let step;
    while (!(step = steps.next()).done) pauses++;
    expect(pauses).to.equal(3);
    expect(step.value).to.deep.equal(parseFeed(json, FEED_URL));
  });
});
