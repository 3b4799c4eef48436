const DAY_FORMAT: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric' };
const TIME_FORMAT: Intl.DateTimeFormatOptions = { ...DAY_FORMAT, hour: 'numeric', minute: '2-digit' };

function format(locale: string | undefined, options: Intl.DateTimeFormatOptions) {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    // An invalid page language (lang="english") must not cost the card its date.
    return new Intl.DateTimeFormat(undefined, options);
  }
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
