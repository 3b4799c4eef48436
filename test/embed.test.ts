import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { item, jsonFeed, serveFeed } from './support/feeds.js';
import { cards, settled, watchPageErrors } from './support/page.js';

// These tests load the built bundles (npm test builds first), as a publisher's page does.

function addScript(parent: Element, src: string, data: Record<string, string> = {}) {
  const script = document.createElement('script');
  script.src = src;
  for (const [name, value] of Object.entries(data)) script.setAttribute(`data-${name}`, value);
  const loaded = oneEvent(script, 'load');
  parent.append(script);
  return { script, loaded };
}

describe('the one-tag embed (dist/embed.js)', () => {
  let page: ReturnType<typeof watchPageErrors>;
  beforeEach(() => (page = watchPageErrors()));
  afterEach(() => {
    page.stop();
    expect(page.errors, 'uncaught errors or unhandled rejections').to.be.empty;
  });

  // First: nothing has defined the element yet.
  it('upgrades a <trending-recs> that the page placed before the script loaded', async () => {
    const url = await serveFeed(jsonFeed([item(), item()]));
    const container = await fixture(html`<div><trending-recs src=${url}></trending-recs></div>`);
    const element = container.querySelector('trending-recs')!;
    expect(customElements.get('trending-recs'), 'defined before the bundle loaded').to.be.undefined;
    expect(element.shadowRoot).to.be.null;
    const outcome = settled(element as never);
    const { script, loaded } = addScript(document.body, '/dist/embed.js');
    await loaded;
    expect(script.nextElementSibling?.localName, 'no second, empty widget').not.to.equal('trending-recs');
    script.remove();
    expect((await outcome).type).to.equal('load');
    expect(cards(element)).to.have.length(2);
  });

  it('inserts <trending-recs> right after its script tag, with every data-* attribute', async () => {
    const url = await serveFeed(jsonFeed([item(), item(), item(), item()]));
    const container = await fixture(html`<div><p>Article text</p></div>`);
    const { script, loaded } = addScript(container, '/dist/embed.js', { src: url, limit: '3', heading: 'More from Harbor' });
    await loaded;
    const element = script.nextElementSibling as HTMLElement & { updateComplete: Promise<boolean> };
    expect(element.localName).to.equal('trending-recs');
    expect(element.getAttribute('src')).to.equal(url);
    expect(element.getAttribute('limit')).to.equal('3');
    await settled(element as never);
    await element.updateComplete;
    expect(cards(element)).to.have.length(3);
    expect(element.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.equal('More from Harbor');
  });

  it('resolves a relative data-src against the page', async () => {
    const url = await serveFeed(jsonFeed([item()]));
    const relative = new URL(url).pathname.slice(1);
    const container = await fixture(html`<div></div>`);
    const { script, loaded } = addScript(container, '/dist/embed.js', { src: relative });
    await loaded;
    const outcome = await settled(script.nextElementSibling as never);
    expect(outcome.type).to.equal('load');
  });

  it('survives being loaded twice, and next to the module build', async () => {
    const url = await serveFeed(jsonFeed([item()]));
    const container = await fixture(html`<div></div>`);
    const loads: Event[] = [];
    const bothLoaded = new Promise<void>((resolve) =>
      container.addEventListener('trending-recs-load', (event) => loads.push(event) === 2 && resolve()),
    );
    const first = addScript(container, '/dist/embed.js', { src: url });
    const second = addScript(container, '/dist/embed.js', { src: url });
    await Promise.all([first.loaded, second.loaded]);
    await import(new URL('/dist/trending-recs.js', location.href).href);
    expect(container.querySelectorAll('trending-recs')).to.have.length(2);
    await bothLoaded;
    expect(customElements.get('trending-recs')).to.exist;
  });


  it('adds nothing to the page but the element: no globals, no Symbol.metadata', async () => {
    // A fresh frame: this test page already runs Lit (dev build) for its fixtures.
    const frame = document.createElement('iframe');
    frame.srcdoc = `<script>window.before = Object.getOwnPropertyNames(window); window.metadata = Symbol.metadata;</script>
      <script src="/dist/embed.js"></script>`;
    const loaded = oneEvent(frame, 'load');
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & { before: string[]; metadata: symbol | undefined };
    try {
      expect(win.customElements.get('trending-recs')).to.exist;
      const added = Object.getOwnPropertyNames(win).filter((name) => !win.before.includes(name) && name !== 'before');
      expect(added).to.deep.equal(['metadata']);
      expect((win as unknown as { Symbol: SymbolConstructor }).Symbol.metadata).to.equal(win.metadata);
    } finally {
      frame.remove();
    }
  });
});
