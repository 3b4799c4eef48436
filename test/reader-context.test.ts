import { expect, fixtureCleanup } from '@open-wc/testing';
import { HOUR, iso, item, jsonFeed, serveFeed, type RawItem } from './support/feeds.js';
import { expectQuietTests, renderWidget, titles } from './support/widget.js';

/** What a CMS writes into the page: a title, a first heading, metadata. */
interface PageContext {
  title?: string;
  h1?: string;
  meta?: { keywords?: string; 'article:tag'?: string[]; 'article:section'?: string };
}

/** Gives the document this context until the returned function takes it away again. */
function setPage({ title, h1, meta = {} }: PageContext): () => void {
  const added: Element[] = [];
  const originalTitle = document.title;
  if (title !== undefined) document.title = title;
  if (h1 !== undefined) {
    const heading = document.createElement('h1');
    heading.textContent = h1;
    document.body.prepend(heading);
    added.push(heading);
  }
  const tags: [string, string, string][] = [
    ...(meta.keywords !== undefined ? [['name', 'keywords', meta.keywords] as [string, string, string]] : []),
    ...(meta['article:tag'] ?? []).map((tag): [string, string, string] => ['property', 'article:tag', tag]),
    ...(meta['article:section'] !== undefined ? [['property', 'article:section', meta['article:section']] as [string, string, string]] : []),
  ];
  for (const [attribute, name, content] of tags) {
    const tag = document.createElement('meta');
    tag.setAttribute(attribute, name);
    tag.content = content;
    document.head.append(tag);
    added.push(tag);
  }
  return () => {
    added.forEach((element) => element.remove());
    document.title = originalTitle;
  };
}

/** One date for every item, so only the boosts tell them apart. */
const published = iso(Date.now() - 2 * HOUR);
const story = (title: string, fields: Record<string, unknown> = {}, trending: Record<string, unknown> = {}) =>
  item({ title, date_published: published, ...fields }, trending);

/**
 * The widget's titles for `items` on a page with `context`. The items are equal apart
 * from their words, so without a boost they keep the feed's order.
 */
async function shownOn(context: PageContext, items: unknown[], attributes: Record<string, string> = {}) {
  const url = await serveFeed(jsonFeed(items));
  const restore = setPage(context);
  try {
    const { element, outcome } = await renderWidget(url, attributes);
    expect(outcome.type).to.equal('load');
    return titles(element);
  } finally {
    fixtureCleanup();
    restore();
  }
}

describe('reading context from the page', () => {
  expectQuietTests();

  it('keeps the feed order for equal items when the page says nothing about them', async () => {
    const shown = await shownOn({}, [story('Quiet harbour mornings'), story('Lighthouse keepers remember')]);
    expect(shown).to.deep.equal(['Quiet harbour mornings', 'Lighthouse keepers remember']);
  });

  const sources: [string, PageContext, RawItem][] = [
    ['the title', { title: 'Lighthouse keepers of the north' }, story('Lighthouse tours reopen')],
    ['the first h1', { h1: 'Where the lighthouses stand' }, story('Ten lighthouses to visit')],
    ['meta keywords', { meta: { keywords: 'ferries, timetables' } }, story('Winter timetables published')],
    ['article:tag metadata', { meta: { 'article:tag': ['Islands', 'Kayaking'] } }, story('Paddling the coast', { tags: ['kayaking'] })],
    ['article:section metadata', { meta: { 'article:section': 'Seafood' } }, story('Where to eat tonight', {}, { category: 'Seafood' })],
  ];
  for (const [source, context, related] of sources) {
    it(`lifts a related item above an equal unrelated one, by ${source}`, async () => {
      const shown = await shownOn(context, [story('Quiet harbour mornings'), related]);
      expect(shown).to.deep.equal([related.title, 'Quiet harbour mornings']);
    });
  }

  for (const separator of [' | ', ' · ', ' – ', ' — ', ' - ']) {
    it(`ignores the site name after "${separator.trim()}" in the title`, async () => {
      const shown = await shownOn({ title: `Lighthouse keepers remember${separator}Ferry Weekly` }, [
        story('Quiet harbour mornings'),
        story('Ferry strike ends'),
        story('Lighthouse tours reopen'),
      ]);
      // The lighthouse item proves the title was read; the ferry item stays where the feed put it.
      expect(shown).to.deep.equal(['Lighthouse tours reopen', 'Quiet harbour mornings', 'Ferry strike ends']);
    });
  }

  it('uses the context attribute instead of the page', async () => {
    const shown = await shownOn({ h1: 'Lighthouse keepers remember' }, [story('Quiet harbour mornings'), story('Lighthouse tours reopen'), story('Ferry strike ends')], {
      context: 'ferry, strike',
    });
    expect(shown).to.deep.equal(['Ferry strike ends', 'Quiet harbour mornings', 'Lighthouse tours reopen']);
  });

  it('uses no context at all with context="off"', async () => {
    // "off" is also a word an item can contain: it must not become a keyword.
    const shown = await shownOn({ h1: 'Lighthouse keepers remember' }, [story('Quiet harbour mornings'), story('Lighthouse tours reopen'), story('Ferry service off until spring')], {
      context: 'off',
    });
    expect(shown).to.deep.equal(['Quiet harbour mornings', 'Lighthouse tours reopen', 'Ferry service off until spring']);
  });

  it('never lets a related item three half-lives older overtake an equal unrelated one', async () => {
    // Every one of these words is in the page and in the related title: an unbounded
    // boost (1 + 0.25 per match) would pass the factor of 8 that three half-lives cost.
    const words = 'lighthouse keepers lantern ferry harbour island kayak coast tide pier beacon cliff dune quay reef gull '
      + 'sail mast rope anchor buoy wharf dock hull keel oar cove bay spit shoal';
    expect(words.split(' ')).to.have.length.greaterThan(28);
    const halfLife = 10;
    const now = Date.now();
    const fresh = story('Quiet mornings', { date_published: iso(now - HOUR) });
    const old = story(words, { date_published: iso(now - HOUR - 3 * halfLife * HOUR) });
    const nearlyAsOld = story(words, { date_published: iso(now - HOUR - 0.5 * halfLife * HOUR) });

    // The related item does win against an item half a half-life fresher: the context counts.
    expect(await shownOn({ h1: words }, [fresh, nearlyAsOld], { 'half-life': String(halfLife) })).to.deep.equal([
      nearlyAsOld.title,
      'Quiet mornings',
    ]);
    expect(await shownOn({ h1: words }, [fresh, old], { 'half-life': String(halfLife) })).to.deep.equal(['Quiet mornings', words]);
  });
});
