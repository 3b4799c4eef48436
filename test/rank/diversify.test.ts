import { expect } from '@open-wc/testing';
import { CATEGORY_LOOKAHEAD, diversify } from '../../src/rank/diversify.js';
import { ids, item } from './fixtures.js';

const options = { limit: 10, perSite: 10, maxSponsored: 10 };

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

  it('reads a one-category feed only a bounded way, however long', () => {
    let read = 0;
    function* counted() {
      for (let i = 0; i < 5000; i++) {
        read += 1;
        yield item(`t${i}`, { site: `S${i % 3}`, category: 'Travel' });
      }
    }
    expect(diversify(counted(), { ...options, limit: 12 })).to.have.length(12);
    expect(read).to.be.below(12 + 2 * CATEGORY_LOOKAHEAD);
  });
});
