/**
 * This page view's id: random, made on the device when the first widget measures, the
 * same for every widget of the page, kept only in memory (never stored), gone with the
 * page. The collector uses it to count a (page view, item, type) once.
 */
let id: string | undefined;

export const pageViewId = (): string =>
  // randomUUID exists only on secure (https) pages; getRandomValues everywhere.
  (id ??= Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join(''));

/** The reader asked not to be tracked: Global Privacy Control, or the older Do Not Track. */
export const optedOut = (): boolean =>
  (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true || navigator.doNotTrack === '1';
