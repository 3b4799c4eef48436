import type { CountRow } from './counts.js';
import { COUNTS_TABLE, optionalDependency, ROWS_QUERY, TOTALS_QUERY, type CountStore, type ItemTotals } from './count-store.js';

/**
 * Counts in PostgreSQL, shared by any number of collectors. A flush is one INSERT of
 * all its rows (arrays unnested), so it is atomic without a transaction block, and
 * `count = count + excluded.count` makes it add to what other collectors wrote.
 */
export async function openPostgresStore(url: string): Promise<CountStore> {
  const { default: pg } = await optionalDependency('pg', () => import('pg'));
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5000 });
  // A dropped connection (the server restarting) is reported by the next query, not thrown here.
  pool.on('error', () => {});
  await pool.query(COUNTS_TABLE);
  return {
    async add(rows: readonly CountRow[]) {
      if (!rows.length) return;
      const column = <K extends keyof CountRow>(name: K) => rows.map((row) => row[name]);
      await pool.query(
        `INSERT INTO trending_counts (hour, feed, item, site, type, count)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[])
         ON CONFLICT (hour, feed, item, site, type) DO UPDATE SET count = trending_counts.count + excluded.count`,
        [column('hour'), column('feed'), column('item'), column('site'), column('type'), column('count')],
      );
    },
    async totals(sinceHour: number) {
      const { rows } = await pool.query<ItemTotals>(TOTALS_QUERY, [sinceHour]);
      return rows.map((row) => ({ ...row, impressions: Number(row.impressions), clicks: Number(row.clicks) }));
    },
    async rows(sinceHour: number) {
      const { rows } = await pool.query<CountRow>(ROWS_QUERY, [sinceHour]);
      return rows.map((row) => ({ ...row, hour: Number(row.hour), count: Number(row.count) }));
    },
    close: () => pool.end(),
  };
}
