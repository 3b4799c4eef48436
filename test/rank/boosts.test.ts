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
  it('raises a score by at most 15%, the same way for the same seed', () => {
    for (let seed = 0; seed < 50; seed++) {
      const value = rotation(seed)(item(`x${seed}`));
      expect(value).to.be.within(1, 1.15);
      expect(rotation(seed)(item(`x${seed}`))).to.equal(value);
    }
  });
});

describe('seededUnit', () => {
  it('is stable, in [0, 1), and spreads', () => {
    expect(seededUnit('abc', 3)).to.equal(seededUnit('abc', 3));
    const values = Array.from({ length: 200 }, (_, i) => seededUnit(`id${i}`, 7));
    expect(Math.min(...values)).to.be.at.least(0);
    expect(Math.max(...values)).to.be.lessThan(1);
    expect(values.filter((v) => v < 0.5).length).to.be.within(70, 130);
  });
});
