import { expect, fixture, html } from '@open-wc/testing';
import { DAY, iso, item, jsonFeed, serveFeed } from './support/feeds.js';
import { cards, part, settled, shadow, watchEachTest } from './support/widget.js';

// A file of its own: the page must not have made a date formatter before these tests.
describe('the first dated cards of a page', () => {
  watchEachTest();

  /**
   * Renders a block of `feed`, and records what a reader sees when its cards first
   * appear: the first card's date row and height, whether the load event had fired, and
   * how many frames the page had painted by then.
   */
  async function watchCards(feed: Parameters<typeof serveFeed>[0]) {
    const element = document.createElement('trending-recs');
    element.src = await serveFeed(feed);
    let loaded = false;
    element.addEventListener('trending-recs-load', () => (loaded = true));
    let frames = 0;
    const countFrames = () => {
      frames++;
      if (!loaded) requestAnimationFrame(countFrames);
    };
    requestAnimationFrame(countFrames);
    let first: { date: string | undefined; loaded: boolean; height: number; frames: number } | undefined;
    const outcome = settled(element);
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    wrapper.append(element);
    new MutationObserver((_, observer) => {
      const card = cards(element)[0];
      if (!card) return;
      first = { date: part(card, 'date'), loaded, height: card.getBoundingClientRect().height, frames };
      observer.disconnect();
    }).observe(shadow(element), { childList: true, subtree: true });
    return { element, outcome, first: () => first, frames: () => frames };
  }

  // First: the page has made no date formatter yet, and this feed needs none.
  it('are not waited for when no card has a date: the load event comes with the cards', async () => {
    const { outcome, first } = await watchCards(jsonFeed([item({ title: 'Coves' }), item({ title: 'Harbor' })]));
    expect((await outcome).type).to.equal('load');
    expect(first(), 'the cards were seen').to.exist;
    expect(first()!.loaded, 'the load event had fired').to.be.true;
  });

  it('are painted before their dates, which fill their row a task later, before the load event', async () => {
    const { element, outcome, first, frames } = await watchCards(
      jsonFeed([
        item({ title: 'Lantern walk' }, { kind: 'event', starts_at: iso(Date.now() + 3 * DAY), venue: 'Harbor Hall', score: 90 }),
        item({ title: 'Coves' }, { score: 50 }),
      ]),
    );
    expect((await outcome).type).to.equal('load');
    const seen = first();
    expect(seen, 'the cards were seen before the load event').to.exist;
    expect(seen!.date, 'the date row, at first').to.equal('');
    expect(seen!.loaded).to.be.false;
    const card = cards(element)[0]!;
    expect(part(card, 'date')).to.match(/\d/).and.to.match(/ · Harbor Hall$/);
    expect(frames() - seen!.frames, 'frames painted between the cards and their dates').to.be.at.least(1);
    expect(card.getBoundingClientRect().height, "the card's height once dated").to.equal(seen!.height);
  });
});
