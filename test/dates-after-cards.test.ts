import { expect, fixture, html } from '@open-wc/testing';
import { DAY, iso, item, jsonFeed, serveFeed } from './support/feeds.js';
import { cards, part, settled, shadow, watchEachTest } from './support/widget.js';

// A file of its own: the page must not have made a date formatter before this test.
describe('the first dated cards of a page', () => {
  watchEachTest();

  it('are painted before their dates, which fill their row a task later, before the load event', async () => {
    const url = await serveFeed(
      jsonFeed([
        item({ title: 'Lantern walk' }, { kind: 'event', starts_at: iso(Date.now() + 3 * DAY), venue: 'Harbor Hall', score: 90 }),
        item({ title: 'Coves' }, { score: 50 }),
      ]),
    );
    const element = document.createElement('trending-recs');
    element.src = url;
    let loaded = false;
    element.addEventListener('trending-recs-load', () => (loaded = true));
    // What a reader sees when the cards first appear, and the card's height then.
    let first: { date: string | undefined; loaded: boolean; height: number; frames: number } | undefined;
    let frames = 0;
    const countFrames = () => {
      frames++;
      if (!loaded) requestAnimationFrame(countFrames);
    };
    requestAnimationFrame(countFrames);
    const outcome = settled(element);
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    wrapper.append(element);
    new MutationObserver((_, observer) => {
      const card = cards(element)[0];
      if (!card) return;
      first = { date: part(card, 'date'), loaded, height: card.getBoundingClientRect().height, frames };
      observer.disconnect();
    }).observe(shadow(element), { childList: true, subtree: true });

    expect((await outcome).type).to.equal('load');
    const card = cards(element)[0]!;
    expect(first, 'the cards were seen before the load event').to.exist;
    expect(first!.date, 'the date row, at first').to.equal('');
    expect(first!.loaded).to.be.false;
    expect(part(card, 'date')).to.match(/\d/).and.to.match(/ · Harbor Hall$/);
    expect(frames - first!.frames, 'frames painted between the cards and their dates').to.be.at.least(1);
    expect(card.getBoundingClientRect().height, "the card's height once dated").to.equal(first!.height);
  });
});
