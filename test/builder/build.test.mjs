import assert from 'node:assert/strict';
import { readFile, writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { beacon, event, run, send, startCollector, tempDir } from '../collector/support.mjs';
import { feedServer } from './feed-server.mjs';

let server;
before(async () => (server = await feedServer()));
after(() => server.close());

/** Writes a network.json in a fresh folder; returns the paths to build with. */
async function network(sites, more = {}) {
  const dir = await tempDir();
  const config = join(dir, 'network.json');
  await writeFile(config, JSON.stringify({ title: 'Harbor Network', home_page_url: 'https://harbor.example/', sites, ...more }));
  return { dir, config, out: join(dir, 'trending.json') };
}

const site = (name, feeds, more = {}) => ({ name, url: `https://${name.toLowerCase().replace(/\W+/g, '-')}.example/`, feeds, ...more });

async function build(paths, ...args) {
  const result = await run(['build', '--config', paths.config, '--out', paths.out, ...args]);
  let feed;
  try {
    feed = JSON.parse(await readFile(paths.out, 'utf8'));
  } catch {
    // Not written.
  }
  return { ...result, feed };
}

const byUrl = (feed, url) => feed.items.find((item) => item.url === url);

describe('trending-recs build', () => {
  it("merges a WordPress RSS, a Ghost Atom, a Blogger Atom and a JSON Feed into one JSON Feed the widget takes", async () => {
    const paths = await network([
      site('Harbor Blog', [`${server.url}/wordpress.xml`]),
      site('Harbor Guides', `${server.url}/ghost.xml`, { kind: 'guide' }),
      site('Harbor Kitchen', [`${server.url}/blogger.xml`], { category: 'Food' }),
      site('Harbor Events', [`${server.url}/events.json`], { icon: 'https://events.harbor.example/icon.png' }),
    ]);
    const { code, feed, stderr } = await build(paths);
    assert.equal(code, 0, stderr);
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.items.length, 7);

    const diary = byUrl(feed, 'https://blog.harbor.example/2026/11/ten-days-on-the-coast/');
    assert.equal(diary.title, 'Ten days on the coast – a diary');
    assert.equal(diary.image, 'https://blog.harbor.example/wp-content/uploads/coast.jpg');
    assert.equal(diary._trending.category, 'Travel');
    assert.equal(diary._trending.site, 'Harbor Blog');
    assert.equal(diary._trending.site_url, 'https://harbor-blog.example/');
    assert.equal(diary.date_published, '2026-11-23T09:30:00.000Z');

    const chips = byUrl(feed, 'https://blog.harbor.example/2026/11/fish-and-chips/');
    assert.equal(chips.title, 'Fish &amp; chips, ranked', 'entities decoded once');
    assert.equal(chips.image, 'https://blog.harbor.example/wp-content/uploads/chips.jpg?w=800&h=450', 'first <img> of the content, resolved');

    const oldTown = byUrl(feed, 'https://guides.harbor.example/old-town/');
    assert.equal(oldTown._trending.kind, 'guide');
    assert.equal(oldTown._trending.category, 'Guides');
    assert.equal(byUrl(feed, 'https://guides.harbor.example/lighthouse/').image, 'https://guides.harbor.example/content/images/lighthouse.jpg');
    assert.equal(byUrl(feed, 'https://guides.harbor.example/lighthouse/').date_published, '2026-11-20T07:00:00.000Z');

    const mackerel = byUrl(feed, 'https://kitchen-harbor.blogspot.com/2026/11/mackerel.html');
    assert.equal(mackerel.title, 'Smoked mackerel pâté');
    assert.equal(mackerel._trending.category, 'Recipes');
    assert.equal(mackerel.image, 'https://blogger.googleusercontent.com/img/b/s72-c/mackerel.jpg');

    const lanterns = byUrl(feed, 'https://events.harbor.example/lantern-festival');
    assert.deepEqual(
      [lanterns._trending.kind, lanterns._trending.starts_at, lanterns._trending.venue, lanterns._trending.site, lanterns._trending.site_icon],
      ['event', '2036-12-05T18:00:00+09:00', 'North Quay', 'Harbor Events', 'https://events.harbor.example/icon.png'],
    );
    assert.equal(byUrl(feed, 'https://events.harbor.example/boat-show')._trending.category, undefined);

    const validated = await run(['validate', paths.out]);
    assert.equal(validated.code, 0, validated.stdout);
    assert.match(validated.stdout, /^valid: 7 items the widget would show/m);
  });

  it('reads RSS 1.0 (RDF) with its Dublin Core date', async () => {
    const paths = await network([site('Harbor Archive', [`${server.url}/rdf.xml`], { category: 'Archive' })]);
    const { code, feed, stderr } = await build(paths);
    assert.equal(code, 0, stderr);
    assert.deepEqual(
      feed.items.map((item) => [item.url, item.title, item.date_published, item._trending.category]),
      [['https://archive.harbor.example/1926/ferry', 'The first ferry, 1926', '2026-11-10T08:00:00.000Z', 'Archive']],
    );
  });

  it('writes the same bytes for the same inputs, and asks with If-None-Match the next time (304)', async () => {
    const paths = await network([site('Harbor Blog', [`${server.url}/wordpress.xml`]), site('Harbor Guides', [`${server.url}/ghost.xml`])]);
    const first = await build(paths);
    const firstBytes = await readFile(paths.out, 'utf8');
    const requestsBefore = server.requests.length;
    const second = await build(paths);
    assert.deepEqual([first.code, second.code], [0, 0]);
    assert.equal(await readFile(paths.out, 'utf8'), firstBytes);
    const asked = server.requests.slice(requestsBefore);
    assert.equal(asked.length, 2);
    for (const request of asked) assert.match(request.headers['if-none-match'], /^"[0-9a-f]{16}"$/);
    assert.match(second.stderr, /not-modified\s+2 items\s+Harbor Blog/);
    assert.match(asked[0].headers['user-agent'], /^trending-recs-build\/\d/);
  });

  it('keeps going when feeds fail: a 500 uses its last good copy, a 410 is dropped with a warning, a hung one times out', async () => {
    let failing = false;
    const flaky = await feedServer({
      '/flaky.xml': async (req, res) => (failing ? res.writeHead(500).end() : res.writeHead(200).end(await readFile(new URL('feeds/wordpress.xml', import.meta.url)))),
    });
    try {
      const paths = await network([site('Harbor Blog', [`${flaky.url}/flaky.xml`]), site('Gone', [`${server.url}/410`]), site('Hung', [`${server.url}/hang`]), site('Harbor Guides', [`${server.url}/ghost.xml`])]);
      assert.equal((await build(paths, '--timeout', '1')).code, 0);
      failing = true;
      const started = Date.now();
      const { code, feed, stderr } = await build(paths, '--timeout', '1');
      assert.equal(code, 0, stderr);
      assert.ok(Date.now() - started < 5000, 'the hung feed does not hold the build');
      assert.ok(byUrl(feed, 'https://blog.harbor.example/2026/11/fish-and-chips/'), 'last good copy of the failing feed');
      assert.match(stderr, /cached\s+2 items\s+Harbor Blog: .*HTTP 500; used the last good copy/);
      assert.match(stderr, /gone\s+0 items\s+Gone: .*HTTP 410/);
      assert.match(stderr, /failed\s+0 items\s+Hung: .*timed out after 1 s/);
      assert.match(stderr, /3 feed\(s\) failed or were gone/);
    } finally {
      await flaky.close();
    }
  });

  it('follows a 301', async () => {
    const paths = await network([site('Harbor Guides', [`${server.url}/moved/ghost.xml`])]);
    const { code, feed } = await build(paths);
    assert.equal(code, 0);
    assert.equal(feed.items.length, 2);
  });

  it('exits 1 and writes nothing when no feed can be read', async () => {
    const paths = await network([site('Broken', [`${server.url}/500`]), site('Missing', ['no-such-file.xml'])]);
    const { code, feed, stderr } = await build(paths);
    assert.equal(code, 1);
    assert.equal(feed, undefined);
    assert.match(stderr, /nothing could be read/);
    assert.match(stderr, /Missing: no-such-file.xml -- no such file/);
  });

  it('exits 2 naming the field of a bad config', async () => {
    const paths = await network([{ name: 'No feeds', url: 'https://x.example/' }]);
    const { code, stderr } = await build(paths);
    assert.equal(code, 2);
    assert.match(stderr, /sites\[0\]\.feeds must be/);
    const badUrl = await network([site('X', ['a.xml'])], { home_page_url: 'javascript:alert(1)' });
    assert.match((await build(badUrl)).stderr, /home_page_url must be an absolute http\(s\) URL/);
    const ok = await network([site('Harbor Guides', [`${server.url}/ghost.xml`])]);
    for (const every of ['0s', '30d']) {
      const { code: everyCode, stderr: everyErr } = await build(ok, '--every', every);
      assert.equal(everyCode, 2, every);
      assert.match(everyErr, /--every must be from 1s to 24d/);
    }
  });

  it('passes only what the widget would take: hostile links, pictures and markup stay out', async () => {
    const paths = await network([site('Hostile', [`${server.url}/hostile.xml`])]);
    const { code, feed, stderr } = await build(paths);
    assert.equal(code, 0, stderr);
    assert.deepEqual(feed.items.map((item) => item.url), ['https://hostile.example/ok']);
    assert.equal(feed.items[0].title, 'alert(1)Click me');
    assert.equal(feed.items[0].image, undefined);
    assert.match(stderr, /4 entries skipped/);
  });

  it('merges the offers of the config as they are, and leaves out one the widget would refuse', async () => {
    const offer = { id: 'webinar', url: 'https://harbor.example/webinar', title: 'Webinar: slow travel', _trending: { site: 'Harbor', kind: 'offer', sponsored: true, sponsor: 'Tidewave', cta: 'Register', starts_at: '2026-12-10T11:00:00+09:00', score: 50 } };
    const bad = { id: 'bad', url: 'javascript:alert(1)', title: 'Bad offer' };
    const paths = await network([site('Harbor Guides', [`${server.url}/ghost.xml`])], { offers: [offer, bad] });
    const { code, feed, stderr } = await build(paths);
    assert.equal(code, 0);
    assert.deepEqual(feed.items[0], offer, 'highest score first, unchanged');
    assert.equal(feed.items.length, 3);
    assert.match(stderr, /left out\s+item 1 \(bad\)/);
  });

  it('removes duplicates: the same normalised URL, or the same title, across sites and feeds', async () => {
    const copy = await feedServer({
      '/copy.json': (req, res) =>
        res.writeHead(200).end(
          JSON.stringify({
            version: 'https://jsonfeed.org/version/1.1',
            items: [
              { id: '1', url: 'http://www.guides.harbor.example/old-town?utm_source=feed', title: 'Old town, again' },
              { id: '2', url: 'https://elsewhere.example/lighthouse', title: '  lighthouse   WALKS ' },
              { id: '3', url: 'https://elsewhere.example/new', title: 'Something new', date_published: '2026-11-01T00:00:00Z' },
            ],
          }),
        ),
    });
    try {
      const paths = await network([site('Harbor Guides', [`${server.url}/ghost.xml`]), site('Copies', [`${copy.url}/copy.json`])]);
      const { feed } = await build(paths);
      assert.deepEqual(feed.items.map((item) => item.title).sort(), ['A weekend in the old town', 'Lighthouse walks', 'Something new']);
    } finally {
      await copy.close();
    }
  });

  it('clamps a date in the future to the time of the build, and reads RFC 822 and RFC 3339 dates', async () => {
    const dated = await feedServer({
      '/dated.xml': (req, res) =>
        res.writeHead(200).end(
          '<?xml version="1.0"?><rss version="2.0"><channel><title>D</title><link>https://d.example/</link>' +
            '<item><title>From the future</title><link>https://d.example/future</link><pubDate>Tue, 01 Jan 2099 10:00:00 +0000</pubDate></item>' +
            '<item><title>RFC 822 with a zone</title><link>https://d.example/822</link><pubDate>Sun, 22 Nov 2026 18:00:00 +0900</pubDate></item>' +
            '</channel></rss>',
        ),
    });
    try {
      const paths = await network([site('Dated', [`${dated.url}/dated.xml`])]);
      const before = Date.now();
      const { feed } = await build(paths);
      const future = Date.parse(byUrl(feed, 'https://d.example/future').date_published);
      assert.ok(future >= before - 1000 && future <= Date.now(), byUrl(feed, 'https://d.example/future').date_published);
      assert.equal(byUrl(feed, 'https://d.example/822').date_published, '2026-11-22T09:00:00.000Z');
    } finally {
      await dated.close();
    }
  });

  it('gives an item whose URL is longer than the widget keeps whole an id it keeps: a digest of the URL', async () => {
    const long = `https://long.example/${'a'.repeat(400)}`;
    const longFeed = await feedServer({ '/long.json': (req, res) => res.writeHead(200).end(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'x', url: long, title: 'Long' }] })) });
    try {
      const paths = await network([site('Long', [`${longFeed.url}/long.json`])]);
      const { feed } = await build(paths);
      assert.equal(feed.items[0].url, long);
      assert.match(feed.items[0].id, /^sha256:[0-9a-f]{64}$/);
      assert.equal((await run(['validate', paths.out])).code, 0);
    } finally {
      await longFeed.close();
    }
  });

  it('caps the output at max_items, from a feed of 5,000 items', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => `<item><title>Story ${i}</title><link>https://big.example/${i}</link><pubDate>${new Date(Date.UTC(2026, 10, 1) + i * 60_000).toUTCString()}</pubDate></item>`);
    const big = await feedServer({ '/big.xml': (req, res) => res.writeHead(200).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><link>https://big.example/</link>${items.join('')}</channel></rss>`) });
    try {
      const paths = await network([site('Big', [`${big.url}/big.xml`])], { max_items: 40 });
      const { code, feed } = await build(paths);
      assert.equal(code, 0);
      assert.equal(feed.items.length, 40);
      assert.equal(feed.items[0].title, 'Story 4999', 'newest first without counts');
    } finally {
      await big.close();
    }
  });

  it('rebuilds every --every until SIGTERM', async () => {
    const paths = await network([site('Harbor Guides', [`${server.url}/ghost.xml`])]);
    const { spawn } = await import('node:child_process');
    const { CLI } = await import('../collector/support.mjs');
    const child = spawn(process.execPath, [CLI, 'build', '--config', paths.config, '--out', paths.out, '--every', '1s']);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    child.kill('SIGTERM');
    const [code] = await new Promise((resolve) => child.on('exit', (...args) => resolve(args)));
    assert.equal(code, 0);
    assert.ok((stderr.match(/wrote 2 items/g) ?? []).length >= 2, stderr);
    assert.ok((await stat(paths.out)).size > 0);
  });
});

describe('trending-recs build with counts', () => {
  it("puts a small site's item with the best click-through rate near the top, and does not let a big site fill the feed", async () => {
    // Big site: 15 items, 1,000 impressions and 40 clicks each (4%). Small sites: one item
    // at 30 clicks in 300 (10%), one at 1 in 1 (too few to trust), and a few at 3%.
    const bigItems = Array.from({ length: 15 }, (_, i) => ({ id: `https://big.example/${i}`, url: `https://big.example/${i}`, title: `Big story ${i}`, date_published: '2026-11-20T00:00:00Z' }));
    const small = [
      { id: 'https://small.example/gem', url: 'https://small.example/gem', title: 'The gem', date_published: '2026-11-20T00:00:00Z' },
      { id: 'https://small.example/lucky', url: 'https://small.example/lucky', title: 'One lucky click', date_published: '2026-11-20T00:00:00Z' },
    ];
    const others = Array.from({ length: 4 }, (_, i) => ({ id: `https://other${i}.example/a`, url: `https://other${i}.example/a`, title: `Other ${i}`, date_published: '2026-11-20T00:00:00Z' }));
    const json = (items) => (req, res) => res.writeHead(200).end(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items }));
    const feeds = await feedServer({ '/big.json': json(bigItems), '/small.json': json(small), ...Object.fromEntries(others.map((item, i) => [`/other${i}.json`, json([item])])) });
    const dir = await tempDir();
    const db = join(dir, 'counts.sqlite');
    const collector = await startCollector(['--db', db, '--rate', '1000000', '--flush-interval', '3600']);
    try {
      const beacons = [];
      for (let view = 0; view < 1000; view++) {
        const events = bigItems.map((item) => event(item.id, 'impression', { site: 'Big' }));
        if (view < 40) events.push(...bigItems.map((item) => event(item.id, 'click', { site: 'Big' })));
        if (view < 300) events.push(event(small[0].id, 'impression', { site: 'Small' }));
        if (view < 30) events.push(event(small[0].id, 'click', { site: 'Small' }));
        if (view === 0) events.push(event(small[1].id, 'impression', { site: 'Small' }), event(small[1].id, 'click', { site: 'Small' }));
        if (view < 500) events.push(...others.map((item) => event(item.id, 'impression', { site: 'Other' })));
        if (view < 15) events.push(...others.map((item) => event(item.id, 'click', { site: 'Other' })));
        for (let i = 0; i < events.length; i += 50) beacons.push(beacon(events.slice(i, i + 50), { pageView: `view-${String(view).padStart(6, '0')}` }));
      }
      for (let i = 0; i < beacons.length; i += 50) {
        const answers = await Promise.all(beacons.slice(i, i + 50).map((body) => send(`${collector.url}/collect`, { body })));
        assert.ok(answers.every((answer) => answer.status === 204));
      }
    } finally {
      assert.equal(await collector.stop(), 0);
    }
    try {
      const paths = await network([
        site('Big', [`${feeds.url}/big.json`]),
        site('Small', [`${feeds.url}/small.json`]),
        ...others.map((_, i) => site(`Other ${i}`, [`${feeds.url}/other${i}.json`])),
      ]);
      const { code, feed, stderr } = await build(paths, '--db', db);
      assert.equal(code, 0, stderr);
      const order = feed.items.map((item) => item.url);
      assert.ok(order.indexOf('https://small.example/gem') <= 2, `the gem is near the top: ${order.slice(0, 5)}`);
      assert.ok(order.indexOf('https://small.example/gem') < order.indexOf('https://small.example/lucky'), '1 click in 1 does not beat 30 in 300');
      const bigInTopTen = order.slice(0, 10).filter((url) => url.startsWith('https://big.example/')).length;
      assert.ok(bigInTopTen <= 6, `the big site has ${bigInTopTen} of the top 10: ${order.slice(0, 10)}`);
      const scores = feed.items.map((item) => item._trending.score);
      assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'sorted by score');
      assert.match(stderr, /scored from the counts/);
    } finally {
      await feeds.close();
    }
  });
});

describe('schema/network.schema.json', () => {
  it('has an example that the builder takes as it stands', async () => {
    const schema = JSON.parse(await readFile(new URL('../../schema/network.schema.json', import.meta.url), 'utf8'));
    const example = structuredClone(schema.examples[0]);
    // The same sites, read from this test's server instead of the example's hosts.
    const local = { 'Harbor Blog': 'wordpress.xml', 'Harbor Guides': 'ghost.xml', 'Harbor Events': 'events.json' };
    for (const entry of example.sites) entry.feeds = [`${server.url}/${local[entry.name]}`];
    const paths = await network(example.sites, { offers: example.offers, max_items: example.max_items });
    const { code, feed, stderr } = await build(paths);
    assert.equal(code, 0, stderr);
    assert.equal(feed.items.length, 1 + 2 + 2 + 2);
    assert.ok(feed.items.some((item) => item.id === 'webinar-slow-travel'));
  });
});

describe('test/fixtures/built-trending.json (rendered by the widget in test/builder-output.test.ts)', () => {
  it('is what the builder writes today from test/builder/feeds/network.json, byte for byte', async () => {
    const dir = await tempDir();
    const out = join(dir, 'trending.json');
    const { code, stderr } = await run(['build', '--config', new URL('feeds/network.json', import.meta.url).pathname, '--out', out]);
    assert.equal(code, 0, stderr);
    const fixture = new URL('../fixtures/built-trending.json', import.meta.url);
    assert.equal(await readFile(out, 'utf8'), await readFile(fixture, 'utf8'), 'rebuild it: node lib/cli.js build --config test/builder/feeds/network.json --out <tmp> and copy');
  });
});
