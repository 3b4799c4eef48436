import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { hits, item, jsonFeed, serveFeed } from './support/feeds.js';
import { captureWarnings, renderWidget, settled, titles } from './support/widget.js';

// The widget leaves caching to the browser's HTTP cache, which it must not defeat: a
// feed served with Cache-Control is shared between widgets and page views, and kept
// as a fallback when the network fails.

describe('<trending-recs> and the HTTP cache', () => {
  let console_: ReturnType<typeof captureWarnings>;
  beforeEach(() => (console_ = captureWarnings()));
  afterEach(() => console_.restore());

  it('makes one request for several widgets with the same cacheable feed', async () => {
    const url = await serveFeed(jsonFeed([item()]), { headers: { 'cache-control': 'max-age=300' }, delay: 200 });
    // Side by side, so all of them are in view and start at once.
    const row = await fixture<HTMLElement>(html`<div style="display: flex"></div>`);
    const widgets = Array.from({ length: 10 }, () => {
      const widget = document.createElement('trending-recs');
      widget.setAttribute('src', url);
      widget.setAttribute('limit', '1');
      return widget;
    });
    const outcomes = Promise.all(widgets.map(settled));
    row.append(...widgets);
    expect((await outcomes).map((outcome) => outcome.type)).to.deep.equal(Array(10).fill('load'));
    expect(await hits(url)).to.equal(1);
  });

  it('renders a stale-while-revalidate copy on the next page view, refreshing it behind', async () => {
    // Yesterday's feed, then a new one that the server is slow to send.
    const cacheControl = { 'cache-control': 'max-age=1, stale-while-revalidate=600' };
    const url = await serveFeed(jsonFeed([item({ title: 'Yesterday' })]), {
      headers: cacheControl,
      later: { body: jsonFeed([item({ title: 'Today' })]), headers: cacheControl, delay: 3000 },
    });
    expect((await renderWidget(url)).outcome.type).to.equal('load');
    fixtureCleanup();
    await new Promise((resolve) => setTimeout(resolve, 1100));

    // Had it waited for the server, it would show Today.
    const { element, outcome } = await renderWidget(url);
    expect(outcome.type).to.equal('load');
    await element.updateComplete;
    expect(titles(element)).to.deep.equal(['Yesterday']);
    await waitUntil(async () => (await hits(url)) === 2, 'the browser refreshes the feed behind the cards');
  });

  it('shows the last good copy when the network fails, however stale', async () => {
    // Served once, stale at once (with a validator, as CMSs send, so Chromium keeps
    // it), then the server is gone.
    const url = await serveFeed(jsonFeed([item({ title: 'Cached yesterday' })]), {
      headers: { 'cache-control': 'max-age=0', 'last-modified': new Date(Date.now() - 86_400_000).toUTCString() },
      dropFrom: 2,
    });
    expect((await renderWidget(url)).outcome.type).to.equal('load');
    fixtureCleanup();

    const { element, outcome } = await renderWidget(url);
    expect(await hits(url), 'it did try the network again').to.be.greaterThan(1);
    expect(outcome.type).to.equal('load');
    await element.updateComplete;
    expect(titles(element)).to.deep.equal(['Cached yesterday']);
  });

  it('still fails, and says so, when the network fails and nothing was cached', async () => {
    const url = await serveFeed(jsonFeed([item()]), { dropFrom: 1 });
    const { element, outcome } = await renderWidget(url);
    expect(outcome.type).to.equal('error');
    expect(outcome.detail.message).to.equal('network error (offline, blocked or CORS)');
    expect(element.getBoundingClientRect().height).to.equal(0);
    expect(console_.warnings).to.have.length(1);
  });
});
