import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TrendingRecsCardDetail } from '../src/events.js';
import { item, jsonFeed, serveFeed } from './support/feeds.js';
import { cards, renderWidget, settled, watchEachTest } from './support/widget.js';
import type { TrendingRecs } from '../src/trending-recs.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every event of `type` the element fires from now on: item id and position. */
function record(element: Element, type: 'trending-recs-impression' | 'trending-recs-click') {
  const seen: { id: string; position: number }[] = [];
  element.addEventListener(type, (event) => {
    const { item, position } = (event as CustomEvent<TrendingRecsCardDetail>).detail;
    seen.push({ id: item.id, position });
  });
  return seen;
}

/** Makes the page hidden or visible again, as switching tabs does. */
function setVisibility(state: 'hidden' | 'visible') {
  if (state === 'visible') delete (document as { visibilityState?: string }).visibilityState;
  else Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Clicks a card with `init`; the click reaches the page but the test page does not navigate. */
function clickCard(card: HTMLAnchorElement, init: MouseEventInit = {}) {
  const stay = (event: Event) => event.preventDefault();
  document.addEventListener('click', stay);
  try {
    card.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ...init }));
  } finally {
    document.removeEventListener('click', stay);
  }
}

async function collectorUrl() {
  return ((await (await fetch('/test-collector')).json()) as { url: string }).url;
}

async function storedCounts(feed: string) {
  return (await (await fetch(`/test-collector/stats?feed=${encodeURIComponent(feed)}`)).json()) as { item: string; impressions: number; clicks: number }[];
}

/**
 * A block of `items` that beacons to the test collector: the element, the feed's
 * absolute URL (what the collector files counts under) and its impression events.
 */
async function renderMeasured(items: Parameters<typeof jsonFeed>[0], attributes: Record<string, string> = {}) {
  const url = await serveFeed(jsonFeed(items));
  const { element } = await renderWidget(url, { beacon: await collectorUrl(), ...attributes });
  return { element, feed: new URL(url, location.href).href, impressions: record(element, 'trending-recs-impression') };
}

describe('measurement', () => {
  watchEachTest();
  afterEach(() => setVisibility('visible'));

  describe('viewable impressions', () => {
    it('fires none before a card has been in view for a second, then one per card, once', async () => {
      const items = [item({ title: 'A' }, { score: 90 }), item({ title: 'B' }, { score: 10 })];
      const { element } = await renderWidget(await serveFeed(jsonFeed(items)));
      const impressions = record(element, 'trending-recs-impression');
      await sleep(600);
      expect(impressions, 'after 0.6 s').to.deep.equal([]);
      await waitUntil(() => impressions.length === 2, 'two impressions', { timeout: 3000 });
      const byPosition = [...impressions].sort((a, b) => a.position - b.position);
      expect(byPosition).to.deep.equal([
        { id: (items[0]!.id as string), position: 0 },
        { id: (items[1]!.id as string), position: 1 },
      ]);
      await sleep(1500);
      expect(impressions, 'once per card').to.have.length(2);
    });

    it('counts no time while the page is hidden', async () => {
      const url = await serveFeed(jsonFeed([item(), item()]));
      const element = document.createElement('trending-recs') as TrendingRecs;
      element.src = url;
      const impressions = record(element, 'trending-recs-impression');
      const loaded = settled(element);
      await fixture(html`<div>${element}</div>`);
      await loaded;
      setVisibility('hidden');
      await sleep(1600);
      expect(impressions, 'while hidden').to.deep.equal([]);
      setVisibility('visible');
      await waitUntil(() => impressions.length === 2, 'two impressions once visible', { timeout: 3000 });
    });

    it('starts the clock again when a card shows another item (Lit reuses its link)', async () => {
      const [first, second] = [item({ title: 'Shown first' }), item({ title: 'Shown next' })];
      const { element } = await renderWidget(await serveFeed(jsonFeed([first])), { limit: '1' });
      const seen: { id: string; at: number }[] = [];
      element.addEventListener('trending-recs-impression', (event) => seen.push({ id: (event as CustomEvent<TrendingRecsCardDetail>).detail.item.id, at: performance.now() }));
      // The first item's clock has run for a while, but not a second.
      await sleep(500);
      const next = await serveFeed(jsonFeed([second]));
      const loaded = settled(element);
      (element as TrendingRecs).src = next;
      await loaded;
      await element.updateComplete;
      const swapped = performance.now();
      expect(cards(element)[0]!.href).to.equal(second.url);
      await waitUntil(() => seen.length > 0, 'an impression', { timeout: 3000 });
      await sleep(300);
      expect(seen.map((entry) => entry.id)).to.deep.equal([second.id]);
      expect(seen[0]!.at - swapped, 'a full second of the new item').to.be.at.least(990);
    });

    it('fires none for a card less than half in view, until it is scrolled into view', async () => {
      const url = await serveFeed(jsonFeed([item()]));
      const element = document.createElement('trending-recs') as TrendingRecs;
      element.src = url;
      element.limit = 1;
      const impressions = record(element, 'trending-recs-impression');
      const loaded = settled(element);
      // Only the block's top 40 px are in view: its heading, not half of the card.
      await fixture(html`<div><div style="height: ${innerHeight - 40}px"></div>${element}<div style="height: 2000px"></div></div>`);
      await loaded;
      await sleep(1600);
      expect(impressions, 'mostly below the fold').to.deep.equal([]);
      cards(element)[0]!.scrollIntoView();
      await waitUntil(() => impressions.length === 1, 'one impression once in view', { timeout: 3000 });
      scrollTo(0, 0);
    });
  });

  describe('clicks', () => {
    it('fires trending-recs-click for a click, a middle click, a click with Ctrl, Cmd or Shift, and Enter', async () => {
      const items = [item({ title: 'First' }, { score: 90 }), item({ title: 'Second' }, { score: 10 })];
      const { element } = await renderWidget(await serveFeed(jsonFeed(items)));
      const clicks = record(element, 'trending-recs-click');
      const [first, second] = cards(element) as [HTMLAnchorElement, HTMLAnchorElement];
      clickCard(first);
      clickCard(second, { ctrlKey: true });
      clickCard(second, { metaKey: true });
      clickCard(first, { shiftKey: true });
      second.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, composed: true, button: 1 }));
      // A right click only opens a menu.
      second.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, composed: true, button: 2 }));
      const stay = (event: Event) => event.preventDefault();
      document.addEventListener('click', stay);
      try {
        first.focus();
        await sendKeys({ press: 'Enter' });
      } finally {
        document.removeEventListener('click', stay);
      }
      expect(clicks.map((seen) => seen.position)).to.deep.equal([0, 1, 1, 0, 1, 0]);
      expect(clicks.map((seen) => seen.id)).to.deep.equal([0, 1, 1, 0, 1, 0].map((position) => items[position]!.id as string));
      expect(first.href, 'the link stays the clean article URL').to.equal(items[0]!.url);
    });
  });

  describe('beacons', () => {
    it('sends the impressions and clicks to a real collector when the page is hidden', async () => {
      const items = [item({ title: 'Seen and clicked' }, { score: 90 }), item({ title: 'Seen' }, { score: 10 })];
      const { element, feed, impressions } = await renderMeasured(items);
      await waitUntil(() => impressions.length === 2, 'two impressions', { timeout: 3000 });
      clickCard(cards(element)[0]!);
      setVisibility('hidden');
      await waitUntil(async () => (await storedCounts(feed)).length === 2, 'counts stored by the collector', { timeout: 6000, interval: 250 });
      const stored = await storedCounts(feed);
      const byId = Object.fromEntries(stored.map((row) => [row.item, { impressions: row.impressions, clicks: row.clicks }]));
      expect(byId).to.deep.equal({ [(items[0]!.id as string)]: { impressions: 1, clicks: 1 }, [(items[1]!.id as string)]: { impressions: 1, clicks: 0 } });
    });

    it('sends a beacon as soon as 20 events are queued, while the page stays visible', async () => {
      const { element, feed, impressions } = await renderMeasured(Array.from({ length: 10 }, () => item()), { limit: '10' });
      // The cards in view become viewable together; then no more come.
      await waitUntil(() => impressions.length > 0, 'impressions', { timeout: 3000 });
      await sleep(1200);
      const seen = impressions.length;
      // Clicks make up the 20th event; clicking a card twice queues two events (the collector counts one).
      const shown = cards(element);
      const clicks = 20 - seen;
      for (let i = 0; i < clicks; i++) clickCard(shown[i % shown.length]!);
      const distinctClicked = Math.min(clicks, shown.length);
      await waitUntil(
        async () => {
          const rows = await storedCounts(feed);
          return rows.reduce((sum, row) => sum + row.clicks, 0) === distinctClicked && rows.reduce((sum, row) => sum + row.impressions, 0) === seen;
        },
        `${seen} impressions and ${distinctClicked} clicks stored`,
        { timeout: 6000, interval: 250 },
      );
    });

    it('sends nothing when the reader opted out with Global Privacy Control; the events still fire', async () => {
      Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
      try {
        const { element, feed, impressions } = await renderMeasured([item()]);
        await waitUntil(() => impressions.length === 1, 'the impression event', { timeout: 3000 });
        clickCard(cards(element)[0]!);
        setVisibility('hidden');
        // Past the collector's flush interval (1 s) twice over.
        await sleep(2500);
        expect(await storedCounts(feed)).to.deep.equal([]);
      } finally {
        delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
      }
    });
  });
});
