import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { beacon, countsOf, event, run, send, startCollector, storedCounts, tempDir } from './support.mjs';

/** A collector on a fresh SQLite file that flushes only when stopped, unless told otherwise. */
async function collector(...args) {
  const db = join(await tempDir(), 'counts.sqlite');
  const running = await startCollector(['--db', db, '--flush-interval', '3600', ...args]);
  return { ...running, db, collect: `${running.url}/collect`, counts: () => storedCounts(['--db', db]) };
}

describe('trending-recs collect', () => {
  it('counts the impressions and clicks of a beacon, and writes them when stopped', async () => {
    const c = await collector();
    const sent = await send(c.collect, { body: beacon([event('a', 'impression'), event('b', 'impression'), event('a', 'click')]) });
    assert.equal(sent.status, 204);
    assert.equal(await c.stop(), 0);
    const rows = await c.counts();
    assert.deepEqual(countsOf(rows, 'a'), { impressions: 1, clicks: 1 });
    assert.deepEqual(countsOf(rows, 'b'), { impressions: 1, clicks: 0 });
    assert.equal(rows[0].feed, 'https://news.example/trending.json');
    assert.equal(rows[0].site, 'Harbor Blog');
  });

  it('loses nothing it accepted on SIGTERM: N events sent, N stored', async () => {
    const c = await collector();
    const N = 300;
    const answers = await Promise.all(
      Array.from({ length: N / 3 }, (_, view) => send(c.collect, { body: beacon([event(`item${view % 7}`), event(`item${(view + 1) % 7}`), event(`item${view % 7}`, 'click')]) })),
    );
    assert.deepEqual(new Set(answers.map((answer) => answer.status)), new Set([204]));
    assert.equal(await c.stop('SIGTERM'), 0);
    const rows = await c.counts();
    assert.equal(rows.reduce((sum, row) => sum + row.impressions + row.clicks, 0), N);
  });

  it('writes on SIGINT too, and on its own every --flush-interval', async () => {
    const c = await collector('--flush-interval', '1');
    await send(c.collect, { body: beacon([event('x')]) });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // Read while it runs: written by the timer.
    assert.deepEqual(countsOf(await c.counts(), 'x'), { impressions: 1, clicks: 0 });
    await send(c.collect, { body: beacon([event('y', 'click')]) });
    assert.equal(await c.stop('SIGINT'), 0);
    assert.deepEqual(countsOf(await c.counts(), 'y'), { impressions: 0, clicks: 1 });
  });

  it('counts a (page view, item, type) once when a beacon is sent twice', async () => {
    const c = await collector();
    const twice = beacon([event('a'), event('a', 'click')]);
    for (let i = 0; i < 2; i++) assert.equal((await send(c.collect, { body: twice })).status, 204);
    // Another page view of the same item counts again.
    await send(c.collect, { body: beacon([event('a')]) });
    await c.stop();
    assert.deepEqual(countsOf(await c.counts(), 'a'), { impressions: 2, clicks: 1 });
  });

  it('answers a bot 204 and counts nothing of it', async () => {
    const c = await collector();
    const bot = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36';
    assert.equal((await send(c.collect, { body: beacon([event('a')]), userAgent: bot })).status, 204);
    assert.equal((await send(c.collect, { body: beacon([event('a')]), userAgent: 'Googlebot/2.1 (+http://www.google.com/bot.html)' })).status, 204);
    await c.stop();
    assert.deepEqual(await c.counts(), []);
  });

  it('refuses bad input with a 4xx and a reason, counts none of it, and keeps running', async () => {
    const c = await collector('--origin', 'https://news.example, https://blog.example', '--rate', '40');
    const refusals = [
      [{ body: 'x'.repeat(16 * 1024 + 1) }, 413, /body over 16384 bytes/],
      [{ body: 'not json' }, 400, /body is not JSON/],
      [{ body: [1, 2] }, 400, /must be a JSON object/],
      [{ body: beacon([event('a')], { version: 2 }) }, 400, /unknown version 2/],
      [{ body: beacon(Array.from({ length: 51 }, (_, i) => event(`e${i}`))) }, 400, /too many events: 51, at most 50/],
      [{ body: beacon([event('a', 'view')]) }, 400, /events\[0\]\.type must be "impression" or "click"/],
      [{ body: beacon([event('a', 'click', { position: -1 })]) }, 400, /events\[0\]\.position/],
      [{ body: beacon([event('')]) }, 400, /events\[0\]\.item must be a non-empty string/],
      // PostgreSQL refuses a zero byte; two lone surrogates would become one key.
      [{ body: beacon([event('a\u0000b')]) }, 400, /events\[0\]\.item must be text without control characters/],
      [{ body: beacon([event('\ud800')]) }, 400, /lone surrogates/],
      [{ body: beacon([event('é'.repeat(300))]) }, 400, /events\[0\]\.item is longer than 512 bytes/],
      [{ body: beacon([event('a')], { feed: 'javascript:alert(1)' }) }, 400, /feed must be an http\(s\) URL/],
      [{ body: beacon([event('a')], { pageView: 'x' }) }, 400, /pageView must be/],
      [{ body: beacon([event('a')]), origin: 'https://evil.example' }, 403, /origin not allowed: https:\/\/evil.example/],
      [{ body: beacon([event('a')]), origin: '' }, 403, /origin not allowed: \(none\)/],
      [{ method: 'GET' }, 405, /use POST/],
    ];
    for (const [request, status, reason] of refusals) {
      const answer = await send(c.collect, request);
      assert.equal(answer.status, status, `${JSON.stringify(request).slice(0, 80)}: ${answer.body}`);
      assert.match(answer.body, reason);
    }
    assert.equal((await send(`${c.url}/elsewhere`, { body: '{}' })).status, 404);
    // Still up, and a good beacon still counts.
    assert.equal((await send(`${c.url}/healthz`, { method: 'GET' })).status, 200);
    assert.equal((await send(c.collect, { body: beacon([event('good')]), origin: 'https://blog.example' })).status, 204);
    await c.stop();
    const rows = await c.counts();
    assert.deepEqual(rows.map((row) => row.item), ['good']);
  });

  it('answers 429 past --rate beacons a minute from one address, with Retry-After', async () => {
    const c = await collector('--rate', '5');
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await send(c.collect, { body: beacon([event(`r${i}`)]) })).status);
    await c.stop();
    assert.deepEqual(statuses, [204, 204, 204, 204, 204, 429, 429]);
    assert.equal((await c.counts()).length, 5);
  });

  it('behind a proxy (--trust-proxy), limits by the address the proxy saw, not by what the client wrote', async () => {
    const c = await collector('--rate', '2', '--trust-proxy');
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const forged = `10.0.0.${i}`;
      statuses.push((await send(c.collect, { body: beacon([event(`p${i}`)]), headers: { 'x-forwarded-for': `${forged}, 203.0.113.7` } })).status);
    }
    await c.stop();
    assert.deepEqual(statuses, [204, 204, 429]);
  });

  it('exits 1 with the reason when it cannot listen, rather than hanging', async () => {
    const first = await collector();
    const port = new URL(first.url).port;
    try {
      const db = join(await tempDir(), 'other.sqlite');
      const second = await run(['collect', '--host', '127.0.0.1', '--port', port, '--db', db]);
      assert.equal(second.code, 1);
      assert.match(second.stderr, /cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
    } finally {
      await first.stop();
    }
  });

  it('logs one line per kind of refusal a minute, not one per request', async () => {
    const c = await collector();
    for (let i = 0; i < 20; i++) await send(c.collect, { body: `not json ${i}` });
    await c.stop();
    const lines = c.stderr().split('\n').filter((line) => line.includes(' 400 '));
    assert.equal(lines.length, 1, c.stderr());
  });

  it('lets an allowed page read its answers (CORS), and answers a preflight', async () => {
    const c = await collector('--origin', 'https://news.example');
    const posted = await send(c.collect, { body: beacon([event('a')]) });
    assert.equal(posted.headers['access-control-allow-origin'], 'https://news.example');
    const preflight = await send(c.collect, { method: 'OPTIONS', headers: { 'access-control-request-method': 'POST' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-methods'], 'POST');
    assert.equal((await send(c.collect, { method: 'OPTIONS', origin: 'https://evil.example' })).status, 403);
    await c.stop();
  });
});

describe('trending-recs command line', () => {
  it('exits 2 with the help for an unknown command or a bad option, 0 for --help', async () => {
    assert.equal((await run(['frobnicate'])).code, 2);
    const bad = await run(['collect', '--port', 'eighty']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--port must be a whole number/);
    assert.equal((await run(['collect', '--no-such-flag'])).code, 2);
    assert.equal((await run(['stats', '--since', 'yesterday'])).code, 2);
    assert.equal((await run(['collect', '--origin', 'news.example'])).code, 2);
    const help = await run(['collect', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--flush-interval/);
  });

  it('prints a table of impressions, clicks and CTR per item', async () => {
    const c = await collector();
    await send(c.collect, { body: beacon([event('popular'), event('popular', 'click'), event('quiet')]) });
    await send(c.collect, { body: beacon([event('popular')]) });
    await c.stop();
    const { code, stdout } = await run(['stats', '--db', c.db]);
    assert.equal(code, 0);
    const lines = stdout.trim().split('\n');
    assert.match(lines[0], /impressions\s+clicks\s+CTR\s+site\s+item\s+feed/);
    assert.match(lines[1], /^\s*2\s+1\s+50\.0%\s+Harbor Blog\s+popular\s+https:\/\/news\.example\/trending\.json$/);
    assert.match(lines[2], /^\s*1\s+0\s+0\.0%\s+Harbor Blog\s+quiet/);
  });
});

describe('schema/beacon.schema.json', () => {
  it("is taken by the collector as it stands: its example counts", async () => {
    const { readFile } = await import('node:fs/promises');
    const schema = JSON.parse(await readFile(new URL('../../schema/beacon.schema.json', import.meta.url), 'utf8'));
    const c = await collector();
    assert.equal((await send(c.collect, { body: schema.examples[0] })).status, 204);
    await c.stop();
    assert.deepEqual(countsOf(await c.counts(), 'https://blog.example/posts/42'), { impressions: 1, clicks: 1 });
  });
});
