import type { CountRow } from './counts.js';
import { COUNTS_TABLE, optionalDependency, ROWS_QUERY, TOTALS_QUERY, type CountStore, type ItemTotals } from './count-store.js';

/**
 * Counts in a SQLite file, through better-sqlite3. Write-ahead logging lets `stats`
 * read while a collector writes, and a busy timeout lets two processes on one machine
 * take turns.
 */
export async function openSqliteStore(file: string): Promise<CountStore> {
  const { default: Database } = await optionalDependency('better-sqlite3', () => import('better-sqlite3'));
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(COUNTS_TABLE);
  const upsert = db.prepare<[number, string, string, string, string, number]>(
    `INSERT INTO trending_counts (hour, feed, item, site, type, count) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (hour, feed, item, site, type) DO UPDATE SET count = count + excluded.count`,
  );
  const addAll = db.transaction((rows: readonly CountRow[]) => {
    for (const row of rows) upsert.run(row.hour, row.feed, row.item, row.site, row.type, row.count);
  });
  const totals = db.prepare<[number], ItemTotals>(TOTALS_QUERY.replace('$1', '?'));
  const rows = db.prepare<[number], CountRow>(ROWS_QUERY.replace('$1', '?'));
  return {
    // SQLite takes any text: it refuses no row.
    add: async (rows) => (addAll(rows), []),
    totals: async (sinceHour) => totals.all(sinceHour).map((row) => ({ ...row, impressions: Number(row.impressions), clicks: Number(row.clicks) })),
    rows: async (sinceHour) => rows.all(sinceHour).map((row) => ({ ...row, hour: Number(row.hour), count: Number(row.count) })),
    close: async () => void db.close(),
  };
}
