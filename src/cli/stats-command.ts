import { parseArgs } from 'node:util';
import { openCountStore } from '../collector/count-store.js';
import { hourOf } from '../collector/counts.js';
import { parseDuration } from './options.js';

export const STATS_HELP = `Usage: trending-recs stats [options]

Prints, per item, the viewable impressions, clicks and click-through rate that the
collector counted over a window, most clicked first.

Options:
  --db FILE         SQLite file of the counts (default ./trending-recs.sqlite)
  --postgres URL    A PostgreSQL database instead
  --since DURATION  The window: 90m, 24h, 7d... (default 24h); whole hours are counted
  --json            One JSON array, for programs
  -h, --help        This help`;

export async function statsCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string', default: './trending-recs.sqlite' },
      postgres: { type: 'string' },
      since: { type: 'string', default: '24h' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(STATS_HELP);
    return 0;
  }
  const sinceHour = hourOf(Date.now() - parseDuration(values.since, '--since'));
  const store = await openCountStore(values);
  try {
    const rows = (await store.totals(sinceHour)).map((row) => ({ ...row, ctr: row.impressions ? row.clicks / row.impressions : null }));
    if (values.json) {
      console.log(JSON.stringify(rows, null, 2));
      return 0;
    }
    const table = [['impressions', 'clicks', 'CTR', 'site', 'item', 'feed']].concat(
      rows.map((row) => [String(row.impressions), String(row.clicks), row.ctr === null ? '-' : `${(row.ctr * 100).toFixed(1)}%`, row.site, row.item, row.feed]),
    );
    const widths = table[0]!.map((_, column) => Math.max(...table.map((cells) => cells[column]!.length)));
    for (const cells of table) console.log(cells.map((cell, column) => (column < 3 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd());
    if (!rows.length) console.log(`(nothing counted since ${new Date(sinceHour * 1000).toISOString()})`);
    return 0;
  } finally {
    await store.close();
  }
}
