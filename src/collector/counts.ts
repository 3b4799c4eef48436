import type { Beacon, EventType } from '../measure/beacon.js';

/** One row of counts: how many events of a type an item had in an hour. */
export interface CountRow {
  /** The hour's start, in whole seconds since 1970 (UTC). */
  hour: number;
  feed: string;
  item: string;
  site: string;
  type: EventType;
  count: number;
}

const SEP = '\u0000';
const keyOf = (row: Omit<CountRow, 'count'>) => [row.hour, row.feed, row.item, row.site, row.type].join(SEP);

/** The hour that `ms` falls in, as CountRow.hour. */
export const hourOf = (ms: number): number => Math.floor(ms / 3_600_000) * 3600;

/**
 * Counts in memory, until they are flushed to a store in one transaction: per (hour,
 * feed, item, site, type), so that what is written is small and additive, and several
 * collectors writing to one database sum correctly. No event is kept, only counts.
 */
export class Counts {
  private rows = new Map<string, CountRow>();

  /** How many distinct rows are waiting. */
  get size(): number {
    return this.rows.size;
  }

  add(row: CountRow): void {
    const key = keyOf(row);
    const held = this.rows.get(key);
    if (held) held.count += row.count;
    else this.rows.set(key, { ...row });
  }

  /** Takes every row out, for a flush; put them back with `restore` if it fails. */
  take(): CountRow[] {
    const rows = [...this.rows.values()];
    this.rows = new Map();
    return rows;
  }

  /** Puts back rows a flush could not write: they add to what came in meanwhile. */
  restore(rows: CountRow[]): void {
    for (const row of rows) this.add(row);
  }
}

/** The most (page view, item, type) triples a generation of SeenEvents holds. */
export const MAX_SEEN = 500_000;

/**
 * The (page view, item, type) triples seen lately, so that a beacon sent twice counts
 * once. Two generations, each `windowMs` long or MAX_SEEN triples, whichever comes
 * first: memory stays bounded (about 100 MB at most) whatever the traffic, and a triple
 * is remembered for at least one generation.
 */
export class SeenEvents {
  private current = new Set<string>();
  private previous = new Set<string>();
  private rotatedAt: number;

  constructor(
    private readonly windowMs: number,
    now: number,
  ) {
    this.rotatedAt = now;
  }

  /** Whether this event was seen before; remembers it if not. */
  seen(pageView: string, item: string, type: EventType, now: number): boolean {
    if (now - this.rotatedAt >= this.windowMs || this.current.size >= MAX_SEEN) {
      this.previous = this.current;
      this.current = new Set();
      this.rotatedAt = now;
    }
    const key = [pageView, item, type].join(SEP);
    if (this.current.has(key) || this.previous.has(key)) return true;
    this.current.add(key);
    return false;
  }
}

/** Adds a beacon's events to `counts`, each (page view, item, type) once; returns how many counted. */
export function countBeacon(beacon: Beacon, counts: Counts, seen: SeenEvents, now: number): number {
  let counted = 0;
  const hour = hourOf(now);
  for (const event of beacon.events) {
    if (seen.seen(beacon.pageView, event.item, event.type, now)) continue;
    counts.add({ hour, feed: beacon.feed, item: event.item, site: event.site, type: event.type, count: 1 });
    counted++;
  }
  return counted;
}
