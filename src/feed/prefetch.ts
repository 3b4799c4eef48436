/**
 * The hand-over from the loader (embed.js) to the element: the loader starts an
 * element's feed request at the same moment as it imports the element's module, and
 * leaves the request on the element. The element then takes it as its first try instead
 * of asking again. The loader and the element are separate bundles, so what they share
 * is a registered symbol and property names that no minifier renames.
 */
import { safeUrl } from './urls.js';

/** A feed request the loader started for an element it saw near the viewport. */
export interface Prefetch {
  /** The element's `src` attribute as the loader found it, resolved by fetch against the page. */
  src: string;
  response: Promise<Response>;
  controller: AbortController;
}

/** Where the loader leaves a Prefetch on a `<trending-recs>`, before the element upgrades. */
export const PREFETCH = Symbol.for('trending-recs');

/** Starts the request the element would make for `src` (the first of its tries): a plain GET. */
export function prefetchFeed(src: string): Prefetch {
  const controller = new AbortController();
  const response = fetch(src, { signal: controller.signal });
  // Unhandled if the element never takes it (its module failed): not an error of the page's.
  response.catch(() => {});
  return { src, response, controller };
}

/**
 * Takes the loader's request off `element`, once: undefined if there is none for `url`,
 * the feed URL the element trusts (safeUrl of its `src`).
 */
export function takePrefetch(element: Element, url: string | undefined): Prefetch | undefined {
  const holder = element as unknown as { [PREFETCH]?: Prefetch };
  const prefetch = holder[PREFETCH];
  if (!prefetch) return undefined;
  delete holder[PREFETCH];
  if (url && safeUrl(prefetch.src, document.baseURI) === url) return prefetch;
  // The element's src changed since, or is not one it loads: that answer is of no use.
  prefetch.controller.abort();
  return undefined;
}

/** Whether the loader has left a request on `element`, i.e. it saw it near the viewport. */
export const hasPrefetch = (element: Element): boolean => PREFETCH in element;
