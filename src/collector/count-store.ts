import type { CountRow } from './counts.js';

/** An item's counts summed over a window, for `trending-recs stats` and the builder. */
export interface ItemTotals {
  feed: string;
  item: string;
  site: string;
  impressions: number;
  clicks: number;
}

/**
 * Where counts are kept: SQLite on one machine, PostgreSQL for several collectors.
 * Writes are additive upserts, so any number of collectors can add to one store.
 */
export interface CountStore {
  /**
   * Adds the rows to the stored counts in one transaction: all of them, or none (it
   * throws, and they can be tried again). Rows the database refuses as data are left out
   * and returned, so that they never hold the others back.
   */
  add(rows: readonly CountRow[]): Promise<readonly CountRow[]>;
  /** Every item's totals over the hours from `sinceHour` (CountRow.hour) on, most clicked first. */
  totals(sinceHour: number): Promise<ItemTotals[]>;
  /** The rows from `sinceHour` on, each hour on its own (for counts that fade with age). */
  rows(sinceHour: number): Promise<CountRow[]>;
  close(): Promise<void>;
}

/** The table, the same in both stores: one row per (hour, feed, item, site, type). */
export const COUNTS_TABLE = `CREATE TABLE IF NOT EXISTS trending_counts (
  hour BIGINT NOT NULL,
  feed TEXT NOT NULL,
  item TEXT NOT NULL,
  site TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('impression', 'click')),
  count BIGINT NOT NULL,
  PRIMARY KEY (hour, feed, item, site, type)
)`;

/** Totals per item since an hour: `$1`-style placeholders, which both stores take. */
export const TOTALS_QUERY = `SELECT feed, item, site,
  SUM(CASE WHEN type = 'impression' THEN count ELSE 0 END) AS impressions,
  SUM(CASE WHEN type = 'click' THEN count ELSE 0 END) AS clicks
FROM trending_counts WHERE hour >= $1
GROUP BY feed, item, site
ORDER BY clicks DESC, impressions DESC, feed, item, site`;

/** The rows since an hour, in a stable order. */
export const ROWS_QUERY = `SELECT hour, feed, item, site, type, count FROM trending_counts WHERE hour >= $1 ORDER BY hour, feed, item, site, type`;

/**
 * The store a command line asks for: PostgreSQL with a URL, else SQLite in `file`.
 * Their drivers are optional dependencies, loaded only here: embedding the widget
 * needs neither.
 */
export async function openCountStore({ postgres, db }: { postgres?: string; db: string }): Promise<CountStore> {
  if (postgres) return (await import('./postgres-store.js')).openPostgresStore(postgres);
  return (await import('./sqlite-store.js')).openSqliteStore(db);
}

/** Loads an optional dependency, or says how to install it. */
export async function optionalDependency<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') throw new Error(`this needs the optional dependency ${name}: npm install ${name}`);
    throw error;
  }
}
