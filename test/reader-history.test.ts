import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { HOUR, iso, item, jsonFeed, serveFeed } from './support/feeds.js';
import { expectQuietTests, cards, part, renderWidget, titles } from './support/widget.js';
import { parseFeed } from '../src/feed/parse.js';
import { rotation } from '../src/rank/boosts.js';
import { rankItems } from '../src/rank/rank.js';
import { MAX_CLICKED } from '../src/page/reader-history.js';
import type { TrendingRecs } from '../src/trending-recs.js';

const CLICKED_KEY = 'trending-recs clicked';
const VIEWS_KEY = 'trending-recs views';

const stored = () => JSON.parse(localStorage.getItem(CLICKED_KEY) ?? 'null') as unknown;

/** One date for every item, so only scores and boosts tell them apart. */
const published = iso(Date.now() - 2 * HOUR);
const story = (title: string, score = 10) => item({ title, date_published: published }, { score });

const cardTitled = (element: Element, title: string) => cards(element).find((card) => part(card, 'title') === title)!;

/**
 * Clicks a card as a reader would, without letting this test page navigate away.
 * Returns whether the click reached the page with its navigation still allowed.
 */
function click(card: HTMLAnchorElement): boolean {
  let reachedPage = false;
  const stay = (event: Event) => {
    reachedPage = !event.defaultPrevented;
    event.preventDefault();
  };
  document.addEventListener('click', stay);
  try {
    card.click();
  } finally {
    document.removeEventListener('click', stay);
  }
  return reachedPage;
}

/** Equal items: unrotated, they keep the feed's order; any rotation reorders them. */
const equalItems = () => Array.from({ length: 8 }, (_, i) => story(`Harbour story ${'ABCDEFGH'[i]}`));

/**
 * The titles rankItems orders for `seed`: the order a widget should show on a page
 * without context, for a reader without clicks.
 */
function rankedTitles(feed: unknown, url: string, seed: number): string[] {
  const { items } = parseFeed(feed, url);
  return rankItems(items, { now: Date.now(), limit: 12, boosts: [rotation(seed)] }).map((shown) => shown.title);
}

/** The first seed, from 1, for which rotation reorders `feed`; found with the pure ranking. */
function aSeedThatReorders(feed: unknown, url: string): number {
  const unrotated = rankedTitles(feed, url, 0).join('\n');
  for (let seed = 1; seed < 100; seed++) if (rankedTitles(feed, url, seed).join('\n') !== unrotated) return seed;
  throw new Error('no seed reorders this feed');
}

describe('what the reader did before', () => {
  expectQuietTests();
  afterEach(() => localStorage.removeItem(CLICKED_KEY));

  describe('clicks', () => {
    it("stores a clicked card's id, and a clicked-again id moves to the end", async () => {
      const [first, second] = [story('Quiet harbour mornings'), story('Lighthouse tours reopen')];
      const { element } = await renderWidget(await serveFeed(jsonFeed([first, second])));
      expect(stored()).to.be.null;

      expect(click(cardTitled(element, 'Lighthouse tours reopen')), 'the link still works').to.be.true;
      expect(stored()).to.deep.equal([second!.id]);
      click(cardTitled(element, 'Quiet harbour mornings'));
      expect(stored()).to.deep.equal([second!.id, first!.id]);
      click(cardTitled(element, 'Lighthouse tours reopen'));
      expect(stored()).to.deep.equal([first!.id, second!.id]);
    });

    it('puts a clicked item below an equal unclicked one in the next widget', async () => {
      const url = await serveFeed(jsonFeed([story('Quiet harbour mornings'), story('Lighthouse tours reopen')]));
      const { element } = await renderWidget(url);
      expect(titles(element)).to.deep.equal(['Quiet harbour mornings', 'Lighthouse tours reopen']);
      click(cardTitled(element, 'Quiet harbour mornings'));
      fixtureCleanup();

      const { element: next } = await renderWidget(url);
      expect(titles(next)).to.deep.equal(['Lighthouse tours reopen', 'Quiet harbour mornings']);
    });

    it(`keeps only the newest ${MAX_CLICKED} ids`, async () => {
      const earlier = Array.from({ length: MAX_CLICKED }, (_, i) => `earlier-${i}`);
      localStorage.setItem(CLICKED_KEY, JSON.stringify(earlier));
      const clicked = story('Lighthouse tours reopen');
      const { element } = await renderWidget(await serveFeed(jsonFeed([clicked])));
      click(cards(element)[0]!);
      expect(stored()).to.deep.equal([...earlier.slice(1), clicked.id]);
    });

    describe('when localStorage fails', () => {
      const original = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
      const { getItem, setItem } = Storage.prototype;
      afterEach(() => {
        Object.defineProperty(window, 'localStorage', original);
        Object.assign(Storage.prototype, { getItem, setItem });
      });

      const failures: [string, () => void][] = [
        [
          'is disabled (every access throws)',
          () =>
            Object.defineProperty(window, 'localStorage', {
              configurable: true,
              get: () => {
                throw new DOMException('Access is denied for this document.', 'SecurityError');
              },
            }),
        ],
        [
          'is full and holds garbage',
          () =>
            Object.assign(Storage.prototype, {
              getItem: () => '{"not": "a list"',
              setItem: () => {
                throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
              },
            }),
        ],
      ];
      for (const [name, breakStorage] of failures) {
        it(`renders and follows clicks when it ${name}`, async () => {
          breakStorage();
          const url = await serveFeed(jsonFeed([story('Quiet harbour mornings'), story('Lighthouse tours reopen')]));
          const { element, outcome } = await renderWidget(url);
          expect(outcome.type).to.equal('load');
          expect(titles(element)).to.deep.equal(['Quiet harbour mornings', 'Lighthouse tours reopen']);
          expect(click(cardTitled(element, 'Quiet harbour mornings')), 'the link still works').to.be.true;
          fixtureCleanup();

          const { element: next, outcome: nextOutcome } = await renderWidget(url);
          expect(nextOutcome.type).to.equal('load');
          // Nothing could be remembered, so nothing is demoted.
          expect(titles(next)).to.deep.equal(['Quiet harbour mornings', 'Lighthouse tours reopen']);
        });
      }
    });
  });

  describe('rotation', () => {
    it('shows the ranked order, unrotated, with seed 0', async () => {
      const items = [...equalItems(), story('Clearly ahead', 30)];
      const { element } = await renderWidget(await serveFeed(jsonFeed(items)), { seed: '0' });
      // By construction: the best item first, then the equal ones in the feed's order.
      expect(titles(element)).to.deep.equal(['Clearly ahead', ...items.slice(0, -1).map((story) => story.title)]);
    });

    it('reorders near-equal items by the seed, the same way on every render', async () => {
      const feed = jsonFeed([...equalItems(), story('Clearly ahead', 30)]);
      const url = await serveFeed(feed);
      const seed = aSeedThatReorders(feed, url);
      const expected = rankedTitles(feed, url, seed);
      expect(expected[0], 'rotation only trades near-equal items').to.equal('Clearly ahead');

      const first = titles((await renderWidget(url, { seed: String(seed) })).element);
      fixtureCleanup();
      const { element } = await renderWidget(url, { seed: String(seed) });
      expect(first).to.deep.equal(expected);
      expect(titles(element)).to.deep.equal(expected);

      // The property works too, without a new request: back to the ranked order.
      (element as TrendingRecs).seed = 0;
      await element.updateComplete;
      expect(titles(element)).to.deep.equal(rankedTitles(feed, url, 0));
    });

    it('lets near-equal cards with sequential ids trade places on the next pages of a visit', async () => {
      // CMS feeds number their items, so ids often differ only in their last characters.
      // Each score is within ROTATION_JITTER of every other, two per cent from the next.
      const items = Array.from({ length: 6 }, (_, i) =>
        item({ id: `post-${1001 + i}`, title: `Harbour story ${'ABCDEF'[i]}`, date_published: published }, { score: 10 - i / 5 }),
      );
      const { element } = await renderWidget(await serveFeed(jsonFeed(items)), { seed: '0' });
      const firstPage = titles(element);
      expect(firstPage).to.deep.equal(items.map((story) => story.title));
      const laterPages: string[][] = [];
      for (const seed of [1, 2, 3, 4, 5]) {
        (element as TrendingRecs).seed = seed;
        await element.updateComplete;
        laterPages.push(titles(element) as string[]);
      }
      expect(laterPages.filter((shown) => shown.join() !== firstPage.join()), 'pages 2 to 6 that reorder the cards').not.to.be.empty;
    });

    describe('by default', () => {
      let views: string | null;
      let sessionKeys: string[];
      beforeEach(() => {
        views = sessionStorage.getItem(VIEWS_KEY);
        sessionKeys = Object.keys(sessionStorage);
      });
      afterEach(() => {
        // The frames' page views and feed caches are theirs, not this page's.
        for (const key of Object.keys(sessionStorage)) if (!sessionKeys.includes(key)) sessionStorage.removeItem(key);
        if (views === null) sessionStorage.removeItem(VIEWS_KEY);
        else sessionStorage.setItem(VIEWS_KEY, views);
      });

      /**
       * Opens another page of this visit (a same-origin frame, which shares this tab's
       * sessionStorage) with two widgets for `url` and no seed, and reads what it shows.
       */
      async function anotherPage(url: string) {
        const frame = document.createElement('iframe');
        frame.width = '800';
        frame.height = '600';
        // Side by side, so both are in view and start at once.
        frame.srcdoc = `<!doctype html>
          <div style="display: grid; grid-template-columns: 1fr 1fr">
            <trending-recs src="${url}"></trending-recs>
            <trending-recs src="${url}"></trending-recs>
          </div>
          <script type="module">
            import '/src/define.ts';
            import { earlierPagesInSession } from '/src/page/reader-history.ts';
            const widgets = [...document.querySelectorAll('trending-recs')];
            const shown = (widget) => new Promise((resolve, reject) => {
              widget.addEventListener('trending-recs-load', resolve, { once: true });
              widget.addEventListener('trending-recs-error', (event) => reject(new Error(event.detail.message)), { once: true });
            });
            Promise.all(widgets.map(shown)).then(
              () => parent.postMessage({
                earlierPages: earlierPagesInSession(),
                titles: widgets.map((widget) => [...widget.shadowRoot.querySelectorAll('[part~="title"]')].map((title) => title.textContent.trim())),
              }, self.origin),
              (error) => parent.postMessage({ error: error.message }, self.origin),
            );
          </script>`;
        const report = new Promise<{ earlierPages: number; titles: string[][]; error?: string }>((resolve) => {
          const onMessage = (event: MessageEvent) => {
            if (event.source !== frame.contentWindow) return;
            window.removeEventListener('message', onMessage);
            resolve(event.data);
          };
          window.addEventListener('message', onMessage);
        });
        await fixture(html`<div>${frame}</div>`);
        const result = await report;
        fixtureCleanup();
        expect(result.error).to.be.undefined;
        return result;
      }

      it('counts each page of the visit once and rotates by that count, the same for every widget on a page', async () => {
        const feed = jsonFeed(equalItems());
        const url = await serveFeed(feed);
        const unrotated = rankedTitles(feed, url, 0);

        // This page is the first of the visit: the support module started it afresh. Read
        // from storage: with the production bundle, the element has a module of its own.
        expect(titles((await renderWidget(url)).element)).to.deep.equal(unrotated);
        expect(titles((await renderWidget(url)).element)).to.deep.equal(unrotated);
        expect(sessionStorage.getItem('trending-recs views'), 'counted once per page').to.equal('1');
        // The frames must be in view to start their widgets.
        fixtureCleanup();

        const second = await anotherPage(url);
        const third = await anotherPage(url);
        expect([second.earlierPages, third.earlierPages]).to.deep.equal([1, 2]);
        for (const view of [second, third]) {
          const expected = rankedTitles(feed, url, view.earlierPages);
          expect(expected, 'a feed this seed reorders').not.to.deep.equal(unrotated);
          expect(view.titles).to.deep.equal([expected, expected]);
        }
      });
    });
  });
});
