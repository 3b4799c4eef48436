const DAY_FORMAT: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric' };
const TIME_FORMAT: Intl.DateTimeFormatOptions = { ...DAY_FORMAT, hour: 'numeric', minute: '2-digit' };

/**
 * Formatters made so far, by language and options: making one costs about a
 * millisecond, and every dated card needs one. The first of a page costs 30–55 ms
 * (ICU loads its calendar and number data), in one piece: see dateFormatsReady.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * Whether dates can be written at the cost of a millisecond: false until the page's
 * first formatter is made (prepareDateFormats), so that it can get a task of its own.
 */
export const dateFormatsReady = (): boolean => formats.size > 0;

/** Makes the formatters for `locale`, the first of a page included (see dateFormatsReady). */
export function prepareDateFormats(locale: string | undefined): void {
  format(locale, TIME_FORMAT);
}

function format(locale: string | undefined, options: Intl.DateTimeFormatOptions) {
  const key = `${locale} ${options === TIME_FORMAT ? 'time' : 'day'}`;
  let formatter = formats.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(locale, options);
    } catch {
      // An invalid page language (lang="english") must not cost the card its date.
      formatter = new Intl.DateTimeFormat(undefined, options);
    }
    formats.set(key, formatter);
  }
  return formatter;
}

function sameDay(a: Date, b: Date): boolean {
  return a.toDateString() === b.toDateString();
}

/**
 * A reader-facing date range in the reader's time zone: "Sat, Jun 12, 7:00 – 10:30 PM"
 * for an evening, "Fri, Jul 2 – Sun, Jul 4" for a festival, the start alone when there
 * is no end.
 */
export function formatDateRange(start: number, end: number | undefined, locale?: string): string {
  const from = new Date(start);
  if (end === undefined || end <= start) return format(locale, TIME_FORMAT).format(from);
  const to = new Date(end);
  return format(locale, sameDay(from, to) ? TIME_FORMAT : DAY_FORMAT).formatRange(from, to);
}
