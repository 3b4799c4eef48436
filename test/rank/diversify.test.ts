import { expect } from '@open-wc/testing';
import type { TrendingItem } from '../../src/feed/types.js';
import { CATEGORY_LOOKAHEAD, diversify } from '../../src/rank/diversify.js';
import { ids, item, fromSite } from './fixtures.js';

const options = { limit: 10, maxSponsored: 10 };

describe('diversify', () => {
  it('keeps the given order when the mix is already varied', () => {
    const ordered = [item('a', { site: 'A' }), item('b', { site: 'B' }), item('c', { site: 'A' })];
    expect(ids(diversify(ordered, options))).to.deep.equal(['a', 'b', 'c']);
  });

  it('pulls the best item of another site forward, and falls back to the same site when none is left', () => {
    const ordered = [item('a1', { site: 'A' }), item('a2', { site: 'A' }), item('a3', { site: 'A' }), item('b1', { site: 'B' })];
    expect(ids(diversify(ordered, options))).to.deep.equal(['a1', 'b1', 'a2', 'a3']);
  });

  it('compares sites case-insensitively', () => {
    const ordered = [item('a1', { site: 'Harbor Blog' }), item('a2', { site: 'harbor blog' })];
    expect(ids(diversify(ordered, { ...options, perSite: 1 }))).to.deep.equal(['a1']);
    expect(ids(diversify(ordered, { ...options, preferredPerSite: 1 }))).to.deep.equal(['a1', 'a2']);
  });

  it('holds a sponsored item back until a plain one precedes it', () => {
    const ordered = [item('s1', { site: 'S', sponsored: true }), item('s2', { site: 'T', sponsored: true }), item('a', { site: 'A' }), item('b', { site: 'B' })];
    expect(ids(diversify(ordered, options))).to.deep.equal(['a', 's1', 'b', 's2']);
  });

  it('prefers another category too, looking a bounded way ahead for one', () => {
    const sameCategory = (n: number, from = 0) =>
      Array.from({ length: n }, (_, i) => item(`t${from + i}`, { site: `S${(from + i) % 2}`, category: 'Travel' }));
    const near = [...sameCategory(10), item('food', { site: 'S9', category: 'Food' })];
    expect(ids(diversify(near, { ...options, limit: 2 }))).to.deep.equal(['t0', 'food']);

    const far = [...sameCategory(CATEGORY_LOOKAHEAD + 10), item('food', { site: 'S9', category: 'Food' })];
    expect(ids(diversify(far, { ...options, limit: 2 }))).to.deep.equal(['t0', 't1']);
  });

  describe('per site', () => {
    // Site A holds the three best items; B and C have one each.
    const ordered = [...fromSite('A', 3), ...fromSite('B', 1), ...fromSite('C', 1)];

    it('takes other sites first under the soft cap, then fills from the site over it', () => {
      // Without a cap a2 would follow b1, being better than c1.
      expect(ids(diversify(ordered, { ...options, limit: 4, preferredPerSite: 1 }))).to.deep.equal(['a1', 'b1', 'c1', 'a2']);
      expect(ids(diversify(ordered, { ...options, preferredPerSite: 1 }))).to.deep.equal(['a1', 'b1', 'c1', 'a2', 'a3']);
    });

    it('never breaks the hard cap, with or without a soft one', () => {
      expect(ids(diversify(ordered, { ...options, perSite: 1 }))).to.deep.equal(['a1', 'b1', 'c1']);
      expect(ids(diversify(ordered, { ...options, perSite: 2, preferredPerSite: 1 }))).to.deep.equal(['a1', 'b1', 'c1', 'a2']);
    });

    it('fills a block from one site under the soft cap alone', () => {
      expect(ids(diversify(fromSite('A', 8), { ...options, limit: 6, preferredPerSite: 2 }))).to.deep.equal(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    });

    it('still interleaves sites while filling', () => {
      const twoSites = [...fromSite('A', 6), ...fromSite('B', 3)];
      // Taking the best left in order would give a1 b1 a2 a3 a4 a5.
      expect(ids(diversify(twoSites, { ...options, limit: 6, preferredPerSite: 1 }))).to.deep.equal(['a1', 'b1', 'a2', 'b2', 'a3', 'b3']);
    });

    it('still prefers another category while filling', () => {
      const food = (id: string, site: string) => item(id, { site, category: 'Food' });
      const music = (id: string, site: string) => item(id, { site, category: 'Music' });
      const twoSites = [food('a1', 'A'), food('b1', 'B'), food('a2', 'A'), food('a3', 'A'), music('a4', 'A')];
      // After b1 (Food), the fill passes over a2 and a3 (Food) for a4 (Music).
      expect(ids(diversify(twoSites, { ...options, limit: 3, preferredPerSite: 1 }))).to.deep.equal(['a1', 'b1', 'a4']);
    });

    it('keeps the sponsored rules while filling', () => {
      const ordered = [item('p1', { site: 'A' }), item('s1', { site: 'A', sponsored: true }), item('s2', { site: 'A', sponsored: true }), item('s3', { site: 'A', sponsored: true }), item('p2', { site: 'A' }), item('p3', { site: 'A' })];
      expect(ids(diversify(ordered, { limit: 6, maxSponsored: 2, preferredPerSite: 1 }))).to.deep.equal(['p1', 's1', 'p2', 's2', 'p3']);
      expect(ids(diversify(ordered, { limit: 6, maxSponsored: 0, preferredPerSite: 1 }))).to.deep.equal(['p1', 'p2', 'p3']);
    });
  });

  describe('cost', () => {
    /** `count` items of `sites` in turn and one category, counting how many are read and how often a site is asked for. */
    const counted = (count: number, sites: number) => {
      const reads = { items: 0, sites: 0 };
      function* source(): Generator<TrendingItem> {
        for (let i = 0; i < count; i++) {
          reads.items += 1;
          const read = item(`t${i}`, { category: 'Travel' });
          const site = `S${i % sites}`;
          yield Object.defineProperty(read, 'site', { get: () => ((reads.sites += 1), site) });
        }
      }
      return { source: source(), reads };
    };

    it('reads a one-category feed only a bounded way, however long', () => {
      const { source, reads } = counted(5000, 3);
      expect(diversify(source, { ...options, limit: 12, perSite: 10 })).to.have.length(12);
      expect(reads.items).to.be.below(12 + 2 * CATEGORY_LOOKAHEAD);
    });

    it('reads as far into a long one-category feed as into a short one under the soft cap', () => {
      const readOf = (length: number) => {
        const { source, reads } = counted(length, 3);
        expect(diversify(source, { ...options, limit: 12, preferredPerSite: 4 })).to.have.length(12);
        return reads.items;
      };
      // Sites at the soft cap are passed over while looking ahead: up to the lookahead per site.
      const read = readOf(5000);
      expect(read).to.equal(readOf(1000));
      expect(read).to.be.at.most(12 + 3 * (CATEGORY_LOOKAHEAD + 1));
    });

    it('reads a one-site feed once to fill the block, not once per card', () => {
      const { source, reads } = counted(5000, 1);
      expect(diversify(source, { ...options, limit: 30, preferredPerSite: 10 })).to.have.length(30);
      // Each item is looked at a few times at most; once per card would be 30 × 5,000.
      expect(reads.sites).to.be.below(3 * 5000);
    });
  });
});
