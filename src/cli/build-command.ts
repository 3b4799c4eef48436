import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFeed } from '../builder/build-feed.js';
import { ConfigError, parseConfig } from '../builder/config.js';
import { openCountStore, type CountStore } from '../collector/count-store.js';
import { parseDuration, parseWhole, UsageError } from './options.js';

export const BUILD_HELP = `Usage: trending-recs build --config network.json --out trending.json [options]

Reads the sister sites' own feeds (RSS 2.0, RSS 1.0/RDF, Atom 1.0, JSON Feed), merges
them with the offers of the config, scores the items from the collector's counts when
given a store, and writes the trending JSON Feed atomically. A feed that fails is
replaced by its last good copy; a summary on stderr lists every failure.

Options:
  --config FILE      The network's config (schema/network.schema.json)
  --out FILE         Where the trending feed is written; <FILE>.state.json keeps ETags and last good copies
  --db FILE          Score from the counts in this SQLite file (trending-recs collect --db)
  --postgres URL     Score from the counts in this PostgreSQL database
  --timeout N        Seconds per feed (default 10)
  --max-bytes N      Largest feed read, in bytes (default 5000000)
  --every DURATION   Keep running and rebuild every DURATION (10m, 1h...); stop with SIGTERM
  -h, --help         This help

Exit codes: 0 written (at least one feed or cached copy was read), 1 nothing could be
read, 2 bad usage or a bad config (the message names the field).`;

const VERSION = '0.1.0';
const USER_AGENT = `trending-recs-build/${VERSION} (+https://www.npmjs.com/package/trending-recs)`;

export async function buildCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string' },
      out: { type: 'string' },
      db: { type: 'string' },
      postgres: { type: 'string' },
      timeout: { type: 'string', default: '10' },
      'max-bytes': { type: 'string', default: '5000000' },
      every: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(BUILD_HELP);
    return 0;
  }
  if (!values.config) throw new UsageError('--config is required');
  if (!values.out) throw new UsageError('--out is required');
  const timeoutMs = parseWhole(values.timeout, '--timeout', 1) * 1000;
  const maxBytes = parseWhole(values['max-bytes'], '--max-bytes', 1);
  const everyMs = values.every === undefined ? undefined : parseDuration(values.every, '--every');
  // Longer than 24 days overflows a timer, which would then fire at once, in a loop.
  if (everyMs !== undefined && !(everyMs >= 1000 && everyMs <= 24 * 86_400_000)) throw new UsageError('--every must be from 1s to 24d');
  const configFile = resolve(values.config);
  const out = resolve(values.out);

  let store: CountStore | undefined;
  if (values.db || values.postgres) store = await openCountStore({ db: values.db ?? '', postgres: values.postgres });

  const runOnce = async (): Promise<number> => {
    let config;
    try {
      config = parseConfig(JSON.parse(await readFile(configFile, 'utf8')));
    } catch (error) {
      if (error instanceof ConfigError || error instanceof SyntaxError) throw new UsageError(`${values.config}: ${(error as Error).message}`);
      throw new UsageError(`cannot read ${values.config}: ${(error as Error).message}`);
    }
    const started = Date.now();
    const result = await buildFeed(config, {
      configDir: dirname(configFile),
      out,
      counts: store && ((sinceHour) => store.rows(sinceHour)),
      now: started,
      timeoutMs,
      maxBytes,
      userAgent: USER_AGENT,
      concurrency: 8,
    });
    for (const report of result.reports) {
      const line = `${report.status.padEnd(12)} ${String(report.items).padStart(5)} items  ${report.site}: ${report.source}${report.message ? ` -- ${report.message}` : ''}`;
      console.error(line);
    }
    for (const refusal of result.refused) console.error(`left out    ${refusal}`);
    const failures = result.reports.filter((report) => report.status === 'failed' || report.status === 'gone' || report.status === 'cached');
    if (!result.anyRead) {
      console.error(`trending-recs build: nothing could be read; ${values.out} was not written`);
      return 1;
    }
    console.error(
      `trending-recs build: wrote ${result.written} items to ${values.out} in ${Date.now() - started} ms` +
        (failures.length ? `; ${failures.length} feed(s) failed or were gone: ${failures.map((f) => f.source).join(', ')}` : '') +
        (store ? ', scored from the counts' : ', by freshness (no counts)'),
    );
    return 0;
  };

  try {
    if (everyMs === undefined) return await runOnce();
    // Rebuilds until SIGTERM or SIGINT; a failed run is reported and the next one tried.
    let stop: () => void = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    process.once('SIGTERM', () => stop());
    process.once('SIGINT', () => stop());
    for (;;) {
      try {
        await runOnce();
      } catch (error) {
        if (error instanceof UsageError) throw error;
        console.error(`trending-recs build: ${(error as Error).message}`);
      }
      let timer: NodeJS.Timeout | undefined;
      const next = new Promise<'next'>((resolve) => (timer = setTimeout(() => resolve('next'), everyMs)));
      if ((await Promise.race([next, stopped.then(() => 'stop' as const)])) === 'stop') {
        clearTimeout(timer);
        return 0;
      }
    }
  } finally {
    await store?.close();
  }
}
