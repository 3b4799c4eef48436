import type { Pool, PoolClient } from 'pg';
import type { CountRow } from './counts.js';
import { COUNTS_TABLE, optionalDependency, ROWS_QUERY, TOTALS_QUERY, type CountStore, type ItemTotals } from './count-store.js';

const INSERT = `INSERT INTO trending_counts (hour, feed, item, site, type, count)
  SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[])
  ON CONFLICT (hour, feed, item, site, type) DO UPDATE SET count = trending_counts.count + excluded.count`;

const insert = (client: Pool | PoolClient, rows: readonly CountRow[]) => {
  const column = <K extends keyof CountRow>(name: K) => rows.map((row) => row[name]);
  return client.query(INSERT, [column('hour'), column('feed'), column('item'), column('site'), column('type'), column('count')]);
};

/** An error about the rows themselves (SQLSTATE classes 21, 22, 54), not about the connection: trying again cannot help. */
const isDataError = (error: unknown) => /^(21|22|54)/.test(String((error as { code?: unknown }).code ?? ''));

/**
 * Counts in PostgreSQL, shared by any number of collectors. A flush is one INSERT of
 * all its rows (arrays unnested), so it is atomic without a transaction block, and
 * `count = count + excluded.count` makes it add to what other collectors wrote.
 */
export async function openPostgresStore(url: string): Promise<CountStore> {
  const { default: pg } = await optionalDependency('pg', () => import('pg'));
  // A query on a connection that died without closing fails after 10 s, not the OS's 15 minutes.
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5000, query_timeout: 10_000, keepAlive: true });
  // A dropped connection (the server restarting) is reported by the next query, not thrown here.
  pool.on('error', () => {});
  await pool.query(COUNTS_TABLE);
  return {
    async add(rows: readonly CountRow[]) {
      if (!rows.length) return [];
      try {
        await insert(pool, rows);
        return [];
      } catch (error) {
        if (!isDataError(error)) throw error;
      }
      // A row the database refuses must not hold the others back for ever: each goes in a
      // savepoint of one transaction, and those refused are left out.
      const client = await pool.connect();
      const refused: CountRow[] = [];
      try {
        await client.query('BEGIN');
        for (const row of rows) {
          await client.query('SAVEPOINT row');
          try {
            await insert(client, [row]);
          } catch (error) {
            if (!isDataError(error)) throw error;
            refused.push(row);
            await client.query('ROLLBACK TO SAVEPOINT row');
          }
        }
        await client.query('COMMIT');
        return refused;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
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
