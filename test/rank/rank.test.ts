import { expect } from '@open-wc/testing';
import { clickedPenalty, contextBoost, rotation } from '../../src/rank/boosts.js';
import { fromSites, inCategories, ofKinds } from '../../src/rank/filters.js';
import { ITEMS_PER_RANK_STEP, isOver, rankItems, rankItemsInSteps } from '../../src/rank/rank.js';
import { DAY, HOUR, NOW, fromSite, ids, item } from './fixtures.js';

const sites = ['Harbor Blog', 'Harbor Guides', 'Harbor Events', 'Harbor Daily'];
/** Items spread over sites and categories, so diversity rules do not get in the way. */
const spread = (id: string, index: number, fields = {}) =>
  item(id, { site: sites[index % 4]!, category: `C${index}`, ...fields });

describe('rankItems', () => {
  it('orders by score, ties by newest', () => {
    const items = [
      spread('low', 0, { score: 1 }),
      spread('old', 1, { score: 5, published: NOW - 5 * HOUR }),
      spread('new', 2, { score: 5, published: NOW - HOUR }),
      spread('top', 3, { score: 9 }),
    ];
    expect(ids(rankItems(items, { now: NOW, limit: 10, perSite: 10 }))).to.deep.equal(['top', 'new', 'old', 'low']);
  });

  it('cuts to the limit', () => {
    const items = Array.from({ length: 20 }, (_, i) => spread(`i${i}`, i, { score: i }));
    expect(ids(rankItems(items, { now: NOW, limit: 3 }))).to.deep.equal(['i19', 'i18', 'i17']);
  });

  describe('freshness', () => {
    it('halves a score every half-life', () => {
      const items = [spread('fresh', 0, { score: 10 }), spread('two-days', 1, { score: 25, published: NOW - 48 * HOUR })];
      // 11 × 1 against 26 × 0.5^(48/72) = 16.4, then 26 × 0.5^(48/12) = 1.6.
      expect(ids(rankItems(items, { now: NOW, limit: 2 }))).to.deep.equal(['two-days', 'fresh']);
      expect(ids(rankItems(items, { now: NOW, limit: 2, halfLifeHours: 12 }))).to.deep.equal(['fresh', 'two-days']);
    });

    it('lets guides age more slowly than articles', () => {
      const published = NOW - 10 * DAY;
      const items = [spread('article', 0, { score: 50, published }), spread('guide', 1, { score: 50, published, kind: 'guide' })];
      expect(ids(rankItems(items, { now: NOW, limit: 2 }))).to.deep.equal(['guide', 'article']);
    });

    it('drops undated items older than max-age, but not upcoming events', () => {
      const items = [
        spread('recent', 0, { published: NOW - 2 * DAY }),
        spread('ancient', 1, { published: NOW - 40 * DAY, score: 999 }),
        spread('event', 2, { published: NOW - 40 * DAY, kind: 'event', startsAt: NOW + DAY }),
      ];
      expect(ids(rankItems(items, { now: NOW, limit: 5, maxAgeDays: 30 }))).to.have.members(['recent', 'event']);
      expect(ids(rankItems(items, { now: NOW, limit: 5 }))).to.include('ancient');
    });
  });

  describe('events', () => {
    it('hides events that are over, by end or else by start, and keeps running ones', () => {
      const items = [
        spread('ended', 0, { kind: 'event', startsAt: NOW - 5 * HOUR, endsAt: NOW - HOUR }),
        spread('running', 1, { kind: 'event', startsAt: NOW - 5 * DAY, endsAt: NOW + DAY }),
        spread('started', 2, { kind: 'event', startsAt: NOW - HOUR }),
        spread('upcoming', 3, { kind: 'event', startsAt: NOW + HOUR }),
      ];
      expect(ids(rankItems(items, { now: NOW, limit: 10 }))).to.have.members(['running', 'upcoming']);
    });

    it('boosts events the closer they are, and not those far ahead', () => {
      const event = (id: string, i: number, days: number) => spread(id, i, { kind: 'event', score: 10, startsAt: NOW + days * DAY });
      const items = [event('in-60-days', 0, 60), event('in-5-days', 1, 5), event('tomorrow', 2, 1), event('in-20-days', 3, 20)];
      const ranked = ids(rankItems(items, { now: NOW, limit: 4 }));
      expect(ranked.slice(0, 2)).to.deep.equal(['tomorrow', 'in-5-days']);
      expect(ranked.slice(2)).to.have.members(['in-60-days', 'in-20-days']);
    });
  });

  describe('diversity', () => {
    it('fills the block from a feed of one site', () => {
      const items = fromSite('Blog', 12);
      expect(ids(rankItems(items, { now: NOW, limit: 3 }))).to.deep.equal(['blog1', 'blog2', 'blog3']);
      expect(rankItems(items, { now: NOW, limit: 6 })).to.have.length(6);
    });

    it('never shows more than per-site from one site, even to fill the block', () => {
      const items = fromSite('Blog', 12);
      expect(rankItems(items, { now: NOW, limit: 3, perSite: 1 })).to.have.length(1);
      items.push(item('guide', { site: 'Guides', published: NOW - DAY }));
      expect(ids(rankItems(items, { now: NOW, limit: 6, perSite: 2 }))).to.deep.equal(['blog1', 'guide', 'blog2']);
    });

    it('prefers other sites over a third of limit from one, then fills from it', () => {
      // The blog holds the best twelve items; two other sites have two weaker ones each.
      const items = [...fromSite('Blog', 12, { score: 10 }), ...fromSite('Guides', 2, { score: 5 }), ...fromSite('Events', 2)];
      // Without the preference blog3 would come before events1.
      expect(ids(rankItems(items, { now: NOW, limit: 6 }))).to.deep.equal(['blog1', 'guides1', 'blog2', 'guides2', 'events1', 'events2']);
      expect(ids(rankItems(items, { now: NOW, limit: 9 }))).to.deep.equal(['blog1', 'guides1', 'blog2', 'guides2', 'blog3', 'events1', 'events2', 'blog4', 'blog5']);
    });

    it('interleaves a feed of two sites to the end of the block', () => {
      const items = [...fromSite('Blog', 6, { score: 10 }), ...fromSite('Guides', 6)];
      expect(ids(rankItems(items, { now: NOW, limit: 6 }))).to.deep.equal(['blog1', 'guides1', 'blog2', 'guides2', 'blog3', 'guides3']);
    });

    it('never puts two cards of one site side by side when another choice exists', () => {
      const items = [
        item('b1', { score: 9 }),
        item('b2', { score: 8 }),
        item('b3', { score: 7 }),
        item('g1', { score: 1, site: 'Harbor Guides' }),
        item('e1', { score: 0, site: 'Harbor Events' }),
      ];
      const ranked = rankItems(items, { now: NOW, limit: 5, perSite: 5 });
      expect(ids(ranked)).to.deep.equal(['b1', 'g1', 'b2', 'e1', 'b3']);
    });

    it('prefers a change of category too', () => {
      const items = [
        item('a', { score: 9, category: 'Food' }),
        item('b', { score: 8, category: 'Food', site: 'Harbor Guides' }),
        item('c', { score: 7, category: 'Music', site: 'Harbor Events' }),
      ];
      expect(ids(rankItems(items, { now: NOW, limit: 3 }))).to.deep.equal(['a', 'c', 'b']);
    });

    it('shows at most one sponsored card per six, never first, never two in a row', () => {
      const items = [
        spread('s1', 0, { sponsored: true, score: 100 }),
        spread('s2', 1, { sponsored: true, score: 99 }),
        spread('s3', 2, { sponsored: true, score: 98 }),
        ...Array.from({ length: 10 }, (_, i) => spread(`a${i}`, i + 3, { score: 50 - i })),
      ];
      const ranked = rankItems(items, { now: NOW, limit: 12 });
      const positions = ranked.flatMap((it, i) => (it.sponsored ? [i] : []));
      expect(positions).to.deep.equal([1, 3]);
      expect(rankItems(items, { now: NOW, limit: 6 }).filter((i) => i.sponsored)).to.have.length(1);
      expect(rankItems(items, { now: NOW, limit: 12, maxSponsored: 0 }).filter((i) => i.sponsored)).to.have.length(0);
    });

    it('shows no sponsored card when it would have to be first', () => {
      expect(rankItems([spread('s', 0, { sponsored: true })], { now: NOW, limit: 6 })).to.deep.equal([]);
    });
  });

  describe('duplicates', () => {
    it('are shown once, by id, normalised URL or folded title, keeping the best-scored copy', () => {
      const items = [
        spread('a', 0, { score: 1 }),
        spread('a', 1, { score: 3, title: 'best a' }),
        spread('b', 2, { score: 2, url: 'http://www.blog.harbor.example/shared?utm_source=x&fbclid=1' }),
        spread('c', 3, { score: 5, url: 'https://blog.harbor.example/shared/#top' }),
        spread('d', 4, { score: 4, title: '  Ferry  TIMES ' }),
        spread('e', 5, { score: 0, title: 'ferry times' }),
      ];
      const ranked = rankItems(items, { now: NOW, limit: 10 });
      expect(ids(ranked)).to.deep.equal(['c', 'd', 'a']);
      expect(ranked[2]!.title).to.equal('best a');
    });
  });

  describe('filters', () => {
    const items = [
      item('food', { category: 'Food', site: 'Harbor Blog', score: 3 }),
      item('music', { category: 'Music', site: 'Harbor Events', kind: 'event', score: 2 }),
      item('guide', { category: 'Travel', site: 'Harbor Guides', kind: 'guide', score: 1 }),
    ];
    it('keeps only items that pass every filter', () => {
      const rank = (filters: ((i: (typeof items)[number]) => boolean)[]) =>
        ids(rankItems(items, { now: NOW, limit: 5, filters })).sort();
      expect(rank([inCategories(['food', 'music'])])).to.deep.equal(['food', 'music']);
      expect(rank([inCategories(['food', 'music']), ofKinds(['event'])])).to.deep.equal(['music']);
      expect(rank([fromSites(['harbor guides'])])).to.deep.equal(['guide']);
      expect(rank([])).to.deep.equal(['food', 'guide', 'music']);
    });
  });

  describe('context', () => {
    it('boosts items about the page, boundedly', () => {
      const items = [
        spread('plain', 0, { score: 10 }),
        spread('related', 1, { score: 8, title: 'Ferry timetable for Gull Island', tags: ['ferries'] }),
        spread('stale-related', 2, { score: 30, title: 'Ferry Gull Island history', published: NOW - 10 * DAY }),
      ];
      const boosts = [contextBoost(['ferry', 'gull', 'island'])];
      expect(ids(rankItems(items, { now: NOW, limit: 3 }))).to.deep.equal(['plain', 'related', 'stale-related']);
      expect(ids(rankItems(items, { now: NOW, limit: 3, boosts }))).to.deep.equal(['related', 'plain', 'stale-related']);
    });
  });

  describe('variety', () => {
    it('demotes items the reader already clicked', () => {
      const items = [spread('clicked', 0, { score: 10 }), spread('other', 1, { score: 5 })];
      expect(ids(rankItems(items, { now: NOW, limit: 2, boosts: [clickedPenalty(['clicked'])] }))).to.deep.equal(['other', 'clicked']);
    });

    it('rotates near-equal items between seeds, deterministically, and leaves clear leads alone', () => {
      const items = Array.from({ length: 8 }, (_, i) => spread(`n${i}`, i, { score: 100 }));
      items.push(spread('leader', 8, { score: 1000 }));
      const orders = new Set<string>();
      for (let seed = 1; seed <= 10; seed++) {
        const ranked = ids(rankItems(items, { now: NOW, limit: 9, boosts: [rotation(seed)] }));
        expect(ranked[0]).to.equal('leader');
        expect(ids(rankItems(items, { now: NOW, limit: 9, boosts: [rotation(seed)] }))).to.deep.equal(ranked);
        orders.add(ranked.join());
      }
      expect(orders.size).to.be.greaterThan(5);
    });
  });

  it('never shows excluded URLs', () => {
    const items = [spread('here', 0, { score: 9 }), spread('other', 1)];
    expect(ids(rankItems(items, { now: NOW, limit: 10, exclude: ['http://BLOG.harbor.example/here#x'] }))).to.deep.equal(['other']);
  });

  it('does not change its input', () => {
    const items = [spread('a', 0, { score: 1 }), spread('b', 1, { score: 2 })];
    rankItems(items, { now: NOW, limit: 10 });
    expect(ids(items)).to.deep.equal(['a', 'b']);
  });
});

describe('rankItemsInSteps', () => {
  it('pauses between every ITEMS_PER_RANK_STEP items scored and chooses what rankItems chooses', () => {
    const count = 2 * ITEMS_PER_RANK_STEP + 1;
    const items = Array.from({ length: count }, (_, i) => spread(`i${i}`, i, { score: (i * 7) % 101 }));
    const options = { now: NOW, limit: 12 };
    const steps = rankItemsInSteps(items, options);
    let pauses = 0;
    let step;
    while (!(step = steps.next()).done) pauses++;
    expect(pauses).to.equal(2);
    expect(ids(step.value)).to.deep.equal(ids(rankItems(items, options)));
    expect(step.value).to.have.length(12);
  });
});

describe('isOver', () => {
  it('is true only once the last known moment has passed', () => {
    expect(isOver(item('x', { startsAt: NOW - 1 }), NOW)).to.be.true;
    expect(isOver(item('x', { startsAt: NOW - 1, endsAt: NOW + 1 }), NOW)).to.be.false;
    expect(isOver(item('x'), NOW)).to.be.false;
  });
});
