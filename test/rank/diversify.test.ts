import { expect } from '@open-wc/testing';
import { diversify } from '../../src/rank/diversify.js';
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
});
