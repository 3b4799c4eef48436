import { expect, fixture, fixtureCleanup, html, nextFrame, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DAY, HOUR, hits, iso, item, jsonFeed, serveFeed } from './support/feeds.js';
import { captureWarnings, cards, part, renderWidget, settled, shadow, watchEachTest } from './support/widget.js';
import type { TrendingRecs } from '../src/trending-recs.js';

describe('<trending-recs>', () => {
  const { warnings } = watchEachTest();

  describe('with a good feed', () => {
    it('renders one linked card per item, best score first, in a section labelled by its heading', async () => {
      const url = await serveFeed(
        jsonFeed([
          item({ title: 'Second', image: '/test/fixtures/picture.svg' }, { score: 50, category: 'Food', site: 'Harbor Blog' }),
          item({ title: 'First', url: 'https://guides.harbor.example/coves/' }, { score: 90, site: 'Harbor Guides' }),
        ]),
      );
      const { element, outcome } = await renderWidget(url);
      expect(outcome.type).to.equal('load');
      const [first, second] = cards(element);
      expect(cards(element)).to.have.length(2);
      expect(part(first!, 'title')).to.equal('First');
      expect(part(first!, 'site')).to.equal('Harbor Guides');
      expect(part(first!, 'category')).to.equal('Travel');
      expect(first!.href).to.equal('https://guides.harbor.example/coves/');
      expect(first!.querySelector('[part="image"]')).to.be.null;
      expect(part(second!, 'title')).to.equal('Second');
      expect(part(second!, 'category')).to.equal('Food');
      expect(second!.querySelector<HTMLImageElement>('img[part="image"]')!.src).to.equal(new URL('/test/fixtures/picture.svg', url).href);

      const section = shadow(element).querySelector('section')!;
      const heading = shadow(element).querySelector('[part="heading"]')!;
      expect(heading.localName).to.equal('h2');
      expect(heading.textContent).to.equal('Trending on our other sites');
      expect(section.getAttribute('aria-labelledby')).to.equal(heading.id);
      expect(shadow(element).querySelectorAll('a')).to.have.length(2);
      expect(shadow(element).querySelectorAll('a a')).to.have.length(0);
    });

    it('uses the heading attribute', async () => {
      const url = await serveFeed(jsonFeed([item()]));
      const { element } = await renderWidget(url, { heading: 'More from Harbor' });
      expect(shadow(element).querySelector('[part="heading"]')!.textContent).to.equal('More from Harbor');
    });

    it('shows at most `limit` cards, 12 by default', async () => {
      const url = await serveFeed(jsonFeed(Array.from({ length: 20 }, () => item())));
      const shownFor = async (attributes: Record<string, string>) => {
        const count = cards((await renderWidget(url, attributes)).element).length;
        fixtureCleanup();
        return count;
      };
      expect(await shownFor({})).to.equal(12);
      expect(await shownFor({ limit: '5' })).to.equal(5);
      expect(await shownFor({ limit: 'many' })).to.equal(12);
    });

    it('opens cards in the same tab, so no link needs rel=noopener', async () => {
      const url = await serveFeed(jsonFeed([item({ url: '/local/story/' }), item({ url: 'https://blog.harbor.example/x' })]));
      const { element } = await renderWidget(url);
      expect(cards(element)).to.have.length(2);
      for (const card of cards(element)) {
        // Without a target there is no new browsing context and no window.opener to cut off.
        expect(card.hasAttribute('target'), card.href).to.be.false;
        expect(card.hasAttribute('rel'), card.href).to.be.false;
      }
    });

    it('labels sponsored items visibly and with rel=sponsored', async () => {
      const url = await serveFeed(
        jsonFeed([
          item({ title: 'Webinar' }, { sponsored: 'yes', sponsor: 'Tidewave Software', kind: 'offer', cta: 'Register' }),
          item({ title: 'Anonymous sponsor' }, { sponsored: true }),
          item({ title: 'Plain' }),
          item({ title: 'Another plain one' }),
        ]),
      );
      const { element } = await renderWidget(url);
      const [webinar, anonymous, plain] = ['Webinar', 'Anonymous sponsor', 'Plain'].map(
        (title) => cards(element).find((card) => part(card, 'title') === title)!,
      );
      expect(part(webinar!, 'sponsored')).to.equal('Sponsored · Tidewave Software');
      expect(webinar!.rel).to.equal('sponsored');
      expect(webinar!.getAttribute('part')).to.equal('card card-sponsored');
      expect(part(anonymous!, 'sponsored')).to.equal('Sponsored');
      expect(plain!.querySelector('[part="sponsored"]')).to.be.null;
      expect(plain!.rel.split(' ')).not.to.include('sponsored');
    });

    it("shows an offer's call to action inside the card, not as a second link", async () => {
      const url = await serveFeed(jsonFeed([item({}, { kind: 'offer', cta: 'Register', sponsored: true, score: 99 }), item()]));
      const { element } = await renderWidget(url);
      const card = cards(element)[1];
      const cta = card!.querySelector('[part="cta"]')!;
      expect(cta.textContent).to.equal('Register');
      expect(cta.localName).to.equal('span');
      expect(card!.querySelectorAll('a, button')).to.have.length(0);
    });

    it("shows an event's date range in the page's language, with its venue", async () => {
      const start = new Date(Date.now() + 30 * DAY);
      start.setHours(19, 0, 0, 0);
      const end = new Date(start.getTime() + 3 * HOUR);
      const url = await serveFeed(
        jsonFeed([item({}, { kind: 'event', starts_at: iso(start.getTime()), ends_at: iso(end.getTime()), venue: 'Harbor Hall' })]),
      );
      const wrapper = await fixture<HTMLElement>(html`<div lang="de"></div>`);
      const element = document.createElement('trending-recs');
      element.src = url;
      const outcome = settled(element);
      wrapper.append(element);
      await outcome;
      await element.updateComplete;
      const expected = new Intl.DateTimeFormat('de', { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })
        .formatRange(start, end);
      expect(part(cards(element)[0]!, 'date')).to.equal(`${expected} · Harbor Hall`);
      expect(expected).to.match(/19:00/);
    });

    it('never shows events that are over', async () => {
      const url = await serveFeed(
        jsonFeed([
          item({ title: 'Over' }, { kind: 'event', starts_at: iso(Date.now() - 3 * DAY), ends_at: iso(Date.now() - DAY) }),
          item({ title: 'Running' }, { kind: 'event', starts_at: iso(Date.now() - DAY), ends_at: iso(Date.now() + DAY) }),
          item({ title: 'Started' }, { kind: 'event', starts_at: iso(Date.now() - HOUR) }),
        ]),
      );
      const { element } = await renderWidget(url);
      expect(cards(element).map((card) => part(card, 'title'))).to.deep.equal(['Running']);
    });

    it('renders markup in the feed as text, and no unsafe link', async () => {
      const nasty = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
      const url = await serveFeed(
        jsonFeed([
          item({ title: nasty, image: 'javascript:window.__pwned=1' }, { site: '<b>Site</b>', category: '<i>Cat</i>' }),
          item({ url: 'javascript:window.__pwned=1' }),
          item({ url: 'data:text/html,<script>window.__pwned=1</script>' }),
        ]),
      );
      const { element } = await renderWidget(url);
      const [card] = cards(element);
      expect(cards(element)).to.have.length(1);
      expect(part(card!, 'title')).to.equal(nasty);
      expect(part(card!, 'site')).to.equal('<b>Site</b>');
      expect(shadow(element).querySelectorAll('img, script, b, i')).to.have.length(0);
      await nextFrame();
      expect((window as unknown as { __pwned?: number }).__pwned).to.be.undefined;
    });

    it('never shows undefined, null, NaN or [object Object] for fields of the wrong type', async () => {
      const url = await serveFeed(
        jsonFeed([
          item(
            { title: 'Odd', summary: {}, tags: [null, {}], date_published: 'soon' },
            { site: { name: 'x' }, category: null, sponsor: [], starts_at: '2027-02-30T10:00:00Z', venue: 1, cta: {}, kind: 'event', score: 'NaN', sponsored: 'no' },
          ),
        ]),
      );
      const { element } = await renderWidget(url);
      const text = shadow(element).textContent!;
      expect(cards(element)).to.have.length(1);
      expect(text).not.to.match(/undefined|null|NaN|Invalid Date|\[object Object\]/);
      expect(part(cards(element)[0]!, 'site')).to.equal('blog.harbor.example');
    });

    it('reports skipped items in the load event and in one console warning', async () => {
      const url = await serveFeed(jsonFeed([item({ title: 'Good' }), { id: 'no-link', title: 'x' }, { title: 'no id', url: 'https://x.example/' }]));
      const { element, outcome } = await renderWidget(url);
      expect(cards(element)).to.have.length(1);
      expect(outcome.detail.skipped).to.deep.equal([
        { index: 1, id: 'no-link', reason: 'no http(s) link' },
        { index: 2, reason: 'no usable id' },
      ]);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('skipped 2').and.contain('no-link');
    });

    it('fires trending-recs-load once the cards are rendered, with the items shown, bubbling out of shadow roots', async () => {
      const url = await serveFeed(jsonFeed([item({ title: 'A' }, { score: 2 }), item({ title: 'B' }, { score: 1 })]));
      const element = document.createElement('trending-recs');
      element.src = url;
      let seen: { titles: string[]; rendered: (string | undefined)[]; composed: boolean } | undefined;
      document.addEventListener('trending-recs-load', (event) => {
        seen = {
          titles: event.detail.items.map((i) => i.title),
          rendered: cards(element).map((card) => part(card, 'title')),
          composed: event.composed,
        };
      }, { once: true });
      const outcome = settled(element);
      await fixture(html`<div>${element}</div>`);
      await outcome;
      expect(seen).to.deep.equal({ titles: ['A', 'B'], rendered: ['A', 'B'], composed: true });
    });
  });

  describe('excluded pages', () => {
    it('never shows the current page, compared loosely', async () => {
      const here = new URL(location.href);
      here.hash = 'comments';
      here.searchParams.set('utm_source', 'newsletter');
      const url = await serveFeed(jsonFeed([item({ title: 'This page', url: here.href }, { score: 99 }), item({ title: 'Other' })]));
      const { element } = await renderWidget(url);
      expect(cards(element).map((card) => part(card, 'title'))).to.deep.equal(['Other']);
    });

    it('never shows the canonical URL or the exclude list', async () => {
      const link = Object.assign(document.createElement('link'), { rel: 'canonical', href: 'https://daily.harbor.example/this-article/' });
      document.head.append(link);
      try {
        const url = await serveFeed(
          jsonFeed([
            item({ title: 'Canonical', url: 'http://DAILY.harbor.example/this-article' }),
            item({ title: 'Excluded', url: 'https://blog.harbor.example/old/' }),
            item({ title: 'Shown' }),
          ]),
        );
        const { element } = await renderWidget(url, { exclude: 'https://blog.harbor.example/old   https://x.example/' });
        expect(cards(element).map((card) => part(card, 'title'))).to.deep.equal(['Shown']);
      } finally {
        link.remove();
      }
    });
  });

  describe('when the feed fails', () => {
    const failures: [string, () => Promise<string>, RegExp][] = [
      ['a 404', () => serveFeed('gone', { status: 404 }), /HTTP 404/],
      ['a 500', () => serveFeed('{}', { status: 500 }), /HTTP 500/],
      ['HTML instead of JSON', () => serveFeed('<!doctype html><p>Oops', { contentType: 'text/html' }), /not valid JSON/],
      ['an empty body', () => serveFeed(''), /not valid JSON/],
      ['a 503 whose error page is cut off', () => serveFeed('<!doctype html><p>Down for maintenance', { status: 503, cutAfter: 5 }), /HTTP 503$/],
      ['JSON that is not a feed', () => serveFeed({ hello: 'world' }), /not a JSON Feed/],
      ['a body cut off mid-way', () => serveFeed(JSON.stringify(jsonFeed([item(), item()])), { cutAfter: 40 }), /cut off|not valid JSON|network/],
      ['a truncated body', () => serveFeed(JSON.stringify(jsonFeed([item(), item()])).slice(0, 60)), /not valid JSON/],
      ['a refused connection', async () => 'http://127.0.0.1:9/feed.json', /network error/],
    ];
    for (const [name, serve, reason] of failures) {
      it(`collapses, fires trending-recs-error and warns once for ${name}`, async () => {
        const url = await serve();
        const { element, outcome } = await renderWidget(url);
        expect(outcome.type).to.equal('error');
        expect(outcome.detail.message).to.match(reason);
        expect(outcome.detail.src).to.equal(url);
        expect(element.getBoundingClientRect().height).to.equal(0);
        expect(shadow(element).querySelector('section')).to.be.null;
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.contain(url).and.match(reason);
      });
    }

    it('collapses without a heading when nothing is showable, and says so in the load event', async () => {
      const url = await serveFeed(jsonFeed([item({}, { kind: 'event', starts_at: iso(Date.now() - DAY) })]));
      const { element, outcome } = await renderWidget(url);
      expect(outcome.type).to.equal('load');
      expect(outcome.detail.items).to.deep.equal([]);
      expect(element.getBoundingClientRect().height).to.equal(0);
      expect(shadow(element).querySelector('[part="heading"]')).to.be.null;
    });
  });

  it('renders nothing and fetches nothing without a src', async () => {
    const element = await fixture<TrendingRecs>(html`<trending-recs></trending-recs>`);
    await nextFrame();
    expect(element.getBoundingClientRect().height).to.equal(0);
    expect(shadow(element).querySelector('section')).to.be.null;
  });

  describe('while loading', () => {
    it('shows a skeleton of `limit` cards under the heading, hidden from assistive technology', async () => {
      const url = await serveFeed(jsonFeed([item()]), { delay: 400 });
      const element = await fixture<TrendingRecs>(html`<trending-recs src=${url} limit="4"></trending-recs>`);
      const skeleton = shadow(element).querySelectorAll('li.skeleton');
      expect(skeleton).to.have.length(4);
      expect([...skeleton].every((li) => li.getAttribute('aria-hidden') === 'true')).to.be.true;
      expect(shadow(element).querySelector('section')!.getAttribute('aria-busy')).to.equal('true');
      expect(element.getBoundingClientRect().height).to.be.greaterThan(100);
      await settled(element);
    });

    it('only fetches once the element comes within about a viewport of being visible', async () => {
      const url = await serveFeed(jsonFeed([item()]));
      const wrapper = await fixture<HTMLElement>(html`<div><div style="height: 5000px"></div><trending-recs src=${url}></trending-recs></div>`);
      const element = wrapper.querySelector('trending-recs')!;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await hits(url)).to.equal(0);
      const outcome = settled(element);
      element.scrollIntoView({ block: 'end' });
      await outcome;
      expect(await hits(url)).to.equal(1);
      window.scrollTo(0, 0);
    });

    it('loads the new feed when src changes', async () => {
      const first = await serveFeed(jsonFeed([item({ title: 'From the first feed' })]));
      const second = await serveFeed(jsonFeed([item({ title: 'From the second feed' })]));
      const { element } = await renderWidget(first);
      const outcome = settled(element);
      element.src = second;
      await outcome;
      await element.updateComplete;
      expect(cards(element).map((card) => part(card, 'title'))).to.deep.equal(['From the second feed']);
    });
  });

  describe('accessibility', () => {
    it('passes axe with articles, events, offers and missing pictures', async () => {
      const url = await serveFeed(
        jsonFeed([
          item({ image: '/test/fixtures/picture.svg' }),
          item({}, { kind: 'event', starts_at: iso(Date.now() + 2 * DAY), venue: 'Harbor Hall' }),
          item({}, { kind: 'offer', sponsored: true, sponsor: 'Tidewave', cta: 'Register' }),
        ]),
      );
      const { element } = await renderWidget(url);
      expect(cards(element)).to.have.length(3);
      await expect(element).shadowDom.to.be.accessible();
    });

    it('passes axe while loading', async () => {
      const url = await serveFeed(jsonFeed([item()]), { delay: 300 });
      const element = await fixture<TrendingRecs>(html`<trending-recs src=${url}></trending-recs>`);
      await expect(element).shadowDom.to.be.accessible();
      await settled(element);
    });
  });
});

describe('<trending-recs> robustness and reader details', () => {
  let console_: ReturnType<typeof captureWarnings>;
  beforeEach(() => (console_ = captureWarnings()));
  afterEach(() => console_.restore());

  it('fires trending-recs-error so that a listener on document hears it', async () => {
    const url = await serveFeed('nope', { status: 503 });
    const heard = oneEvent(document, 'trending-recs-error');
    await renderWidget(url);
    const event = await heard;
    expect(event.composed).to.be.true;
    expect(event.detail.message).to.equal('HTTP 503');
  });

  it('gives up after `timeout` ms, collapsing like any failure', async () => {
    const url = await serveFeed(jsonFeed([item()]), { delay: 3000 });
    const { element, outcome } = await renderWidget(url, { timeout: '300' });
    expect(outcome.type).to.equal('error');
    expect(outcome.detail.message).to.equal('timed out after 300 ms');
    expect(element.getBoundingClientRect().height).to.equal(0);
  });

  it('clamps limit to 100', async () => {
    const url = await serveFeed(jsonFeed(Array.from({ length: 120 }, () => item())));
    const { element } = await renderWidget(url, { limit: '1000', 'max-sponsored': '0' });
    expect(cards(element)).to.have.length(100);
  });

  it('starts fetching without scrolling when it is within a viewport below the fold', async () => {
    const url = await serveFeed(jsonFeed([item()]));
    const spacer = `${Math.round(innerHeight * 1.5)}px`;
    const wrapper = await fixture<HTMLElement>(html`<div><div style="height: ${spacer}"></div><trending-recs src=${url}></trending-recs></div>`);
    const outcome = await settled(wrapper.querySelector('trending-recs')!);
    expect(outcome.type).to.equal('load');
  });

  it('marks the list as a list even without bullets', async () => {
    const url = await serveFeed(jsonFeed([item()]));
    const { element } = await renderWidget(url);
    expect(shadow(element).querySelector('ul')!.getAttribute('role')).to.equal('list');
  });

  it('shows a visible focus ring on the focused card', async () => {
    const url = await serveFeed(jsonFeed([item()]));
    const { element } = await renderWidget(url);
    const button = document.createElement('button');
    element.before(button);
    button.focus();
    await sendKeys({ press: 'Tab' });
    const card = cards(element)[0]!;
    expect(shadow(element).activeElement).to.equal(card);
    expect(getComputedStyle(card).outlineStyle).to.equal('solid');
    button.remove();
  });

  it('ignores a polluted Object.prototype on the host page', async () => {
    const url = await serveFeed(jsonFeed([item({ title: 'Clean' })]));
    const proto = Object.prototype as Record<string, unknown>;
    Object.assign(proto, { cta: 'WIN A PRIZE', image: 'javascript:alert(1)', sponsored: true, category: 'Polluted' });
    try {
      const { element } = await renderWidget(url);
      const [card] = cards(element);
      expect(part(card!, 'title')).to.equal('Clean');
      expect(card!.querySelector('[part="cta"], [part="sponsored"], img')).to.be.null;
      expect(part(card!, 'category')).to.equal('Travel');
    } finally {
      for (const key of ['cta', 'image', 'sponsored', 'category']) delete proto[key];
    }
  });

  it('strips bidi overrides that could make a sponsor read backwards', async () => {
    const url = await serveFeed(jsonFeed([item(), item({}, { sponsored: true, sponsor: 'Tide\u202Ewave', score: 1 })]));
    const { element } = await renderWidget(url);
    expect(part(cards(element)[1]!, 'sponsored')).to.equal('Sponsored · Tide wave');
  });

  it('reads the title first: the link is named by its title before category and site', async () => {
    const url = await serveFeed(jsonFeed([item({ title: 'Ferry times' }, { category: 'Travel', site: 'Harbor Guides' })]));
    const { element } = await renderWidget(url);
    const text = cards(element)[0]!.textContent!.replace(/\s+/g, ' ').trim();
    expect(text.indexOf('Ferry times')).to.equal(0);
    expect(text.indexOf('Travel')).to.be.greaterThan(0);
  });
});

describe('<trending-recs> ranking attributes', () => {
  let console_: ReturnType<typeof captureWarnings>;
  beforeEach(() => {
    console_ = captureWarnings();
  });
  afterEach(() => console_.restore());

  const shownTitles = (element: Element) => cards(element).map((card) => part(card, 'title'));

  it('caps cards per site with per-site, and interleaves sites', async () => {
    const url = await serveFeed(
      jsonFeed([
        item({ title: 'Blog 1' }, { site: 'Blog', score: 90 }),
        item({ title: 'Blog 2' }, { site: 'Blog', score: 80 }),
        item({ title: 'Blog 3' }, { site: 'Blog', score: 70 }),
        item({ title: 'Guide 1' }, { site: 'Guides', score: 10 }),
      ]),
    );
    expect(shownTitles((await renderWidget(url, { 'per-site': '2' })).element)).to.deep.equal(['Blog 1', 'Guide 1', 'Blog 2']);
  });

  it('lets half-life decide between a fresh and a popular older item', async () => {
    const url = await serveFeed(
      jsonFeed([
        item({ title: 'Fresh', date_published: iso(Date.now()) }, { score: 10 }),
        item({ title: 'Popular', date_published: iso(Date.now() - 2 * DAY) }, { score: 25 }),
      ]),
    );
    const first = async (attributes: Record<string, string>) => {
      const shown = shownTitles((await renderWidget(url, attributes)).element)[0];
      fixtureCleanup();
      return shown;
    };
    expect(await first({})).to.equal('Popular');
    expect(await first({ 'half-life': '12' })).to.equal('Fresh');
    expect(await first({ 'max-age': '1' })).to.equal('Fresh');
  });

  it('shows only the categories, sites and kinds asked for, case-insensitively', async () => {
    const url = await serveFeed(
      jsonFeed([
        item({ title: 'Oysters' }, { category: 'Food', site: 'Harbor Blog', score: 50 }),
        item({ title: 'Lantern walk' }, { category: 'Events', site: 'Harbor Events', kind: 'event', starts_at: iso(Date.now() + DAY) }),
        item({ title: 'Coves', url: 'https://www.guides.harbor.example/coves/' }, { category: 'Travel', site: 'Harbor Guides', kind: 'guide' }),
        item({ title: 'Ferry strike' }, { category: 'News', site: 'Harbor Daily', score: 90 }),
      ]),
    );
    const shown = async (attributes: Record<string, string>) => {
      const titles = shownTitles((await renderWidget(url, attributes)).element);
      fixtureCleanup();
      return titles.sort();
    };
    expect(await shown({ categories: 'food, TRAVEL' })).to.deep.equal(['Coves', 'Oysters']);
    expect(await shown({ sites: 'harbor daily,guides.harbor.example' })).to.deep.equal(['Coves', 'Ferry strike']);
    expect(await shown({ kinds: 'event' })).to.deep.equal(['Lantern walk']);
    expect(await shown({ categories: 'Food,Events', kinds: 'article' })).to.deep.equal(['Oysters']);
    expect(await shown({ categories: '' })).to.have.length(4);
  });

  it('drops cards linking outside allow-hosts', async () => {
    const url = await serveFeed(
      jsonFeed([
        item({ title: 'On the network', url: 'https://blog.harbor.example/on/' }),
        item({ title: 'Home site', url: 'https://harbor.example/home/' }),
        item({ title: 'Off the network', url: 'https://elsewhere.example/off/' }),
        item({ title: 'Look-alike', url: 'https://evilharbor.example/x/' }),
      ]),
    );
    const { element } = await renderWidget(url, { 'allow-hosts': 'harbor.example *.harbor.example' });
    expect(shownTitles(element).sort()).to.deep.equal(['Home site', 'On the network']);
  });
});
