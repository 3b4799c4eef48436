import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { TrendingItem } from '../../src/feed/types.js';
import { normalizeUrl } from '../../src/feed/urls.js';
import { clickedPenalty, contextBoost, rotation } from '../../src/rank/boosts.js';
import { inCategories } from '../../src/rank/filters.js';
import { isOver, rankItems, type RankOptions } from '../../src/rank/rank.js';
import { DAY, NOW } from './fixtures.js';

// Small pools, so random feeds are full of shared ids, URLs, titles and sites.
const itemArbitrary: fc.Arbitrary<TrendingItem> = fc
  .record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j').chain((p) => fc.nat(60).map((n) => `${p}${n}`)),
    path: fc.nat(300),
    title: fc.constantFrom('Ferry times', 'ferry  TIMES', 'Lanterns', 'Oysters', 'Storm', 'Market').chain((t) =>
      fc.oneof(fc.constant(t), fc.nat(500).map((n) => `${t} ${n}`)),
    ),
    site: fc.constantFrom('Blog', 'Guides', 'Events', 'Daily', 'Partner'),
    category: fc.option(fc.constantFrom('Food', 'Travel', 'Music', 'News'), { nil: undefined }),
    kind: fc.constantFrom('article', 'guide', 'event', 'offer') as fc.Arbitrary<TrendingItem['kind']>,
    score: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1000, noNaN: true })),
    sponsored: fc.boolean(),
    published: fc.option(fc.integer({ min: NOW - 60 * DAY, max: NOW }), { nil: undefined }),
    startsAt: fc.option(fc.integer({ min: NOW - 10 * DAY, max: NOW + 90 * DAY }), { nil: undefined }),
    length: fc.option(fc.integer({ min: 0, max: 5 * DAY }), { nil: undefined }),
  })
  .map(({ path, length, startsAt, published, category, ...rest }) => {
    const item: TrendingItem = { ...rest, url: `https://${rest.site.toLowerCase()}.example/p/${path}`, tags: [] };
    if (category) item.category = category;
    if (published !== undefined) item.published = published;
    if (startsAt !== undefined) item.startsAt = startsAt;
    if (startsAt !== undefined && length !== undefined) item.endsAt = startsAt + length;
    return item;
  });

const optionsArbitrary = fc
  .record(
    {
      limit: fc.integer({ min: 1, max: 30 }),
      perSite: fc.integer({ min: 1, max: 10 }),
      maxSponsored: fc.integer({ min: 0, max: 5 }),
      seed: fc.nat(),
      halfLifeHours: fc.integer({ min: 1, max: 500 }),
      keywords: fc.subarray(['ferry', 'times', 'lanterns', 'food', 'music']),
      clicked: fc.array(fc.constantFrom('a1', 'b2', 'c3', 'd4')),
      categories: fc.subarray(['Food', 'Travel', 'Music', 'News'], { minLength: 1 }),
    },
    { requiredKeys: ['limit'] },
  )
  .map(({ seed, keywords, clicked, categories, ...options }) => {
    const boosts = [];
    if (seed !== undefined) boosts.push(rotation(seed));
    if (keywords) boosts.push(contextBoost(keywords));
    if (clicked) boosts.push(clickedPenalty(clicked));
    return { ...options, boosts, filters: categories ? [inCategories(categories)] : [] };
  });

const feeds = fc.array(itemArbitrary, { maxLength: 1000 });
const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
/** How many of `items` each site has. */
const countBySite = (items: readonly TrendingItem[]) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.site, (counts.get(item.site) ?? 0) + 1);
  return counts;
};

describe('rankItems, on random feeds of up to 1,000 items', () => {
  const run = (items: TrendingItem[], options: Partial<RankOptions> & { limit: number }) =>
    rankItems(items, { now: NOW, ...options });

  it('never exceeds limit, and returns only input items, none of them over', () => {
    fc.assert(
      fc.property(feeds, optionsArbitrary, (items, options) => {
        const ranked = run(items, options);
        expect(ranked.length).to.be.at.most(options.limit);
        for (const item of ranked) {
          expect(items).to.include(item);
          expect(isOver(item, NOW)).to.be.false;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never shows a duplicate id, URL or title', () => {
    fc.assert(
      fc.property(feeds, optionsArbitrary, (items, options) => {
        const ranked = run(items, options);
        for (const key of [(i: TrendingItem) => i.id, (i: TrendingItem) => normalizeUrl(i.url), (i: TrendingItem) => fold(i.title)]) {
          expect(new Set(ranked.map(key)).size).to.equal(ranked.length);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never breaks an explicit per-site or the sponsored rules', () => {
    fc.assert(
      fc.property(feeds, optionsArbitrary, (items, options) => {
        const ranked = run(items, options);
        const maxSponsored = options.maxSponsored ?? Math.ceil(options.limit / 6);
        if (options.perSite !== undefined) expect(Math.max(0, ...countBySite(ranked).values())).to.be.at.most(options.perSite);
        expect(ranked.filter((i) => i.sponsored).length).to.be.at.most(maxSponsored);
        expect(ranked[0]?.sponsored ?? false).to.be.false;
        ranked.forEach((item, i) => expect(item.sponsored && ranked[i - 1]?.sponsored).to.not.be.true);
      }),
      { numRuns: 60 },
    );
  });

  it('fills limit whenever enough compliant items exist', () => {
    // Distinct sites, ids, URLs and titles; no sponsored items and no events: nothing may be held back.
    const compliant = fc.uniqueArray(fc.nat(10_000), { minLength: 1, maxLength: 300 }).map((ns) =>
      ns.map((n): TrendingItem => ({
        id: `x${n}`,
        url: `https://s${n}.example/`,
        title: `Story ${n}`,
        site: `Site ${n}`,
        tags: [],
        kind: 'article',
        score: n % 97,
        sponsored: false,
        published: NOW - (n % 50) * DAY,
      })),
    );
    fc.assert(
      fc.property(compliant, fc.integer({ min: 1, max: 40 }), (items, limit) => {
        expect(run(items, { limit })).to.have.length(Math.min(limit, items.length));
      }),
      { numRuns: 60 },
    );
  });

  describe('on feeds of distinct items from one to four sites', () => {
    // Nothing is a duplicate, over or filtered out: only the per-site and sponsored rules hold items back.
    const record = fc.record({
      site: fc.nat(3),
      category: fc.option(fc.constantFrom('Food', 'Travel'), { nil: undefined }),
      score: fc.nat(100),
      sponsored: fc.boolean(),
    });
    const fewSites = (maxLength: number) =>
      fc.tuple(fc.integer({ min: 1, max: 4 }), fc.array(record, { maxLength })).map(([sites, records]) =>
        records.map(({ site, category, ...rest }, n): TrendingItem => {
          const item: TrendingItem = {
            ...rest,
            id: `x${n}`,
            url: `https://s${n}.example/`,
            title: `Story ${n}`,
            site: `Site ${site % sites}`,
            tags: [],
            kind: 'article',
            published: NOW,
          };
          if (category) item.category = category;
          return item;
        }),
      );
    // Small blocks make a site's share small, which is where the per-site rules bite.
    const limits = fc.integer({ min: 1, max: 12 });
    const maxSponsoreds = fc.integer({ min: 0, max: 5 });

    it('without per-site, shows every plain item up to limit, and sponsored ones only as the rules allow', () => {
      fc.assert(
        fc.property(fewSites(300), limits, maxSponsoreds, (items, limit, maxSponsored) => {
          const plain = items.filter((i) => !i.sponsored).length;
          const sponsored = items.length - plain;
          const ranked = run(items, { limit, maxSponsored });
          expect(ranked.length).to.be.at.least(Math.min(limit, plain));
          // Each sponsored card needs a plain one before it.
          expect(ranked.length).to.be.at.most(Math.min(limit, plain + Math.min(sponsored, maxSponsored, plain)));
          expect(run(items, { limit, maxSponsored: 0 })).to.have.length(Math.min(limit, plain));
        }),
        { numRuns: 80 },
      );
    });

    it('without per-site, shows more than a third of limit from a site only when no other site has a plain item left', () => {
      fc.assert(
        fc.property(fewSites(20), limits, maxSponsoreds, (items, limit, maxSponsored) => {
          const ranked = run(items, { limit, maxSponsored });
          const share = Math.ceil(limit / 3);
          const shown = countBySite(ranked);
          if (Math.max(0, ...shown.values()) <= share) return;
          for (const left of items.filter((i) => !i.sponsored && !ranked.includes(i))) {
            expect(shown.get(left.site) ?? 0).to.be.at.least(share);
          }
        }),
        { numRuns: 300 },
      );
    });

    it('with per-site, shows as many items as it allows, and never more from one site', () => {
      fc.assert(
        fc.property(fewSites(300), limits, fc.integer({ min: 1, max: 10 }), (items, limit, cap) => {
          const plain = items.filter((i) => !i.sponsored);
          const ranked = run(plain, { limit, perSite: cap });
          expect(Math.max(0, ...countBySite(ranked).values())).to.be.at.most(cap);
          const allowed = [...countBySite(plain).values()].reduce((sum, count) => sum + Math.min(count, cap), 0);
          expect(ranked).to.have.length(Math.min(limit, allowed));
        }),
        { numRuns: 80 },
      );
    });
  });

  it('gives the same output for the same input and seed', () => {
    fc.assert(
      fc.property(feeds, optionsArbitrary, (items, options) => {
        expect(run(items, options)).to.deep.equal(run([...items], { ...options }));
      }),
      { numRuns: 30 },
    );
  });
});
