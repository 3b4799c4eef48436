import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { hits, item, jsonFeed, serveFeed } from './support/feeds.js';
import { cards, renderWidget, settled, shadow, titles, watchEachTest } from './support/widget.js';
import type { TrendingRecs } from '../src/trending-recs.js';

// The element's public API beyond its attributes' meaning: how values are read, its
// state, reload(), what its events hand out, and which clicks it remembers.

const feedOf = (...names: string[]) => jsonFeed(names.map((title) => item({ title })));
const oneSite = (count: number) => jsonFeed(Array.from({ length: count }, (_, n) => item({ title: `Harbor story ${n}` }, { site: 'Harbor Blog' })));

describe('the HTML API', () => {
  const { warnings, errorEvents } = watchEachTest();

  it('warns once per bad attribute value, naming the attribute, and uses the default', async () => {
    const url = await serveFeed(jsonFeed(Array.from({ length: 14 }, () => item())));
    const { element } = await renderWidget(url, { limit: 'many', group: 'categroy', 'half-life': '-3', kinds: 'article, podcast' });
    const widget = element as TrendingRecs;
    expect(cards(element)).to.have.length(12);
    expect([widget.limit, widget.group, widget.halfLife, widget.kinds]).to.deep.equal([12, 'none', 72, ['article']]);
    expect(shadow(element).querySelector('[part="group-heading"]'), 'grouped').to.be.null;
    for (const named of ['limit="many"', 'group="categroy"', 'half-life="-3"', 'kinds="article, podcast"']) {
      expect(warnings.filter((warning) => warning.includes(named)), named).to.have.length(1);
    }
    expect(warnings).to.have.length(4);
  });

  it('reads lists from commas (and spaces, for hosts and URLs) into arrays, and takes arrays as properties', async () => {
    const url = await serveFeed(
      jsonFeed([
        item({ title: 'Food story', url: 'https://a.example/food/' }, { category: 'Food' }),
        item({ title: 'Travel story', url: 'https://blog.b.example/travel/' }, { category: 'Travel' }),
        item({ title: 'Elsewhere', url: 'https://c.example/x/' }, { category: 'Travel' }),
      ]),
    );
    const { element } = await renderWidget(url, { 'allow-hosts': 'a.example, *.b.example  d.example', categories: ' Food ,Travel,' });
    const widget = element as TrendingRecs;
    expect(widget.allowHosts).to.deep.equal(['a.example', '*.b.example', 'd.example']);
    expect(widget.categories).to.deep.equal(['Food', 'Travel']);
    expect(titles(element)).to.have.members(['Food story', 'Travel story']);

    widget.categories = ['travel'];
    await widget.updateComplete;
    expect(titles(element), 'ranked again in the same update').to.deep.equal(['Travel story']);
  });

  it('fills the block from one sister site when there is no other, unless per-site says otherwise', async () => {
    const url = await serveFeed(oneSite(8));
    for (const [attributes, shown] of [
      [{ limit: '3' }, 3],
      [{ limit: '6' }, 6],
      [{ limit: '6', 'per-site': '1' }, 1],
    ] as const) {
      const { element } = await renderWidget(url, attributes);
      expect(cards(element), JSON.stringify(attributes)).to.have.length(shown);
    }
  });

  it('names its state: idle, loading, ready, error', async () => {
    const idle = await fixture<TrendingRecs>(html`<trending-recs></trending-recs>`);
    expect(idle.state).to.equal('idle');

    const slow = await serveFeed(feedOf('A', 'B'), { delay: 400 });
    const element = await fixture<TrendingRecs>(html`<trending-recs src=${slow}></trending-recs>`);
    await waitUntil(() => element.state === 'loading', 'never loading');
    expect(shadow(element).querySelectorAll('li.skeleton')).to.not.be.empty;
    await oneEvent(element, 'trending-recs-load');
    expect(element.state).to.equal('ready');

    const broken = await serveFeed('not json');
    const failed = (await renderWidget(broken)).element as TrendingRecs;
    expect(failed.state).to.equal('error');
    expect(errorEvents).to.have.length(1);
  });

  it("is `cached` while it shows this visit's copy and the network is asked", async () => {
    const url = await serveFeed(feedOf('Fresh'), { delay: 400 });
    sessionStorage.setItem(`trending-recs ${url}`, `${Date.now()} ${JSON.stringify(feedOf('Cached'))}`);
    const element = await fixture<TrendingRecs>(html`<trending-recs src=${url}></trending-recs>`);
    await waitUntil(() => element.state === 'cached' && titles(element).length, 'the cached copy was never shown');
    expect(titles(element)).to.deep.equal(['Cached']);
    await oneEvent(element, 'trending-recs-load');
    expect([element.state, titles(element)]).to.deep.equal(['ready', ['Fresh']]);
  });

  it('reload() fetches again past the caches, keeping the cards until the new feed arrives', async () => {
    const url = await serveFeed(feedOf('First edition'), { later: { body: feedOf('Second edition'), delay: 300 } });
    const { element } = await renderWidget(url);
    const widget = element as TrendingRecs;
    const reloaded = settled(element);
    widget.reload();
    await widget.updateComplete;
    expect([widget.state, titles(element)]).to.deep.equal(['cached', ['First edition']]);
    expect((await reloaded).type).to.equal('load');
    expect(titles(element)).to.deep.equal(['Second edition']);
    expect(await hits(url)).to.equal(2);
  });

  it('keeps its cards, and says why, when a reload fails', async () => {
    const url = await serveFeed(feedOf('Still here'), { later: { status: 404 } });
    const { element } = await renderWidget(url);
    const widget = element as TrendingRecs;
    const failed = oneEvent(element, 'trending-recs-error');
    widget.reload();
    expect((await failed).detail.message).to.equal('HTTP 404');
    await widget.updateComplete;
    expect([widget.state, titles(element)]).to.deep.equal(['ready', ['Still here']]);
    expect(warnings.filter((warning) => warning.includes('HTTP 404'))).to.have.length(1);
  });

  it('hands listeners frozen details: no listener can change what another sees', async () => {
    const url = await serveFeed(jsonFeed([item({ title: 'Kept' }), { id: 'bad' }]));
    const { outcome } = await renderWidget(url);
    const { detail } = outcome;
    expect([detail, detail.items, detail.items[0], detail.items[0].tags, detail.skipped, detail.skipped[0]].every(Object.isFrozen)).to.be.true;
    expect(() => (detail.items[0].title = 'Changed')).to.throw(TypeError);
  });
});

describe('click memory', () => {
  watchEachTest();
  const clicked = () => JSON.parse(localStorage.getItem('trending-recs clicked') ?? '[]') as string[];
  beforeEach(() => localStorage.removeItem('trending-recs clicked'));

  it('remembers a card opened with a middle click, not one whose menu was opened', async () => {
    const first = item({ title: 'Middle-clicked' });
    const second = item({ title: 'Right-clicked' });
    const { element } = await renderWidget(await serveFeed(jsonFeed([first, second])));
    const [middle, right] = ['Middle-clicked', 'Right-clicked'].map((title) => cards(element).find((card) => card.textContent!.includes(title))!);
    middle!.dispatchEvent(new MouseEvent('auxclick', { button: 1, bubbles: true, composed: true, cancelable: true }));
    right!.dispatchEvent(new MouseEvent('auxclick', { button: 2, bubbles: true, composed: true, cancelable: true }));
    expect(clicked()).to.deep.equal([first['id']]);
  });
});
