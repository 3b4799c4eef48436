import { expect } from '@open-wc/testing';
import { EVERGREEN_FACTOR, rankScore, timeliness } from '../../src/rank/score.js';
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

describe('rankScore', () => {
  it('is (score + 1) × timeliness × each boost', () => {
    expect(rankScore(item('a', { score: 9 }), NOW, 72)).to.equal(10);
    expect(rankScore(item('a', { score: 9, published: NOW - 72 * HOUR }), NOW, 72)).to.be.closeTo(5, 1e-9);
    expect(rankScore(item('a', { score: 9 }), NOW, 72, [() => 2, () => 0.5, () => 3])).to.equal(30);
  });
});
