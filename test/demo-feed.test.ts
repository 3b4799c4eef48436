import { expect } from '@open-wc/testing';
import { parseFeed } from '../src/feed/parse.js';

// The demo is what a newcomer sees first: its feed must be complete and fully valid.
describe('the demo feed', () => {
  it('is a valid feed with every item usable, across sites, categories and kinds', async () => {
    const url = new URL('/demo/feed.json', location.href).href;
    const feed = parseFeed(await (await fetch(url)).json(), url);
    expect(feed.skipped).to.deep.equal([]);
    expect(feed.items.length).to.be.at.least(16);
    expect(new Set(feed.items.map((i) => i.category)).size).to.be.at.least(4);
    expect(new Set(feed.items.map((i) => i.site)).size).to.be.at.least(3);
    expect(feed.items.filter((i) => i.sponsored && i.kind === 'offer' && i.cta)).to.have.length(1);
    expect(feed.items.some((i) => i.kind === 'event' && i.startsAt! > Date.now())).to.be.true;
  });

  it('has every picture it names, served locally', async () => {
    const url = new URL('/demo/feed.json', location.href).href;
    const feed = parseFeed(await (await fetch(url)).json(), url);
    const pictures = new Set(feed.items.map((i) => i.image).filter((u): u is string => !!u));
    expect(pictures.size).to.be.at.least(10);
    for (const picture of pictures) {
      expect(new URL(picture).origin, picture).to.equal(location.origin);
      expect((await fetch(picture, { method: 'HEAD' })).status, picture).to.equal(200);
    }
  });
});
