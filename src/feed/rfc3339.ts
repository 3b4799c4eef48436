const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|([+-])(\d\d):(\d\d))$/i;

/**
 * Parses an RFC 3339 date-time into epoch milliseconds, or undefined when the value is
 * not one. Strict on purpose: `Date.parse` accepts many shapes and rolls Feb 30 over to
 * March 2, and an event shown on the wrong day is worse than one shown without a date.
 */
export function parseRfc3339(value: unknown): number | undefined {
  const match = typeof value === 'string' ? RFC3339.exec(value.trim()) : null;
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[] as [
    number, number, number, number, number, number,
  ];
  const offsetHours = Number(match[10] ?? 0);
  const offsetMinutes = Number(match[11] ?? 0);
  // 60 is a leap second, read as the last second of its minute.
  if (hour > 23 || minute > 59 || second > 60 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  // A day or month out of range rolls over to another date: refuse it instead.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  const offset = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return date.getTime() + ((hour * 60 + minute - offset) * 60 + Math.min(second, 59) + Number(match[7] ?? 0)) * 1000;
}
