import { expect } from '@open-wc/testing';
import { cards, part, renderWidget, watchEachTest } from './support/widget.js';

// The feed `trending-recs build` writes from test/builder/feeds/ (a WordPress RSS, a
// Ghost and a Blogger Atom, a JSON Feed of events, an offer); a Node test proves the
// builder still writes exactly this file.
const BUILT = '/test/fixtures/built-trending.json';

describe("the builder's output in the widget", () => {
  const { warnings } = watchEachTest();

  it('renders a card for every item, with what the builder wrote, and no warning', async () => {
    const feed = (await (await fetch(BUILT)).json()) as { items: { url: string; title: string; _trending: { site: string; kind: string } }[] };
    const { element, outcome } = await renderWidget(BUILT, { limit: '20', 'per-site': '20' });
    expect(outcome.type).to.equal('load');
    expect(outcome.type === 'load' && outcome.detail.skipped, 'items the widget skipped').to.deep.equal([]);
    const shown = cards(element);
    expect(shown.map((card) => card.href).sort()).to.deep.equal(feed.items.map((item) => item.url).sort());
    for (const card of shown) {
      const item = feed.items.find((entry) => entry.url === card.href)!;
      expect(part(card, 'title')).to.equal(item.title);
      expect(part(card, 'site')).to.equal(item._trending.site);
    }
    const offer = shown.find((card) => card.href === 'https://harbor.example/webinars/slow-travel')!;
    expect(part(offer, 'cta')).to.equal('Register');
    expect(part(offer, 'sponsored')).to.contain('Tidewave');
    expect(warnings).to.deep.equal([]);
  });
});
