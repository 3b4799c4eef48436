import { expect, fixtureCleanup, nextFrame } from '@open-wc/testing';
import { DAY, HOUR, hits, item, iso, jsonFeed, serveFeed } from './support/feeds.js';
import { expectQuietTests, cards, part, renderWidget, shadow, titles } from './support/widget.js';
import type { TrendingRecs } from '../src/trending-recs.js';

const PICTURE = '/test/fixtures/picture.svg';
const ICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><rect width="32" height="32" fill="teal"/></svg>';

/** An icon on the test server, counted by `hits`. */
const serveIcon = () => serveFeed(ICON_SVG, { contentType: 'image/svg+xml' });
/** A picture or icon URL on the test server that answers 404, counted by `hits`. */
const serveBroken = () => serveFeed('', { status: 404, contentType: 'image/svg+xml' });

const titlesIn = (list: Element) => [...list.querySelectorAll('a[part~="card"]')].map((card) => part(card, 'title'));
const pictureOf = (card: Element) => card.querySelector<HTMLImageElement>('img[part="image"]');

describe('grouped cards and site icons', () => {
  expectQuietTests();

  describe('group="category"', () => {
    // The feed's order, the alphabet and the rank order of the categories all differ.
    const feed = () =>
      jsonFeed([
        item({ title: 'Oyster bars' }, { category: 'Food', score: 20 }),
        item({ title: 'Ferry timetables' }, { category: 'Travel', score: 50 }),
        item({ title: 'Letters to the editor' }, { category: undefined, score: 40 }),
        item({ title: 'Chowder recipes' }, { category: 'Food', score: 30 }),
        item({ title: 'Island hopping' }, { category: 'Travel', score: 10 }),
        item({ title: 'Crossword' }, { category: undefined, score: 5 }),
      ]);

    it('shows one list per category under its heading, in the rank order of its best card, "More" for the rest', async () => {
      const url = await serveFeed(feed());
      // What the reader sees ungrouped decides the groups: the order of their first cards.
      const { element: flat } = await renderWidget(url);
      const expected = new Map<string, string[]>();
      for (const card of cards(flat)) {
        const category = part(card, 'category') ?? 'More';
        expected.set(category, [...(expected.get(category) ?? []), part(card, 'title')!]);
      }
      expect([...expected.keys()], 'a feed whose group order is neither the alphabet nor the feed').to.deep.equal(['Travel', 'More', 'Food']);
      fixtureCleanup();

      const { element } = await renderWidget(url, { group: 'category' });
      const section = shadow(element).querySelector('section[part="section"]')!;
      const [h2, ...rest] = [...section.children];
      expect(h2!.localName).to.equal('h2');
      expect(rest.map((child) => child.localName)).to.deep.equal(['h3', 'ul', 'h3', 'ul', 'h3', 'ul']);

      const groups = [];
      for (let i = 0; i < rest.length; i += 2) {
        const [heading, list] = [rest[i]!, rest[i + 1]!];
        expect(heading.getAttribute('part')).to.equal('group-heading');
        expect(list.getAttribute('part')).to.equal('list');
        expect(list.getAttribute('role')).to.equal('list');
        expect(heading.id).not.to.equal('');
        expect(list.getAttribute('aria-labelledby'), 'each list is named by its own heading').to.equal(heading.id);
        expect(shadow(element).getElementById(heading.id) === heading, 'its id is unique').to.be.true;
        groups.push([heading.textContent, titlesIn(list)]);
      }
      expect(groups).to.deep.equal([...expected]);
      expect(titles(element)).to.have.length(6);
      await expect(element).shadowDom.to.be.accessible();
    });

    it('is off by default: one list of every card, no group headings', async () => {
      const { element } = await renderWidget(await serveFeed(feed()));
      const lists = shadow(element).querySelectorAll('ul[part="list"]');
      expect(lists.length).to.equal(1);
      expect(titlesIn(lists[0]!)).to.deep.equal(titles(element));
      expect(titles(element)).to.have.length(6);
      expect(shadow(element).querySelectorAll('h3, [part="group-heading"]').length).to.equal(0);
      await expect(element).shadowDom.to.be.accessible();
    });
  });

  describe('site icons', () => {
    it('shows the site icon on a card without a picture, and keeps a working picture', async () => {
      const [icon, unusedIcon] = [await serveIcon(), await serveIcon()];
      const picture = new URL(PICTURE, location.href).href;
      const url = await serveFeed(
        jsonFeed([
          item({ title: 'No picture' }, { site_icon: icon }),
          item({ title: 'Picture and icon', image: PICTURE }, { site_icon: unusedIcon }),
          item({ title: 'Unsafe icon' }, { site_icon: 'javascript:alert(1)' }),
          item({ title: 'Neither' }),
        ]),
      );
      const { element } = await renderWidget(url);
      const byTitle = (title: string) => cards(element).find((card) => part(card, 'title') === title)!;

      const iconImage = pictureOf(byTitle('No picture'))!;
      expect(iconImage.getAttribute('src')).to.equal(icon);
      expect(iconImage.classList.contains('icon')).to.be.true;
      expect(iconImage.alt).to.equal('');
      await iconImage.decode();
      expect(iconImage.naturalWidth).to.be.greaterThan(0);

      const withPicture = pictureOf(byTitle('Picture and icon'))!;
      expect(withPicture.getAttribute('src')).to.equal(picture);
      expect(withPicture.classList.contains('icon')).to.be.false;
      await withPicture.decode();
      expect(withPicture.getAttribute('src'), 'a picture that loads stays').to.equal(picture);
      expect(await hits(unusedIcon)).to.equal(0);

      expect(pictureOf(byTitle('Unsafe icon'))?.outerHTML).to.be.undefined;
      expect(pictureOf(byTitle('Neither'))?.outerHTML).to.be.undefined;
    });

    it('replaces a broken picture by the site icon, once, in a card of the same size', async () => {
      const [broken, icon] = [await serveBroken(), await serveIcon()];
      const url = await serveFeed(jsonFeed([item({ title: 'Broken picture', image: broken }, { site_icon: icon })]));
      const { element } = await renderWidget(url);
      const [card] = cards(element);
      const image = pictureOf(card!)!;
      // Still in the task that rendered the card: the picture cannot have failed yet.
      expect(image.getAttribute('src')).to.equal(broken);
      const iconLoaded = new Promise((resolve) => image.addEventListener('load', resolve, { once: true }));
      const before = card!.getBoundingClientRect();

      await iconLoaded;
      expect(image.getAttribute('src')).to.equal(icon);
      expect(image.classList.contains('icon')).to.be.true;
      expect(image.hasAttribute('data-icon')).to.be.false;
      expect(image.alt).to.equal('');
      const after = card!.getBoundingClientRect();
      expect(before.height).to.be.greaterThan(0);
      expect({ width: after.width, height: after.height }).to.deep.equal({ width: before.width, height: before.height });
      expect(await hits(broken)).to.equal(1);
      expect(await hits(icon)).to.equal(1);
    });

    it("shows the next item's own picture, not the icon style, in a card that showed a fallback icon", async () => {
      const [broken, icon] = [await serveBroken(), await serveIcon()];
      const picture = new URL(PICTURE, location.href).href;
      // Two stories of one sister site, with its one icon.
      const url = await serveFeed(
        jsonFeed([
          item({ title: 'Broken picture', url: 'https://blog.harbor.example/broken/', image: broken }, { site_icon: icon, score: 20 }),
          item({ title: 'Good picture', image: PICTURE }, { site_icon: icon }),
        ]),
      );
      const { element } = await renderWidget(url);
      const image = pictureOf(cards(element)[0]!)!;
      const iconLoaded = new Promise((resolve) => image.addEventListener('load', resolve, { once: true }));
      await iconLoaded;
      expect(image.classList.contains('icon'), 'the fallback happened').to.be.true;

      // The first item leaves, so the second takes its card: here by the exclude list, as
      // a changed filter, seed or refreshed feed can.
      element.setAttribute('exclude', 'https://blog.harbor.example/broken/');
      await (element as TrendingRecs).updateComplete;
      expect(titles(element)).to.deep.equal(['Good picture']);
      const shown = pictureOf(cards(element)[0]!)!;
      await shown.decode();
      // Drawn as an icon, the picture would be a small square in the middle of its box.
      expect({ src: shown.getAttribute('src'), iconStyle: shown.classList.contains('icon') }).to.deep.equal({
        src: picture,
        iconStyle: false,
      });
    });

    it('keeps the same cards in the same order when a picture fails later', async () => {
      const broken = await serveBroken();
      // Ranked again a day later, the webinar would be over and gone.
      const url = await serveFeed(
        jsonFeed([
          item({ title: 'Webinar ending soon', image: broken }, { kind: 'offer', starts_at: iso(Date.now() - HOUR), ends_at: iso(Date.now() + HOUR), score: 50 }),
          item({ title: 'Ferry timetables' }, { score: 10 }),
        ]),
      );
      const { element } = await renderWidget(url);
      expect(titles(element)).to.deep.equal(['Webinar ending soon', 'Ferry timetables']);
      const image = pictureOf(cards(element)[0]!)!;
      const realNow = Date.now;
      Date.now = () => realNow() + DAY;
      try {
        await new Promise((resolve) => image.addEventListener('error', resolve, { once: true }));
        await (element as TrendingRecs).updateComplete;
        expect(pictureOf(cards(element)[0]!), 'the broken picture, gone').to.be.null;
      } finally {
        Date.now = realNow;
      }
      expect(titles(element)).to.deep.equal(['Webinar ending soon', 'Ferry timetables']);
    });

    it('stops when the site icon is broken too: no retries, no errors, same size', async () => {
      const [brokenPicture, brokenIcon] = [await serveBroken(), await serveBroken()];
      const url = await serveFeed(jsonFeed([item({ title: 'Nothing loads', image: brokenPicture }, { site_icon: brokenIcon })]));
      const { element } = await renderWidget(url);
      const [card] = cards(element);
      const image = pictureOf(card!)!;
      const before = card!.getBoundingClientRect();
      let failures = 0;
      const bothFailed = new Promise<void>((resolve) =>
        image.addEventListener('error', () => {
          if (++failures === 2) resolve();
        }),
      );

      await bothFailed;
      // A retry would start as soon as the icon failed; give it a few frames to show.
      for (let i = 0; i < 5; i++) await nextFrame();
      expect(await hits(brokenPicture)).to.equal(1);
      expect(await hits(brokenIcon)).to.equal(1);
      expect(failures).to.equal(2);
      expect(image.getAttribute('src')).to.equal(brokenIcon);
      expect(image.hasAttribute('data-icon')).to.be.false;
      const after = card!.getBoundingClientRect();
      expect({ width: after.width, height: after.height }).to.deep.equal({ width: before.width, height: before.height });
    });
  });
});
