import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { item, jsonFeed, requests, serveFeed, type RawItem, type Requests } from './support/feeds.js';
import { cards, renderWidget, settled, shadow, titles, watchEachTest, type Outcome } from './support/widget.js';
import { MAX_CACHED_CHARS } from '../src/feed/feed-cache.js';
import { MAX_FEED_CHARS } from '../src/feed/fetch.js';
import type { TrendingRecs } from '../src/trending-recs.js';

// What a reader sees when the network or the storage misbehaves: failed and slow
// requests, widgets that share one, the copy this visit cached, and runaway feeds.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A feed of one item per title. */
const feedOf = (...names: string[]) => jsonFeed(names.map((title) => item({ title })));

const cacheKey = (url: string) => `trending-recs ${url}`;
/** Writes a cache entry as the widget does: "<saved at, epoch ms> <body>". */
const writeCache = (url: string, savedAt: number, body: unknown) =>
  sessionStorage.setItem(cacheKey(url), `${savedAt} ${typeof body === 'string' ? body : JSON.stringify(body)}`);

/** Puts widgets for `src` side by side (all in view, so they start together); does not wait. */
async function place(src: string, count = 1, attributes: Record<string, string> = {}) {
  const row = await fixture<HTMLElement>(html`<div style="display: flex"></div>`);
  const widgets = Array.from({ length: count }, () => {
    const widget = document.createElement('trending-recs') as TrendingRecs;
    for (const [name, value] of Object.entries({ src, ...attributes })) widget.setAttribute(name, value);
    return widget;
  });
  const outcomes = widgets.map(settled);
  row.append(...widgets);
  return { widgets, outcomes };
}

/** The load events a widget fires from now on. */
function loadsOf(element: Element) {
  const loads: CustomEvent[] = [];
  element.addEventListener('trending-recs-load', (event) => loads.push(event as CustomEvent));
  return loads;
}

/** Waits until the test server has seen what `expected` says (the machine may be slow). */
const serverSees = (url: string, expected: (seen: Requests) => boolean, message: string) =>
  waitUntil(async () => expected(await requests(url)), message, { timeout: 5000 });

const isSkeleton = (element: Element) =>
  shadow(element).querySelector('[aria-busy="true"]') !== null && shadow(element).querySelector('.skeleton') !== null;
const collapsed = (element: Element) => element.getBoundingClientRect().height === 0;
const itemTitles = (outcome: Outcome) => (outcome.detail.items as { title: string }[]).map((shown) => shown.title);

describe('<trending-recs> when things go wrong', () => {
  const { warnings, errorEvents } = watchEachTest();
  afterEach(() => {
    fixtureCleanup();
    sessionStorage.clear();
  });

  describe('retries', () => {
    it('tries again after a 503 and shows the feed', async () => {
      const url = await serveFeed(feedOf('After a 503'), { sequence: [{ status: 503 }, {}] });
      const { element, outcome } = await renderWidget(url);
      expect(outcome.type).to.equal('load');
      expect(titles(element)).to.deep.equal(['After a 503']);
      expect((await requests(url)).hits).to.equal(2);
      expect(warnings).to.be.empty;
    });

    it('gives up after three tries of a failing server, says HTTP 500 and collapses', async () => {
      const url = await serveFeed(feedOf('Never shown'), { status: 500 });
      const { element, outcome } = await renderWidget(url);
      expect(outcome.type).to.equal('error');
      expect(outcome.detail.message).to.equal('HTTP 500');
      expect(outcome.detail.src).to.equal(url);
      expect((await requests(url)).hits).to.equal(3);
      expect(collapsed(element)).to.be.true;
      expect(warnings).to.have.length(1);
    });

    it('does not retry a 404', async () => {
      const url = await serveFeed(feedOf('Never shown'), { status: 404 });
      const { element, outcome } = await renderWidget(url);
      expect(outcome.type).to.equal('error');
      expect(outcome.detail.message).to.equal('HTTP 404');
      expect((await requests(url)).hits).to.equal(1);
      expect(collapsed(element)).to.be.true;
    });

    it('waits as long as Retry-After asks after a 429', async () => {
      const url = await serveFeed(feedOf('After a 429'), {
        sequence: [{ status: 429, headers: { 'retry-after': '1' } }, {}],
      });
      const { element, outcome } = await renderWidget(url);
      expect(outcome.type).to.equal('load');
      expect(titles(element)).to.deep.equal(['After a 429']);
      const { hits, times } = await requests(url);
      expect(hits).to.equal(2);
      expect(times[1]! - times[0]!, 'ms between the two requests').to.be.at.least(900);
    });

    it('caps a huge Retry-After, so the retry comes before the timeout', async function () {
      this.timeout(20_000);
      const url = await serveFeed(feedOf('After an hour-long Retry-After'), {
        sequence: [{ status: 503, headers: { 'retry-after': '3600' } }, {}],
      });
      const { element, outcome } = await renderWidget(url, { timeout: '7000' });
      expect(outcome.type, outcome.detail.message).to.equal('load');
      expect(titles(element)).to.deep.equal(['After an hour-long Retry-After']);
      const { hits, times } = await requests(url);
      expect(hits).to.equal(2);
      // It did wait: the cap is a cap, not a reason to skip the pause.
      expect(times[1]! - times[0]!).to.be.at.least(4900);
    });

    it('counts the waits between tries in the timeout', async () => {
      const url = await serveFeed(feedOf('Too late'), { sequence: [{ status: 503, headers: { 'retry-after': '3' } }, {}] });
      const { element, outcome } = await renderWidget(url, { timeout: '1500' });
      expect(outcome.type).to.equal('error');
      expect(outcome.detail.message).to.equal('timed out after 1500 ms');
      expect((await requests(url)).hits).to.equal(1);
      expect(collapsed(element)).to.be.true;
    });

    it('tries again after a dropped connection and shows the feed', async () => {
      const url = await serveFeed(feedOf('After a dropped connection'), { sequence: [{ drop: true }, {}] });
      const { element, outcome } = await renderWidget(url);
      expect(outcome.type).to.equal('load');
      expect(titles(element)).to.deep.equal(['After a dropped connection']);
      const { hits, times } = await requests(url);
      expect(hits).to.equal(2);
      // Its own retry, after the backoff, and not the browser resending the request.
      expect(times[1]! - times[0]!, 'ms between the two requests').to.be.at.least(200);
      expect(warnings).to.be.empty;
    });
  });

  describe('widgets sharing a feed', () => {
    it('makes one request for three widgets with the same src, and all show the cards', async () => {
      const url = await serveFeed(feedOf('Shared one', 'Shared two'), { delay: 500 });
      const { widgets, outcomes } = await place(url, 3);
      expect((await Promise.all(outcomes)).map((outcome) => outcome.type)).to.deep.equal(['load', 'load', 'load']);
      for (const widget of widgets) expect(titles(widget)).to.have.members(['Shared one', 'Shared two']);
      expect((await requests(url)).hits).to.equal(1);
    });

    it('keeps the shared request going for a widget that stays when another is removed', async () => {
      const url = await serveFeed(feedOf('Still shared'), { delay: 1500 });
      const { widgets, outcomes } = await place(url, 2);
      await serverSees(url, (seen) => seen.hits === 1, 'the widgets never fetched');
      widgets[0]!.remove();
      const outcome = await outcomes[1]!;
      expect(outcome.type, outcome.detail.message).to.equal('load');
      expect(titles(widgets[1]!)).to.deep.equal(['Still shared']);
      expect(await requests(url)).to.include({ hits: 1, cancelled: 0 });
      expect(errorEvents).to.be.empty;
    });

    it('cancels the shared request, quietly, when every widget is removed', async () => {
      const url = await serveFeed(feedOf('Nobody left'), { delay: 1500 });
      const { widgets } = await place(url, 2);
      await serverSees(url, (seen) => seen.hits === 1, 'the widgets never fetched');
      for (const widget of widgets) widget.remove();
      await serverSees(url, (seen) => seen.cancelled === 1, 'the server never saw the request cancelled');
      await sleep(500);
      expect(errorEvents).to.be.empty;
      expect(warnings).to.be.empty;
      expect((await requests(url)).hits).to.equal(1);
    });
  });

  describe("this visit's cache (stale-while-revalidate)", () => {
    it('shows the cached feed at once on the next widget, then the fresh one', async () => {
      const fresh = feedOf('Fresh one', 'Fresh two');
      const url = await serveFeed(feedOf('Cached one', 'Cached two'), { later: { body: fresh, delay: 1500 } });
      expect((await renderWidget(url)).outcome.type).to.equal('load');
      fixtureCleanup();

      const { widgets, outcomes } = await place(url);
      const element = widgets[0]!;
      const loads = loadsOf(element);
      await serverSees(url, (seen) => seen.hits === 2, 'the second widget never fetched');
      await element.updateComplete;
      // The server holds its answer for 1.5 s: these cards can only come from the cache.
      expect(titles(element)).to.have.members(['Cached one', 'Cached two']);
      expect(loads, 'no load event for the cached cards').to.be.empty;

      const outcome = await outcomes[0]!;
      expect(outcome.type).to.equal('load');
      await element.updateComplete;
      expect(titles(element)).to.have.members(['Fresh one', 'Fresh two']);
      expect(itemTitles(outcome)).to.have.members(['Fresh one', 'Fresh two']);
      expect(loads).to.have.length(1);
      // The fresh feed is what the next page gets.
      const entry = sessionStorage.getItem(cacheKey(url))!;
      expect(entry.slice(entry.indexOf(' ') + 1)).to.equal(JSON.stringify(fresh));
    });

    it('with cache-ttl="0", shows the skeleton until the fresh feed arrives', async () => {
      const url = await serveFeed(feedOf('Cached'), { later: { body: feedOf('Fresh'), delay: 1500 } });
      expect((await renderWidget(url)).outcome.type).to.equal('load');
      fixtureCleanup();
      expect(sessionStorage.getItem(cacheKey(url)), 'a copy to ignore').to.be.a('string');

      const { widgets, outcomes } = await place(url, 1, { 'cache-ttl': '0' });
      const element = widgets[0]!;
      await serverSees(url, (seen) => seen.hits === 2, 'the second widget never fetched');
      await element.updateComplete;
      expect(titles(element)).to.be.empty;
      expect(isSkeleton(element)).to.be.true;

      expect((await outcomes[0]!).type).to.equal('load');
      await element.updateComplete;
      expect(titles(element)).to.deep.equal(['Fresh']);
    });

    it('does not show a copy cached longer ago than cache-ttl', async () => {
      const recent = await serveFeed(feedOf('Fresh recent'), { delay: 1500 });
      const old = await serveFeed(feedOf('Fresh old'), { delay: 1500 });
      writeCache(recent, Date.now() - 59_000, feedOf('Cached 59 s ago'));
      writeCache(old, Date.now() - 61_000, feedOf('Cached 61 s ago'));

      const row = await fixture<HTMLElement>(html`<div style="display: flex">
        <trending-recs src=${recent} cache-ttl="60"></trending-recs>
        <trending-recs src=${old} cache-ttl="60"></trending-recs>
      </div>`);
      const [withRecent, withOld] = [...row.querySelectorAll<TrendingRecs>('trending-recs')] as [TrendingRecs, TrendingRecs];
      const outcomes = [settled(withRecent), settled(withOld)];
      await serverSees(recent, (seen) => seen.hits === 1, 'never fetched the recent feed');
      await serverSees(old, (seen) => seen.hits === 1, 'never fetched the old feed');
      await Promise.all([withRecent.updateComplete, withOld.updateComplete]);
      expect(titles(withRecent), 'within the TTL').to.deep.equal(['Cached 59 s ago']);
      expect(titles(withOld), 'past the TTL').to.be.empty;
      expect(isSkeleton(withOld)).to.be.true;

      expect((await Promise.all(outcomes)).map((outcome) => outcome.type)).to.deep.equal(['load', 'load']);
      expect(titles(withRecent)).to.deep.equal(['Fresh recent']);
      expect(titles(withOld)).to.deep.equal(['Fresh old']);
    });

    it('keeps the cached cards when the server then fails, with a load event and no error', async () => {
      const url = await serveFeed(feedOf('Cached one', 'Cached two'), { later: { status: 500 } });
      expect((await renderWidget(url)).outcome.type).to.equal('load');
      fixtureCleanup();

      const { element, outcome } = await renderWidget(url);
      expect(outcome.type).to.equal('load');
      expect(itemTitles(outcome)).to.have.members(['Cached one', 'Cached two']);
      expect(titles(element)).to.have.members(['Cached one', 'Cached two']);
      expect((await requests(url)).hits, 'the first load and three tries').to.equal(4);
      expect(errorEvents).to.be.empty;
    });

    it('keeps the cached cards when the network then drops, with a load event and no error', async () => {
      const url = await serveFeed(feedOf('Cached offline'), { sequence: [{}, { drop: true }] });
      expect((await renderWidget(url)).outcome.type).to.equal('load');
      fixtureCleanup();

      const { element, outcome } = await renderWidget(url);
      expect(outcome.type).to.equal('load');
      expect(titles(element)).to.deep.equal(['Cached offline']);
      expect((await requests(url)).hits, 'the first load, three tries and one for an HTTP-cached copy').to.equal(5);
      expect(errorEvents).to.be.empty;
    });

    it('drops a corrupt cached copy and loads from the network', async () => {
      const fresh = feedOf('From the network');
      const url = await serveFeed(fresh);
      writeCache(url, Date.now(), '{not json');
      const { element, outcome } = await renderWidget(url);
      expect(outcome.type).to.equal('load');
      expect(titles(element)).to.deep.equal(['From the network']);
      const entry = sessionStorage.getItem(cacheKey(url))!;
      expect(entry.slice(entry.indexOf(' ') + 1)).to.equal(JSON.stringify(fresh));
    });

    it('drops a corrupt cached copy even when the network fails too', async () => {
      const url = await serveFeed(feedOf('Never shown'), { status: 404 });
      writeCache(url, Date.now(), '{"items": "not a list"}');
      const { element, outcome } = await renderWidget(url);
      expect(outcome.type).to.equal('error');
      expect(outcome.detail.message).to.equal('HTTP 404');
      expect(collapsed(element)).to.be.true;
      expect(sessionStorage.getItem(cacheKey(url))).to.be.null;
    });

    it('loads when every storage call throws', async () => {
      const url = await serveFeed(feedOf('Without storage'));
      const original = { ...Object.getOwnPropertyDescriptors(Storage.prototype) };
      const refuse = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
      for (const name of ['getItem', 'setItem', 'removeItem'] as const) Storage.prototype[name] = refuse;
      try {
        const { element, outcome } = await renderWidget(url);
        expect(outcome.type).to.equal('load');
        expect(titles(element)).to.deep.equal(['Without storage']);
        // A second widget, after the first tried to cache, still goes to the network.
        fixtureCleanup();
        const second = await renderWidget(url);
        expect(second.outcome.type).to.equal('load');
        expect(titles(second.element)).to.deep.equal(['Without storage']);
      } finally {
        for (const name of ['getItem', 'setItem', 'removeItem'] as const) {
          Object.defineProperty(Storage.prototype, name, original[name]!);
        }
      }
      expect((await requests(url)).hits).to.equal(2);
      expect(errorEvents).to.be.empty;
      expect(warnings).to.be.empty;
    });

    it('leaves no stale copy behind when the fresh feed is over the storage quota', async () => {
      const url = await serveFeed(feedOf('Fresh but too big to keep'));
      writeCache(url, Date.now() - 1000, feedOf('Cached earlier'));
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      try {
        const { element, outcome } = await renderWidget(url);
        expect(outcome.type).to.equal('load');
        expect(titles(element)).to.deep.equal(['Fresh but too big to keep']);
      } finally {
        Storage.prototype.setItem = setItem;
      }
      expect(sessionStorage.getItem(cacheKey(url)), 'the earlier copy').to.be.null;
      expect(errorEvents).to.be.empty;
      expect(warnings).to.be.empty;
    });

    it('keeps the part of a long feed it read, within what the page\'s storage can spare', async () => {
      const kept = ['Kept 1', 'Kept 2'];
      const long = jsonFeed([...kept.map((title) => item({ title })), item({ title: 'Across the cut', content_html: 'x'.repeat(MAX_FEED_CHARS) })]);
      const url = await serveFeed(long);
      writeCache(url, Date.now() - 1000, feedOf('Cached earlier'));
      const { element, outcome } = await renderWidget(url);
      expect(outcome.type).to.equal('load');
      expect(titles(element)).to.have.members(kept);
      // The copy for the next page replaces the older one: the items read, not the whole body.
      const entry = sessionStorage.getItem(cacheKey(url))!;
      expect(entry.length).to.be.at.most(MAX_CACHED_CHARS + 20);
      const copy = JSON.parse(entry.slice(entry.indexOf(' ') + 1)) as { items: { title: string }[] };
      expect(copy.items.map((cached) => cached.title)).to.deep.equal(kept);
      expect(errorEvents).to.be.empty;
    });

    it('makes no request for a widget removed while it reads its cached copy', async () => {
      const url = await serveFeed(feedOf('Never asked for'));
      // Enough items that reading them pauses at least once.
      writeCache(url, Date.now(), jsonFeed(Array.from({ length: 600 }, () => item())));
      const scheduler = (globalThis as unknown as { scheduler: { yield: () => Promise<void> } }).scheduler;
      let element: Element | undefined;
      // The first pause while reading the copy: the reader leaves that part of the page then.
      scheduler.yield = function () {
        delete (scheduler as Partial<typeof scheduler>).yield;
        // Right after the widget's update that started the read, as a reader's scroll would.
        queueMicrotask(() => element?.remove());
        return scheduler.yield();
      };
      try {
        element = (await place(url)).widgets[0]!;
        await waitUntil(() => !element!.isConnected, 'the widget never read its cached copy', { timeout: 5000 });
      } finally {
        delete (scheduler as Partial<typeof scheduler>).yield;
      }
      await sleep(1000);
      expect((await requests(url)).hits).to.equal(0);
      expect(errorEvents).to.be.empty;
    });
  });

  describe('limits', () => {
    it(`reads a feed over ${MAX_FEED_CHARS / 1024} KB up to the last item before the limit, and warns once`, async () => {
      const before = ['Before the cut 1', 'Before the cut 2', 'Before the cut 3'];
      // The big item starts before the limit and ends after it; both it and the next
      // one would rank first if they were read.
      const body = JSON.stringify(
        jsonFeed([
          ...before.map((title) => item({ title })),
          item({ title: 'Across the cut', content_text: 'x'.repeat(MAX_FEED_CHARS) }, { score: 1000 }),
          item({ title: 'After the cut' }, { score: 1000 }),
        ]),
      );
      expect(body.indexOf('Across the cut')).to.be.below(MAX_FEED_CHARS);
      expect(body.length).to.be.above(MAX_FEED_CHARS);
      const url = await serveFeed(body);
      const { element, outcome } = await renderWidget(url);
      expect(outcome.type, outcome.detail.message).to.equal('load');
      expect(titles(element)).to.have.members(before);
      expect(itemTitles(outcome)).to.have.members(before);
      expect(warnings.filter((warning) => warning.includes('is over'))).to.have.length(1);
    });

    it(`fails a feed over ${MAX_FEED_CHARS / 1024} KB, rather than reading it whole, when no item end is found near the limit`, async () => {
      const before = ['Before the cut 1', 'Before the cut 2'];
      // Code samples, inline CSS or JSON in a content_html: braces inside a string.
      const body = JSON.stringify(
        jsonFeed([
          ...before.map((title) => item({ title })),
          item({ title: 'Across the cut', content_html: '<code>{}</code>'.repeat(MAX_FEED_CHARS / 15) }, { score: 1000 }),
          item({ title: 'After the cut' }, { score: 1000 }),
        ]),
      );
      expect(body.indexOf('Across the cut')).to.be.below(MAX_FEED_CHARS);
      expect(body.length).to.be.above(MAX_FEED_CHARS);
      const url = await serveFeed(body);
      const { element, outcome } = await renderWidget(url);
      // The last few '}' before the limit are inside a string: the widget gives up
      // instead of parsing the whole body in one go.
      expect(outcome.type).to.equal('error');
      expect(outcome.detail.message).to.equal(`over ${MAX_FEED_CHARS / 1024} KB`);
      expect(cards(element)).to.be.empty;
      expect(warnings.filter((warning) => warning.includes('is over'))).to.have.length(1);
    });

    it('reads the first 5,000 items of a longer feed and lists the rest as skipped', async () => {
      // Items as small as a feed can write them, so that 5,100 fit within MAX_FEED_CHARS.
      const items: RawItem[] = Array.from({ length: 5100 }, (_, index) => ({ id: `s${index}`, url: `https://x.example/${index}`, title: `Small item ${index}` }));
      expect(JSON.stringify(jsonFeed(items)).length).to.be.below(MAX_FEED_CHARS);
      const url = await serveFeed(jsonFeed(items));
      const { element, outcome } = await renderWidget(url);
      expect(outcome.type, outcome.detail.message).to.equal('load');
      const read = new Set(items.slice(0, 5000).map((raw) => raw['title']));
      expect(titles(element)).to.not.be.empty;
      for (const title of titles(element)) expect(read.has(title), title).to.be.true;
      const skipped = outcome.detail.skipped as { index: number; id?: string; reason: string }[];
      expect(skipped.map((entry) => entry.index)).to.deep.equal(Array.from({ length: 100 }, (_, n) => 5000 + n));
      for (const entry of skipped) expect(entry.reason).to.equal('beyond the first 5000 items');
      expect(skipped[0]!.id).to.equal(items[5000]!['id']);
    });
  });
});
