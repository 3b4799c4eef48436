// Option values of a command line, read with a clear message, or a UsageError (exit 2).

/** A command line that cannot run as written: exit 2, with the message and the command's help. */
export class UsageError extends Error {}

/** A duration such as `90s`, `10m`, `24h` or `7d`, in milliseconds. */
export function parseDuration(value: string, name: string): number {
  const match = /^(\d+(?:\.\d+)?)(s|m|h|d)$/.exec(value.trim());
  if (!match) throw new UsageError(`${name} must be a duration such as 90s, 10m, 24h or 7d, not "${value}"`);
  return Number(match[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 's' | 'm' | 'h' | 'd'];
}

/** A whole number from `min` on. */
export function parseWhole(value: string, name: string, min: number): number {
  const number = Number(value);
  if (!value.trim() || !Number.isInteger(number) || number < min) throw new UsageError(`${name} must be a whole number of at least ${min}, not "${value}"`);
  return number;
}
