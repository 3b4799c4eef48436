import { expect } from '@open-wc/testing';
import { fetchSharedFeedText, retryDelay } from '../../src/feed/fetch.js';
import { prefetchFeed } from '../../src/feed/prefetch.js';
import { hits, item, jsonFeed, serveFeed } from '../support/feeds.js';

// A whole second, so an HTTP date (which has no milliseconds) lands exactly on it.
const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);
const httpDate = (ms: number) => new Date(ms).toUTCString();

describe('retryDelay', () => {
  it('waits the seconds a Retry-After header asks for, whichever retry it is', () => {
    for (const retry of [1, 2]) {
      expect(retryDelay('3', retry, NOW, 0), `retry ${retry}`).to.equal(3000);
      expect(retryDelay('0', retry, NOW, 1), `retry ${retry}`).to.equal(0);
    }
  });

  it('waits until the HTTP date a Retry-After header names', () => {
    expect(retryDelay(httpDate(NOW + 3000), 1, NOW, 0)).to.equal(3000);
    expect(retryDelay(httpDate(NOW + 1000), 2, NOW, 1)).to.equal(1000);
  });

  it('retries at once when the Retry-After date has passed', () => {
    expect(retryDelay(httpDate(NOW), 1, NOW, 1)).to.equal(0);
    expect(retryDelay(httpDate(NOW - 60_000), 1, NOW, 1)).to.equal(0);
    expect(retryDelay(httpDate(NOW - 60_000), 2, NOW, 1)).to.equal(0);
  });

  it('waits no longer than 5 seconds, however long the server asks', () => {
    expect(retryDelay('5', 1, NOW, 0)).to.equal(5000);
    for (const retryAfter of ['6', '3600', '99999999999999999999', httpDate(NOW + 3_600_000)]) {
      expect(retryDelay(retryAfter, 1, NOW, 0), retryAfter).to.equal(5000);
    }
  });

  it('backs off from 250–500 ms to 500–1000 ms without a usable Retry-After', () => {
    // Not delay-seconds, not an HTTP date; V8's Date.parse reads '1.5' and '-1' as 2001.
    for (const retryAfter of [null, '', 'soon', '3 seconds', '1e3', '1.5', '-1']) {
      for (const [retry, low, high] of [
        [1, 250, 500],
        [2, 500, 1000],
      ] as const) {
        const label = `${JSON.stringify(retryAfter)}, retry ${retry}`;
        expect(retryDelay(retryAfter, retry, NOW, 0), label).to.equal(low);
        expect(retryDelay(retryAfter, retry, NOW, 1), label).to.equal(high);
        for (const random of [0.1, 0.5, 0.9]) {
          expect(retryDelay(retryAfter, retry, NOW, random), `${label}, random ${random}`).to.be.within(low, high);
        }
      }
    }
  });

  it('spreads readers out: the jitter changes the wait, within its range', () => {
    expect(retryDelay(null, 1, NOW, 0.2)).to.be.lessThan(retryDelay(null, 1, NOW, 0.8));
    const waits = new Set(Array.from({ length: 20 }, () => retryDelay(null, 2, NOW)));
    expect(waits.size, 'Math.random by default').to.be.greaterThan(1);
    for (const wait of waits) expect(wait).to.be.within(500, 1000);
  });
});

describe('fetchSharedFeedText with the loader’s request', () => {
  it('gives every element that takes the request the body it read once, however late it comes', async () => {
    const url = new URL(await serveFeed(jsonFeed([item()])), location.href).href;
    const prefetch = prefetchFeed(url);
    const first = await fetchSharedFeedText(url, new AbortController().signal, 8000, prefetch);
    // The first read is over, and no request is in flight: the next element takes the same request.
    const later = await fetchSharedFeedText(url, new AbortController().signal, 8000, prefetch);
    expect(JSON.parse(later).items).to.have.length(1);
    expect(later).to.equal(first);
    expect(await hits(url)).to.equal(1);
  });

  it('asks anew for an element that takes a request that failed', async () => {
    const url = new URL(await serveFeed(jsonFeed([item()]), { sequence: [{ status: 404 }, {}] }), location.href).href;
    const prefetch = prefetchFeed(url);
    let error: Error | undefined;
    await fetchSharedFeedText(url, new AbortController().signal, 8000, prefetch).catch((caught: Error) => (error = caught));
    expect(error?.message).to.equal('HTTP 404');
    const later = await fetchSharedFeedText(url, new AbortController().signal, 8000, prefetch);
    expect(JSON.parse(later).items).to.have.length(1);
    expect(await hits(url)).to.equal(2);
  });
});
