import { expect } from '@open-wc/testing';
import {
  CLICKED_FACTOR,
  EVERGREEN_FACTOR,
  rankScore,
  relevance,
  seededUnit,
  timeliness,
} from '../../src/rank/score.js';
import { DAY, HOUR, NOW, item } from './fixtures.js';

describe('timeliness', () => {
  it('halves every half-life for articles, EVERGREEN_FACTOR times slower for guides', () => {
    expect(timeliness(item('a', { published: NOW }), NOW, 72)).to.equal(1);
    expect(timeliness(item('a', { published: NOW - 72 * HOUR }), NOW, 72)).to.be.closeTo(0.5, 1e-9);
    expect(timeliness(item('g', { kind: 'guide', published: NOW - 72 * EVERGREEN_FACTOR * HOUR }), NOW, 72)).to.be.closeTo(0.5, 1e-9);
  });

  it('falls back to date_modified, and counts an undated item as one half-life old', () => {
    expect(timeliness(item('m', { published: undefined, modified: NOW - 24 * HOUR }), NOW, 24)).to.be.closeTo(0.5, 1e-9);
    expect(timeliness(item('u', { published: undefined }), NOW, 24)).to.be.closeTo(0.5, 1e-9);
  });

  it('treats a date in the future as now', () => {
    expect(timeliness(item('f', { published: NOW + DAY }), NOW, 72)).to.equal(1);
  });

  it('judges dated items by their date: 1 while running, rising through the last week, else 0.5', () => {
    expect(timeliness(item('e', { startsAt: NOW - DAY, endsAt: NOW + DAY }), NOW, 72)).to.equal(1);
    expect(timeliness(item('e', { startsAt: NOW + 30 * DAY }), NOW, 72)).to.equal(0.5);
    const soon = timeliness(item('e', { startsAt: NOW + DAY }), NOW, 72);
    const later = timeliness(item('e', { startsAt: NOW + 6 * DAY }), NOW, 72);
    expect(soon).to.be.greaterThan(later);
    expect(later).to.be.greaterThan(0.5);
  });
});

describe('relevance', () => {
  const keywords = new Set(['ferry', 'island', 'lanterns']);
  it('adds a quarter per matched keyword in title, tags or category, at most two', () => {
    expect(relevance(item('a', { title: 'Nothing related' }), keywords)).to.equal(1);
    expect(relevance(item('a', { title: 'The ferry' }), keywords)).to.equal(1.25);
    expect(relevance(item('a', { title: 'Ferry', tags: ['Island'], category: 'Lanterns' }), keywords)).to.equal(1.5);
  });

  it('matches whole words only', () => {
    expect(relevance(item('a', { title: 'Ferrymen strike' }), keywords)).to.equal(1);
  });
});

describe('rankScore', () => {
  const context = { now: NOW, halfLifeHours: 72, keywords: new Set<string>(), clicked: new Set<string>() };
  it('is (score + 1) × timeliness, demoted when clicked', () => {
    expect(rankScore(item('a', { score: 9 }), context)).to.equal(10);
    expect(rankScore(item('a', { score: 9 }), { ...context, clicked: new Set(['a']) })).to.equal(10 * CLICKED_FACTOR);
  });

  it('varies by at most 15% with a seed', () => {
    for (let seed = 0; seed < 50; seed++) {
      const value = rankScore(item(`x${seed}`, { score: 9 }), { ...context, seed });
      expect(value).to.be.within(10, 11.5);
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
