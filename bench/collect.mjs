/**
 * `npm run bench:collect`: the collector's throughput and latency under load, side by
 * side in one run with its floor, a bare node:http server that answers 204 to anything.
 * Each server runs in a process of its own on 127.0.0.1; autocannon sends beacons of 20
 * events, each of a new page view, so none is dropped as a duplicate. Afterwards the
 * collector is stopped (SIGTERM) and the events it stored are checked against those it
 * accepted. Goal on a 2-core machine: 2,000 beacons/s or more, p99 at most 50 ms, and at
 * least half the bare server's rate. BENCH_SECONDS sets each run's length (default 10).
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = 50;
const EVENTS_PER_BEACON = 20;
const cli = new URL('../lib/cli.js', import.meta.url).pathname;
const userAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

const bareServer = `require('node:http').createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(204); res.end(); }); })
  .listen(0, '127.0.0.1', function () { console.error('listening on http://127.0.0.1:' + this.address().port + ','); });`;

/** Starts a server process; resolves with its URL and the process once it listens. */
async function startServer(args) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  for await (const chunk of child.stderr) {
    stderr += chunk;
    const match = /listening on (http:\/\/\S+),/.exec(stderr);
    if (match) return { url: match[1], child, stderr: () => stderr };
  }
  throw new Error(`server did not start: ${stderr}`);
}

let pageViews = 0;
const beacon = () =>
  JSON.stringify({
    version: 1,
    feed: 'https://news.example/trending.json',
    page: 'https://news.example/story',
    pageView: `bench-${String(++pageViews).padStart(10, '0')}`,
    events: Array.from({ length: EVENTS_PER_BEACON }, (_, position) => ({
      type: position % 10 === 9 ? 'click' : 'impression',
      item: `https://blog.example/posts/${position}`,
      site: 'Harbor Blog',
      position,
      sponsored: false,
    })),
  });

async function load(url) {
  const result = await autocannon({
    url: `${url}/collect`,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://news.example', 'user-agent': userAgent },
    requests: [{ setupRequest: (request) => ({ ...request, body: beacon() }) }],
  });
  return {
    beaconsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    accepted: result['2xx'],
    refused: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const dir = await mkdtemp(join(tmpdir(), 'trending-recs-bench-'));
try {
  const bare = await startServer(['-e', bareServer]);
  const bareResult = await load(bare.url);
  bare.child.kill();

  const db = join(dir, 'counts.sqlite');
  const collector = await startServer([cli, 'collect', '--port', '0', '--db', db, '--rate', '1000000000', '--flush-interval', '5']);
  const collectorResult = await load(collector.url);
  collector.child.kill('SIGTERM');
  const [code] = await once(collector.child, 'exit');

  // Every event of every accepted beacon must be in the store.
  const stats = spawn(process.execPath, [cli, 'stats', '--db', db, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let json = '';
  for await (const chunk of stats.stdout) json += chunk;
  const stored = JSON.parse(json).reduce((sum, row) => sum + row.impressions + row.clicks, 0);

  const rows = [
    ['', 'bare node:http', 'collector', 'collector/bare'],
    ['beacons/s (mean)', bareResult.beaconsPerSecond.toFixed(0), collectorResult.beaconsPerSecond.toFixed(0), (collectorResult.beaconsPerSecond / bareResult.beaconsPerSecond).toFixed(2)],
    ['latency p50 (ms)', String(bareResult.p50Ms), String(collectorResult.p50Ms), ''],
    ['latency p99 (ms)', String(bareResult.p99Ms), String(collectorResult.p99Ms), ''],
    ['answered 2xx', String(bareResult.accepted), String(collectorResult.accepted), ''],
    ['refused or failed', String(bareResult.refused + bareResult.errors), String(collectorResult.refused + collectorResult.errors), ''],
  ];
  console.log(`trending-recs collector benchmark: ${SECONDS} s per server, ${CONNECTIONS} connections, ${EVENTS_PER_BEACON} events per beacon, SQLite`);
  for (const row of rows) console.log(row[0].padEnd(20) + row.slice(1).map((cell) => cell.padStart(16)).join(''));
  // autocannon stops counting at the deadline: up to one beacon per connection was
  // still in flight then, answered and counted by the collector but not by autocannon.
  const expected = collectorResult.accepted * EVENTS_PER_BEACON;
  const inFlight = CONNECTIONS * EVENTS_PER_BEACON;
  const intact = stored >= expected && stored <= expected + inFlight;
  console.log(
    `stored after SIGTERM (exit ${code}): ${stored} events; ${expected} accepted, plus up to ${inFlight} in flight at the end` +
      (intact ? ': none lost' : ': COUNTS LOST OR INVENTED'),
  );
  const goals = [
    [collectorResult.beaconsPerSecond >= 2000, 'at least 2,000 beacons/s'],
    [collectorResult.p99Ms <= 50, 'p99 at most 50 ms'],
    [collectorResult.beaconsPerSecond >= bareResult.beaconsPerSecond / 2, "at least half the bare server's rate"],
  ];
  for (const [met, goal] of goals) console.log(`${met ? 'met' : 'NOT met'}: ${goal}`);
  if (!intact || code !== 0) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
