import type { ComplexAttributeConverter } from 'lit';

/**
 * How the element reads its attributes. A bad value gives one console warning that
 * names the attribute, and the property falls back to its default. Lists are
 * comma-separated; lists of URLs or hosts also accept spaces.
 */

const warn = (name: string, value: string, expected: string) =>
  console.warn(`<trending-recs> ${name}="${value}" is not ${expected}: using the default instead`);

/** A number of at least `min` (a whole one with `whole`); `fallback` when absent or bad. */
export function numberAttribute(
  name: string,
  { min = 0, whole = false, fallback }: { min?: number; whole?: boolean; fallback?: number } = {},
): ComplexAttributeConverter<number | undefined> {
  return {
    fromAttribute(value) {
      if (value === null) return fallback;
      const number = Number(value);
      if (value.trim() && number >= min && (!whole || Number.isInteger(number))) return number;
      warn(name, value, `${whole ? 'a whole number' : 'a number'} of at least ${min}`);
      return fallback;
    },
  };
}

/** The entries of a list attribute, trimmed, without empty ones. */
export function splitList(value: string | null, separators = /,/): string[] {
  return (value ?? '').split(separators).map((entry) => entry.trim()).filter(Boolean);
}

/** A comma-separated list. */
export const listAttribute: ComplexAttributeConverter<string[]> = { fromAttribute: (value) => splitList(value) };

/** A list of URLs or hosts: commas or spaces. */
export const urlListAttribute: ComplexAttributeConverter<string[]> = { fromAttribute: (value) => splitList(value, /[\s,]+/) };

/** A comma-separated list of some of `allowed` (case-insensitive); unknown entries are warned about and left out. */
export function choicesAttribute<T extends string>(name: string, allowed: readonly T[]): ComplexAttributeConverter<T[]> {
  return {
    fromAttribute(value) {
      const entries = splitList(value).map((entry) => entry.toLowerCase());
      const unknown = entries.filter((entry) => !allowed.includes(entry as T));
      if (unknown.length) warn(name, value!, `a list of ${allowed.join(', ')}`);
      return entries.filter((entry): entry is T => allowed.includes(entry as T));
    },
  };
}

/** One of `allowed` (case-insensitive); `fallback` when absent or bad. */
export function choiceAttribute<T extends string>(name: string, allowed: readonly T[], fallback: T): ComplexAttributeConverter<T> {
  return {
    fromAttribute(value) {
      const choice = value?.trim().toLowerCase() as T;
      if (value === null || allowed.includes(choice)) return value === null ? fallback : choice;
      warn(name, value, `one of ${allowed.join(', ')}`);
      return fallback;
    },
  };
}
