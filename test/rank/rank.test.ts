import { expect } from '@open-wc/testing';
import type { TrendingItem } from '../../src/feed/types.js';
import { isOver, rankItems } from '../../src/rank/rank.js';

const NOW = Date.UTC(2026, 10, 24, 12);
const HOUR = 3_600_000;

const item = (id: string, fields: Partial<TrendingItem> = {}): TrendingItem => ({
  id,
  url: `https://blog.harbor.example/${id}/`,
  title: `Title ${id}`,
  site: 'Harbor Blog',
  tags: [],
  kind: 'article',
  score: 0,
  sponsored: false,
  ...fields,
});

const ids = (items: TrendingItem[]) => items.map((i) => i.id);

describe('rankItems', () => {
  it('orders by score, ties by newest', () => {
    const items = [
      item('low', { score: 1 }),
      item('old', { score: 5, published: NOW - 5 * HOUR }),
      item('new', { score: 5, published: NOW - HOUR }),
      item('top', { score: 9 }),
      item('none'),
    ];
    expect(ids(rankItems(items, { now: NOW, limit: 10 }))).to.deep.equal(['top', 'new', 'old', 'low', 'none']);
  });

  it('falls back to date_modified for ties', () => {
    const items = [item('a', { modified: NOW - 3 * HOUR }), item('b', { modified: NOW - HOUR })];
    expect(ids(rankItems(items, { now: NOW, limit: 10 }))).to.deep.equal(['b', 'a']);
  });

  it('cuts to the limit', () => {
    const items = Array.from({ length: 20 }, (_, i) => item(`i${i}`, { score: i }));
    expect(ids(rankItems(items, { now: NOW, limit: 3 }))).to.deep.equal(['i19', 'i18', 'i17']);
  });

  it('hides events that are over, by end or else by start', () => {
    const items = [
      item('ended', { kind: 'event', startsAt: NOW - 5 * HOUR, endsAt: NOW - HOUR }),
      item('running', { kind: 'event', startsAt: NOW - 5 * HOUR, endsAt: NOW + HOUR }),
      item('started', { kind: 'event', startsAt: NOW - HOUR }),
      item('upcoming', { kind: 'event', startsAt: NOW + HOUR }),
      item('undated', { kind: 'event' }),
    ];
    expect(ids(rankItems(items, { now: NOW, limit: 10 }))).to.have.members(['running', 'upcoming', 'undated']);
  });

  it('shows an item once, by id or by normalised URL, keeping the best-scored copy', () => {
    const items = [
      item('a', { score: 1 }),
      item('a', { score: 3, title: 'best a' }),
      item('b', { score: 2, url: 'http://blog.harbor.example/shared?utm_source=x' }),
      item('c', { score: 5, url: 'https://blog.harbor.example/shared/#top' }),
    ];
    const ranked = rankItems(items, { now: NOW, limit: 10 });
    expect(ids(ranked)).to.deep.equal(['c', 'a']);
    expect(ranked[1]!.title).to.equal('best a');
  });

  it('never shows excluded URLs', () => {
    const items = [item('here', { score: 9 }), item('other')];
    const ranked = rankItems(items, { now: NOW, limit: 10, exclude: ['http://BLOG.harbor.example/here#x'] });
    expect(ids(ranked)).to.deep.equal(['other']);
  });

  it('does not change its input', () => {
    const items = [item('a', { score: 1 }), item('b', { score: 2 })];
    rankItems(items, { now: NOW, limit: 10 });
    expect(ids(items)).to.deep.equal(['a', 'b']);
  });
});

describe('isOver', () => {
  it('is true only once the last known moment has passed', () => {
    expect(isOver(item('x', { startsAt: NOW - 1 }), NOW)).to.be.true;
    expect(isOver(item('x', { startsAt: NOW - 1, endsAt: NOW + 1 }), NOW)).to.be.false;
    expect(isOver(item('x'), NOW)).to.be.false;
  });
});
