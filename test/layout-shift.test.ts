import { expect, fixture, html } from '@open-wc/testing';
import { DAY, hits, iso, item, jsonFeed, serveFeed } from './support/feeds.js';
import { settled } from './support/widget.js';
import type { TrendingRecs } from '../src/trending-recs.js';

const PICTURE = '/test/fixtures/picture.svg';

/** Cards of every shape: with and without pictures, events, a sponsored offer, long titles. */
function mixedItems(count: number) {
  const shapes = [
    () => item({ image: PICTURE }),
    () => item({ title: 'A much longer headline that will certainly need three or more lines of text to fit inside a narrow card' }),
    () => item({ image: PICTURE }, { kind: 'event', starts_at: iso(Date.now() + 3 * DAY), ends_at: iso(Date.now() + 5 * DAY), venue: 'Harbor Hall' }),
    () => item({ image: PICTURE }, { kind: 'offer', sponsored: true, sponsor: 'Tidewave Software', cta: 'Register', starts_at: iso(Date.now() + 9 * DAY) }),
    () => item({}, { category: undefined }),
  ];
  return Array.from({ length: count }, (_, i) => shapes[i % shapes.length]!());
}

const allImagesLoaded = (element: TrendingRecs) =>
  Promise.all([...element.shadowRoot!.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));

const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const step = () => (n-- <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  });

/** Renders the widget between text, lets the feed arrive late, and sums the layout shifts seen. */
async function measure(width: number, limit: number, itemCount: number) {
  const url = await serveFeed(jsonFeed(mixedItems(itemCount)), { delay: 300 });
  let shift = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      if (!entry.hadRecentInput) shift += entry.value;
    }
  });
  const wrapper = await fixture<HTMLElement>(html`
    <div style="width: ${width}px; font: 16px/1.5 sans-serif">
      <p>Article text above the widget.</p>
      <trending-recs src=${url} limit=${limit}></trending-recs>
      <p id="below">Content below the widget, which must not move when the cards arrive.</p>
    </div>
  `);
  observer.observe({ type: 'layout-shift' });
  const element = wrapper.querySelector('trending-recs')!;
  const below = wrapper.querySelector('#below')!;
  const before = { height: element.getBoundingClientRect().height, top: below.getBoundingClientRect().top };
  await settled(element);
  await element.updateComplete;
  await allImagesLoaded(element);
  await frames(3);
  observer.takeRecords().forEach((entry) => (shift += (entry as unknown as { value: number }).value));
  observer.disconnect();
  const after = { height: element.getBoundingClientRect().height, top: below.getBoundingClientRect().top };
  return { shift, before, after };
}

describe('layout shift', () => {
  for (const width of [320, 560, 760]) {
    it(`is zero at ${width}px wide when the feed has at least limit items`, async () => {
      const { shift, before, after } = await measure(width, 3, 8);
      expect(before.height).to.be.greaterThan(0);
      expect(after.height).to.equal(before.height);
      expect(after.top).to.equal(before.top);
      expect(shift).to.equal(0);
    });
  }

  it('is measured: a feed shorter than limit does shift the content below', async () => {
    // Proves the measurement can see a shift, so the zero above means something.
    const { shift, before, after } = await measure(760, 6, 2);
    expect(after.height).to.be.lessThan(before.height);
    expect(shift).to.be.greaterThan(0);
  });

  it('is zero when a picture fails: without a site icon the card keeps its neutral picture box, and the picture is not retried', async () => {
    const broken = await serveFeed('', { status: 404, contentType: 'image/svg+xml' });
    const url = await serveFeed(jsonFeed([item({ image: PICTURE }), item({ image: broken })]), { delay: 300 });
    let shift = 0;
    const observer = new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => (shift += (entry as unknown as { value: number }).value)),
    );
    const wrapper = await fixture<HTMLElement>(
      html`<div style="width: 560px"><trending-recs src=${url} limit="2"></trending-recs><p>Below.</p></div>`,
    );
    const element = wrapper.querySelector('trending-recs')!;
    const outcome = settled(element);
    // The page settles first (the previous test's fixture leaving moves the body).
    await frames(2);
    observer.observe({ type: 'layout-shift' });
    await outcome;
    await element.updateComplete;
    await allImagesLoaded(element);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await frames(3);
    observer.takeRecords().forEach((entry) => (shift += (entry as unknown as { value: number }).value));
    observer.disconnect();

    const [good, bad] = [...element.shadowRoot!.querySelectorAll<HTMLElement>('a[part~="card"]')];
    // Without a site icon to fall back to, the failed picture leaves its box, tinted.
    expect(bad!.querySelector('img'), 'no broken-image icon').to.be.null;
    expect(good!.querySelector('img')).to.exist;
    expect(getComputedStyle(bad!.querySelector('.media')!).backgroundColor).not.to.equal('rgba(0, 0, 0, 0)');
    expect(bad!.getBoundingClientRect().height).to.equal(good!.getBoundingClientRect().height);
    expect(await hits(broken)).to.equal(1);
    expect(shift).to.equal(0);
  });
});
