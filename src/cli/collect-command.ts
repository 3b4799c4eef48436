import { parseArgs } from 'node:util';
import { openCountStore } from '../collector/count-store.js';
import { collectorServer, createCollector } from '../collector/collector.js';
import { parseWhole, UsageError } from './options.js';

export const COLLECT_HELP = `Usage: trending-recs collect [options]

Takes the widget's beacons (POST /collect) and keeps counts of viewable impressions and
clicks per hour, feed, item and site. No raw events, no cookies, no identifiers.

Options:
  --port N              Port to listen on (default 8787; 0: any free port)
  --host ADDRESS        Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --db FILE             SQLite file for the counts (default ./trending-recs.sqlite)
  --postgres URL        A PostgreSQL database instead, shared by several collectors
  --origin LIST         Page origins whose beacons are taken, comma-separated, or * (default *)
  --flush-interval N    Seconds between writes to the store (default 5)
  --rate N              Beacons per client address per minute (default 600)
  --max-buffered N      Rows of counts kept in memory while the store is down (default 100000)
  --trust-proxy         Take the client address from X-Forwarded-For (behind a proxy only)
  -h, --help            This help

GET /healthz answers 200 while beacons are taken. SIGTERM or SIGINT writes what is
counted, then exits 0 (1 if the store could not take it).`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How often, a second apart, the last flush is tried when stopping with the store down. */
const FINAL_FLUSH_TRIES = 10;

export async function collectCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string', default: './trending-recs.sqlite' },
      postgres: { type: 'string' },
      origin: { type: 'string', default: '*' },
      'flush-interval': { type: 'string', default: '5' },
      rate: { type: 'string', default: '600' },
      'max-buffered': { type: 'string', default: '100000' },
      'trust-proxy': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(COLLECT_HELP);
    return 0;
  }
  const port = parseWhole(values.port, '--port', 0);
  const origins = values.origin.trim() === '*' ? '*' : values.origin.split(',').map((origin) => origin.trim()).filter(Boolean);
  if (origins !== '*') {
    for (const origin of origins) if (URL.canParse(origin) ? new URL(origin).origin !== origin : true) throw new UsageError(`--origin takes origins such as https://news.example, not "${origin}"`);
  }
  const store = await openCountStore(values);
  const collector = await createCollector({
    store,
    origins,
    flushIntervalMs: parseWhole(values['flush-interval'], '--flush-interval', 1) * 1000,
    ratePerMinute: parseWhole(values.rate, '--rate', 1),
    maxBufferedRows: parseWhole(values['max-buffered'], '--max-buffered', 1),
    trustProxy: values['trust-proxy'],
    log: (line) => console.error(`${new Date().toISOString()} ${line}`),
  });
  const server = collectorServer(collector);
  try {
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, values.host, resolve));
  } catch (error) {
    // Could not listen (the port is taken, or needs privileges): nothing was accepted.
    collector.stop();
    await store.close();
    throw new Error(`cannot listen on ${values.host}:${port}: ${(error as Error).message}`);
  }
  const address = server.address();
  const where = typeof address === 'object' && address ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : String(address);
  console.error(`trending-recs collect: listening on ${where}, counts in ${values.postgres ? 'PostgreSQL' : values.db}`);

  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  console.error(`trending-recs collect: ${signal}, writing the counts and stopping`);
  collector.stop();
  // No new beacon is taken; those being answered are counted before the last flush.
  await new Promise((resolve) => {
    server.close(resolve);
    server.closeIdleConnections();
  });
  for (let tries = 1; !(await collector.flush()); tries++) {
    if (tries >= FINAL_FLUSH_TRIES) {
      console.error(`trending-recs collect: the store could not take ${collector.buffered} rows of counts; they are lost`);
      return 1;
    }
    await sleep(1000);
  }
  await store.close();
  return 0;
}
