import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { hits, item, jsonFeed, serveFeed } from './support/feeds.js';
import { settled, titles, watchEachTest } from './support/widget.js';
import type { TrendingRecs } from '../src/trending-recs.js';

/** Records the signal of every fetch the page makes, by URL. */
function spyOnFetch() {
  const signals = new Map<string, AbortSignal>();
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.signal) signals.set(String(input), init.signal);
    return original(input, init);
  };
  return { signals, restore: () => (window.fetch = original) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<trending-recs> across removal and src changes', () => {
  const { warnings, errorEvents } = watchEachTest();
  let fetches: ReturnType<typeof spyOnFetch>;
  beforeEach(() => (fetches = spyOnFetch()));
  afterEach(() => fetches.restore());

  it('aborts the request when removed mid-fetch, quietly, and loads again when put back', async () => {
    const url = await serveFeed(jsonFeed([item({ title: 'Still here' })]), { delay: 600 });
    const wrapper = await fixture<HTMLElement>(html`<div><trending-recs src=${url}></trending-recs></div>`);
    const element = wrapper.querySelector<TrendingRecs>('trending-recs')!;
    await waitUntil(() => fetches.signals.has(url), 'the widget never fetched');

    element.remove();
    await element.updateComplete;
    expect(fetches.signals.get(url)!.aborted, 'request aborted on removal').to.be.true;
    await sleep(800);
    expect(errorEvents, 'an abort is not a failure').to.be.empty;
    expect(warnings).to.be.empty;

    const outcome = settled(element);
    wrapper.append(element);
    expect((await outcome).type).to.equal('load');
    await element.updateComplete;
    expect(titles(element)).to.deep.equal(['Still here']);
    expect(await hits(url)).to.equal(2);
  });

  it('does not fetch again when moved within the page', async () => {
    const url = await serveFeed(jsonFeed([item()]));
    const wrapper = await fixture<HTMLElement>(html`<div><p></p><trending-recs src=${url}></trending-recs></div>`);
    const element = wrapper.querySelector<TrendingRecs>('trending-recs')!;
    await settled(element);
    wrapper.prepend(element);
    await element.updateComplete;
    await sleep(100);
    expect(await hits(url)).to.equal(1);
    expect(titles(element)).to.have.length(1);
  });

  it('cancels the old request when src changes, and shows only the new feed', async () => {
    const slow = await serveFeed(jsonFeed([item({ title: 'From the slow feed' })]), { delay: 600 });
    const quick = await serveFeed(jsonFeed([item({ title: 'From the quick feed' })]));
    const element = await fixture<TrendingRecs>(html`<trending-recs src=${slow}></trending-recs>`);
    await waitUntil(() => fetches.signals.has(slow), 'the widget never fetched');

    const loads: CustomEvent[] = [];
    element.addEventListener('trending-recs-load', (event) => loads.push(event as CustomEvent));
    element.src = quick;
    await oneEvent(element, 'trending-recs-load');
    expect(fetches.signals.get(slow)!.aborted).to.be.true;
    await sleep(800);
    expect(titles(element)).to.deep.equal(['From the quick feed']);
    expect(loads).to.have.length(1);
    expect(errorEvents).to.be.empty;
  });

  it('stops watching the viewport when removed before it started', async () => {
    const url = await serveFeed(jsonFeed([item()]));
    const wrapper = await fixture<HTMLElement>(
      html`<div><div style="height: 5000px"></div><trending-recs src=${url}></trending-recs></div>`,
    );
    const element = wrapper.querySelector<TrendingRecs>('trending-recs')!;
    const disconnect = IntersectionObserver.prototype.disconnect;
    let disconnected = 0;
    IntersectionObserver.prototype.disconnect = function (this: IntersectionObserver) {
      disconnected += 1;
      return disconnect.call(this);
    };
    try {
      element.remove();
    } finally {
      IntersectionObserver.prototype.disconnect = disconnect;
    }
    expect(disconnected).to.equal(1);
    // Put back in view, it starts as usual.
    const outcome = settled(element);
    document.body.prepend(element);
    expect((await outcome).type).to.equal('load');
    element.remove();
    expect(await hits(url)).to.equal(1);
  });

  it('shows as many cards as a limit set while a big feed is being ranked', async () => {
    const url = await serveFeed(jsonFeed(Array.from({ length: 1200 }, () => item())));
    const scheduler = (globalThis as unknown as { scheduler: { yield: () => Promise<void> } }).scheduler;
    const element = document.createElement('trending-recs') as TrendingRecs;
    element.setAttribute('src', url);
    let pausesAfterParsing = 0;
    // The feed is cached as soon as it is parsed; the first pause after that is the
    // ranking's, in steps for so many items: a reader's input could set the limit then.
    scheduler.yield = function () {
      if (sessionStorage.getItem(`trending-recs ${url}`) !== null && ++pausesAfterParsing === 1) element.limit = 3;
      return Object.getPrototypeOf(scheduler).yield.call(scheduler);
    };
    try {
      const outcome = settled(element);
      await fixture(html`<div>${element}</div>`);
      const { type, detail } = await outcome;
      expect(type).to.equal('load');
      expect(pausesAfterParsing, 'pauses after parsing').to.be.greaterThan(1);
      expect(titles(element)).to.have.length(3);
      expect(detail.items).to.have.length(3);
    } finally {
      delete (scheduler as Partial<typeof scheduler>).yield;
      sessionStorage.removeItem(`trending-recs ${url}`);
    }
  });
});
