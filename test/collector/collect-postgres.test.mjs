import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startPostgres } from './postgres-server.mjs';
import { beacon, countsOf, event, send, startCollector, storedCounts } from './support.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('trending-recs collect --postgres (a real PostgreSQL server)', () => {
  let postgres;
  before(async () => (postgres = await startPostgres()));
  after(() => postgres?.destroy());

  it('sums the counts of two collectors writing to one database', async () => {
    const a = await startCollector(['--postgres', postgres.url, '--flush-interval', '1']);
    const b = await startCollector(['--postgres', postgres.url, '--flush-interval', '1']);
    const sends = [];
    for (let view = 0; view < 60; view++) {
      const to = view % 2 ? a : b;
      sends.push(send(`${to.url}/collect`, { body: beacon([event('shared'), event(`only-${view % 2 ? 'a' : 'b'}`, 'click')]) }));
    }
    assert.deepEqual(new Set((await Promise.all(sends)).map((answer) => answer.status)), new Set([204]));
    assert.deepEqual([await a.stop(), await b.stop()], [0, 0]);
    const rows = await storedCounts(['--postgres', postgres.url]);
    assert.deepEqual(countsOf(rows, 'shared'), { impressions: 60, clicks: 0 });
    assert.deepEqual(countsOf(rows, 'only-a'), { impressions: 0, clicks: 30 });
    assert.deepEqual(countsOf(rows, 'only-b'), { impressions: 0, clicks: 30 });
  });

  it('keeps the counts in memory while the database is down, and writes them when it is back', async () => {
    const c = await startCollector(['--postgres', postgres.url, '--flush-interval', '1']);
    await send(`${c.url}/collect`, { body: beacon([event('before-restart')]) });
    await sleep(1500);
    await postgres.stop();
    // Taken while the database is down: they wait in memory.
    for (let i = 0; i < 10; i++) assert.equal((await send(`${c.url}/collect`, { body: beacon([event('during-restart')]) })).status, 204);
    await sleep(2500);
    assert.match(c.stderr(), /store unavailable, counts kept in memory/);
    await postgres.start();
    await sleep(2500);
    assert.match(c.stderr(), /store available again/);
    assert.equal(await c.stop(), 0);
    const rows = await storedCounts(['--postgres', postgres.url]);
    assert.deepEqual(countsOf(rows, 'before-restart'), { impressions: 1, clicks: 0 });
    assert.deepEqual(countsOf(rows, 'during-restart'), { impressions: 10, clicks: 0 });
  });

  it('answers 503 once --max-buffered rows wait for a database that is down, and counts none of those', async () => {
    const c = await startCollector(['--postgres', postgres.url, '--flush-interval', '1', '--max-buffered', '3']);
    await postgres.stop();
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await send(`${c.url}/collect`, { body: beacon([event(`buffered${i}`)]) })).status);
      assert.deepEqual(statuses, [204, 204, 204, 503, 503]);
    } finally {
      await postgres.start();
    }
    assert.equal(await c.stop(), 0);
    const rows = await storedCounts(['--postgres', postgres.url]);
    assert.deepEqual(rows.filter((row) => row.item.startsWith('buffered')).map((row) => row.item).sort(), ['buffered0', 'buffered1', 'buffered2']);
  });
});
