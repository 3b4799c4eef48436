import { expect } from '@open-wc/testing';
import { CLICKED_FACTOR, clickedPenalty, contextBoost, rotation, seededUnit } from '../../src/rank/boosts.js';
import { item } from './fixtures.js';

describe('contextBoost', () => {
  const boost = contextBoost(['ferry', 'island', 'lanterns']);
  it('adds a quarter per matched keyword in title, tags or category, at most two', () => {
    expect(boost(item('a', { title: 'Nothing related' }))).to.equal(1);
    expect(boost(item('a', { title: 'The ferry' }))).to.equal(1.25);
    expect(boost(item('a', { title: 'Ferry', tags: ['Island'], category: 'Lanterns' }))).to.equal(1.5);
  });

  it('matches whole words only, and does nothing without keywords', () => {
    expect(boost(item('a', { title: 'Ferrymen strike' }))).to.equal(1);
    expect(contextBoost([])(item('a', { title: 'The ferry' }))).to.equal(1);
  });
});

describe('clickedPenalty', () => {
  it('demotes only clicked ids', () => {
    const penalty = clickedPenalty(['a']);
    expect(penalty(item('a'))).to.equal(CLICKED_FACTOR);
    expect(penalty(item('b'))).to.equal(1);
  });
});

describe('rotation', () => {
  const items = Array.from({ length: 100 }, (_, i) => item(`x${i}`));

  it('leaves every score alone for seed 0', () => {
    expect(new Set(items.map(rotation(0)))).to.deep.equal(new Set([1]));
  });

  it('raises scores by up to 15%, spread over that range, the same way for the same seed', () => {
    for (const seed of [1, 2, 99]) {
      const values = items.map(rotation(seed));
      expect(Math.min(...values)).to.be.within(1, 1.02);
      expect(Math.max(...values)).to.be.within(1.13, 1.15);
      expect(items.map(rotation(seed))).to.deep.equal(values);
    }
  });

  it('gives an item another raise under another seed', () => {
    const raises = new Set(Array.from({ length: 20 }, (_, seed) => rotation(seed + 1)(item('x'))));
    expect(raises.size).to.equal(20);
  });
});

describe('seededUnit', () => {
  it('is stable, and spreads ids evenly over [0, 1)', () => {
    expect(seededUnit('abc', 3)).to.equal(seededUnit('abc', 3));
    const values = Array.from({ length: 200 }, (_, i) => seededUnit(`id${i}`, 7));
    const perTenth = Array.from({ length: 10 }, (_, tenth) => values.filter((v) => v >= tenth / 10 && v < (tenth + 1) / 10).length);
    // 20 expected per tenth; every value lands in some tenth, so none fell outside [0, 1).
    expect(perTenth.reduce((a, b) => a + b)).to.equal(200);
    for (const count of perTenth) expect(count).to.be.within(5, 40);
  });

  it('spreads ids that differ only in their last character', () => {
    // In one FNV pass post-1001 … post-1009 all fell within 0.06 of each other, whatever the seed.
    for (const seed of [1, 2, 3]) {
      const values = Array.from({ length: 9 }, (_, i) => seededUnit(`post-100${i + 1}`, seed));
      expect(Math.max(...values) - Math.min(...values)).to.be.greaterThan(0.5);
    }
  });
});
