const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses an RFC 3339 date-time into epoch milliseconds, or undefined when the value is
 * not one. Strict on purpose: `Date.parse` accepts many shapes and rolls Feb 30 over to
 * March 2, and an event shown on the wrong day is worse than one shown without a date.
 */
export function parseRfc3339(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = RFC3339.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number, number, number, number, number, number,
  ];
  const fraction = match[7] ? Number(`0.${match[7]}`) * 1000 : 0;
  const offsetHours = match[10] ? Number(match[10]) : 0;
  const offsetMinutes = match[11] ? Number(match[11]) : 0;
  if (
    month < 1 || month > 12 ||
    day < 1 || day > daysInMonth(year, month) ||
    hour > 23 || minute > 59 ||
    // 60 is a leap second; treat it as the last second of the minute.
    second > 60 ||
    offsetHours > 23 || offsetMinutes > 59
  ) {
    return undefined;
  }
  const offset = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return Date.UTC(year, month - 1, day, hour, minute - offset, Math.min(second, 59), fraction);
}
