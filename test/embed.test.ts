import { expect, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { hits, item, jsonFeed, serveFeed } from './support/feeds.js';
import { cards } from './support/page.js';

// These tests load the built bundles (npm test builds first) into pages of their own, as
// a publisher's page does: nothing there has defined the element yet.

describe('the one-tag embed (dist/embed.js)', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('upgrades a <trending-recs> that the page placed before the script', async () => {
    const url = await serveFeed(jsonFeed([item(), item()]));
    const { win, doc, element } = await framePage(`<trending-recs src="${url}"></trending-recs><script src="/dist/embed.js"></script>`);
    await loadedIn(win, element);
    expect(doc.querySelectorAll('trending-recs'), 'no second, empty widget').to.have.length(1);
    expect(cards(element)).to.have.length(2);
    expect(win.errors).to.deep.equal([]);
  });

  it('inserts <trending-recs> right after its script tag, with every data-* attribute', async () => {
    const url = await serveFeed(jsonFeed([item(), item(), item(), item()]));
    const { win, doc } = await framePage(
      `<p>Article text</p><script src="/dist/embed.js" data-src="${url}" data-limit="3" data-heading="More from Harbor"></script><p>After</p>`,
    );
    const element = doc.querySelector('script[data-src]')!.nextElementSibling!;
    expect(element.localName).to.equal('trending-recs');
    expect([element.getAttribute('src'), element.getAttribute('limit')]).to.deep.equal([url, '3']);
    await loadedIn(win, element);
    expect(cards(element)).to.have.length(3);
    expect(element.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.equal('More from Harbor');
  });

  it('resolves a relative data-src against the page', async () => {
    const url = await serveFeed(jsonFeed([item()]));
    const relative = new URL(url).pathname.slice(1);
    const { win, doc } = await framePage(`<script src="/dist/embed.js" data-src="${relative}"></script>`);
    const element = doc.querySelector('trending-recs')!;
    await loadedIn(win, element);
    expect(cards(element)).to.have.length(1);
  });

  it('survives being loaded twice, and next to the module build', async () => {
    const url = await serveFeed(jsonFeed([item()]));
    const { win, doc } = await framePage(
      `<script src="/dist/embed.js" data-src="${url}"></script><script src="/dist/embed.js" data-src="${url}"></script>` +
        '<script type="module" src="/dist/trending-recs.js"></script>',
    );
    const elements = [...doc.querySelectorAll('trending-recs')];
    expect(elements).to.have.length(2);
    await Promise.all(elements.map((element) => loadedIn(win, element)));
    for (const element of elements) expect(cards(element)).to.have.length(1);
    expect(win.errors).to.deep.equal([]);
  });

  it("adds nothing to the page but the element and Lit's own globals", async () => {
    const url = await serveFeed(jsonFeed([item()]));
    const { win, element } = await framePage(`<trending-recs src="${url}"></trending-recs><script src="/dist/embed.js"></script>`, {
      before: '<script>window.before = Object.getOwnPropertyNames(window); window.metadata = Symbol.metadata;</script>',
    });
    await loadedIn(win, element);
    const added = Object.getOwnPropertyNames(win).filter((name) => !(win as never as { before: string[] }).before.includes(name) && name !== 'before');
    // The loader adds nothing; Lit keeps its version lists and decorator metadata where
    // its published build always does. The rest is this test's page watcher.
    const watcher = ['errors', 'warnings', 'shifts', 'loaded'];
    expect(added.sort()).to.deep.equal(['litElementVersions', 'litHtmlVersions', 'litPropertyMetadata', 'metadata', 'reactiveElementVersions', ...watcher].sort());
  });
});

// Each of these loads the loader into a page of its own, where nothing has defined the
// element yet, as a publisher's page is.
describe('the loader (dist/embed.js) in a page of its own', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('reserves the final height before the element loads, so nothing below moves', async () => {
    const url = await serveFeed(jsonFeed(Array.from({ length: 8 }, () => item())), { delay: 300 });
    // Measured in the loader script's load event, which fires in the same task as the
    // script ran: the element's module, which needs a fetch (a task of its own), cannot
    // have loaded. A script after the loader could run later: the parser may yield.
    const early = `window.early = {
        defined: Boolean(customElements.get('trending-recs')),
        rows: document.querySelector('trending-recs').shadowRoot.querySelectorAll('li').length,
        after: document.getElementById('after').getBoundingClientRect().top,
      }`;
    const { win, doc, element } = await framePage(
      `<p>Article</p><trending-recs src="${url}" limit="6"></trending-recs><p id="after">After the block</p><script src="/dist/embed.js" onload="${early}"></script>`,
    );
    const { defined, rows, after } = (win as unknown as { early: { defined: boolean; rows: number; after: number } }).early;
    expect(defined, 'defined already').to.equal(false);
    expect(rows).to.equal(6);
    expect(after).to.be.greaterThan(200);
    await loadedIn(win, element);
    expect(cards(element)).to.have.length(6);
    expect(doc.getElementById('after')!.getBoundingClientRect().top).to.equal(after);
    expect(win.shifts, 'layout shifts').to.equal(0);
    expect(win.errors).to.deep.equal([]);
  });

  it('loads nothing for an element far below until the reader nears it', async () => {
    const url = await serveFeed(jsonFeed([item(), item()]));
    const { win, element } = await framePage(`<div style="height: 3000px"></div><trending-recs src="${url}"></trending-recs><script src="/dist/embed.js"></script>`);
    await sleep(300);
    expect(await hits(url)).to.equal(0);
    expect(win.customElements.get('trending-recs'), 'module loaded').to.be.undefined;
    const loaded = loadedIn(win, element);
    element.scrollIntoView();
    await loaded;
    expect(cards(element)).to.have.length(2);
    expect(await hits(url)).to.equal(1);
  });

  it("starts the feed request and the element's module together, and the element takes that request", async () => {
    const url = await serveFeed(jsonFeed([item(), item()]), { delay: 300 });
    const { win, element } = await framePage(`<trending-recs src="${url}"></trending-recs><script src="/dist/embed.js"></script>`, {
      before: "<script>customElements.whenDefined('trending-recs').then(() => (window.definedAt = performance.now()))</script>",
    });
    await loadedIn(win, element);
    const definedAt = (win as unknown as { definedAt: number }).definedAt;
    // The feed's timing is recorded once its body has been read, which may be after the event.
    const feedTiming = () => win.performance.getEntriesByType('resource').find((entry) => entry.name === url) as PerformanceResourceTiming | undefined;
    await waitUntil(feedTiming, 'no timing for the feed');
    const feed = feedTiming()!;
    // The feed was asked for before the module was there, and the module ran while the
    // feed was on its way: not one after the other.
    expect(feed.startTime).to.be.below(definedAt);
    expect(definedAt).to.be.below(feed.responseEnd);
    expect(await hits(url), 'feed requests').to.equal(1);
  });

  it('asks once for a feed that several elements show', async () => {
    const url = await serveFeed(jsonFeed([item(), item(), item()]), { delay: 200 });
    // Side by side, all in view: in a frame, "near" is judged against the top page's viewport.
    const { win, doc } = await framePage(
      `<div style="display: flex">${`<trending-recs style="flex: 1" src="${url}" limit="1"></trending-recs>`.repeat(3)}</div><script src="/dist/embed.js"></script>`,
    );
    const elements = [...doc.querySelectorAll('trending-recs')];
    await Promise.all(elements.map((element) => loadedIn(win, element)));
    for (const element of elements) expect(cards(element)).to.have.length(1);
    expect(await hits(url)).to.equal(1);
  });

  it('reserves room for, and loads, an element the page adds later', async () => {
    const url = await serveFeed(jsonFeed([item(), item(), item()]), { delay: 200 });
    const { win, doc } = await framePage('<main></main><script src="/dist/embed.js"></script>');
    const element = doc.createElement('trending-recs');
    element.setAttribute('src', url);
    element.setAttribute('limit', '3');
    const loaded = loadedIn(win, element);
    doc.querySelector('main')!.append(element);
    await nextFrame();
    expect(element.shadowRoot?.querySelectorAll('li'), 'space reserved').to.have.length(3);
    const reserved = element.getBoundingClientRect().height;
    await loaded;
    expect(cards(element)).to.have.length(3);
    expect(element.getBoundingClientRect().height).to.equal(reserved);
  });

  it('loads nothing for an element the page removes at once, and loads it when it comes back', async () => {
    const url = await serveFeed(jsonFeed([item(), item()]));
    const { win, doc } = await framePage('<main></main><script src="/dist/embed.js"></script>');
    const element = doc.createElement('trending-recs');
    element.setAttribute('src', url);
    const main = doc.querySelector('main')!;
    main.append(element);
    // The loader sees the element in this task's microtasks and reads its place in a
    // later task; a single-page app replacing its view removes it before that.
    await Promise.resolve();
    expect(element.shadowRoot?.querySelector('ul'), 'space reserved').to.exist;
    element.remove();
    await sleep(300);
    expect(await hits(url), 'feed requests').to.equal(0);
    expect(win.customElements.get('trending-recs'), 'module loaded').to.be.undefined;
    const loaded = loadedIn(win, element);
    main.append(element);
    await loaded;
    expect(cards(element)).to.have.length(2);
    expect(await hits(url), 'feed requests').to.equal(1);
  });

  it("collapses, warns once and fires trending-recs-error when the element's module cannot load", async () => {
    const url = await serveFeed(jsonFeed([item()]));
    // Served from a path with no trending-recs.js next to it.
    const loader = await serveFeed(await (await fetch('/dist/embed.js')).text(), { contentType: 'text/javascript' });
    const { win, element } = await framePage(`<trending-recs src="${url}"></trending-recs><script src="${loader}"></script>`);
    expect(element.getBoundingClientRect().height, 'space reserved').to.be.greaterThan(100);
    const { detail } = await oneEvent(element, 'trending-recs-error');
    expect(detail.message).to.contain('could not load').and.contain('trending-recs.js');
    expect(detail.src).to.equal(url);
    expect(element.getBoundingClientRect().height).to.equal(0);
    expect(win.warnings).to.have.length(1);
    expect(win.errors).to.deep.equal([]);
  });
});

interface FramePage extends Window {
  loaded: Set<EventTarget>;
  errors: string[];
  warnings: string[];
  shifts: number;
}

/**
 * A page of its own in an iframe (800 × 600), with `body` after a script that records
 * errors, console warnings and layout shifts; resolves once the page has loaded.
 */
async function framePage(body: string, { before = '' } = {}) {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px; border: 0';
  frame.srcdoc = `<!doctype html><html lang="en"><head>${before}<script>
      window.errors = []; window.warnings = []; window.shifts = 0; window.loaded = new Set();
      addEventListener('trending-recs-load', (e) => loaded.add(e.target));
      addEventListener('error', (e) => errors.push(String(e.message)));
      addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
      const warn = console.warn; console.warn = (...args) => (warnings.push(args.join(' ')), warn(...args));
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (shifts += e.value))).observe({ type: 'layout-shift', buffered: true });
    </script></head><body>${body}</body></html>`;
  const loaded = oneEvent(frame, 'load');
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as unknown as FramePage;
  const doc = frame.contentDocument!;
  return { frame, win, doc, element: doc.querySelector('trending-recs')! };
}

/** Resolves at `element`'s load event (or at once if it came), failing the test at an error event. */
function loadedIn(win: FramePage, element: Element) {
  return new Promise<void>((resolve, reject) => {
    if (win.loaded.has(element)) return resolve();
    element.addEventListener('trending-recs-load', () => resolve(), { once: true });
    element.addEventListener('trending-recs-error', (event) => reject(new Error((event as CustomEvent).detail.message)), { once: true });
    setTimeout(() => reject(new Error(`no load event in ${win.location.href}`)), 8000);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
