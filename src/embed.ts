/**
 * The loader, `dist/embed.js`: a classic script small enough for every page, which
 * defers the element itself until a reader gets near it.
 *
 * - With a `data-src` it inserts a `<trending-recs>` right after its own tag, copying
 *   every `data-*` attribute to the element attribute of the same name (one-tag form).
 * - Every `<trending-recs>` in the document, now or added later, gets the skeleton the
 *   element will render, so its final height is reserved at once (reserve-space.ts).
 * - When one comes within about a viewport of being visible, the loader starts its feed
 *   request and imports the element's module (`trending-recs.js` next to this script)
 *   at the same time, and leaves the request on the element for it to take (prefetch.ts).
 * - Elements that already have a shadow root are someone else's: the element's own
 *   module, or another copy of this loader. So loading twice, or next to the module
 *   build, is harmless.
 */
import { PREFETCH, prefetchFeed, type Prefetch } from './feed/prefetch.js';
import { reserveSpace } from './loader/reserve-space.js';

const TAG = 'trending-recs';
const script = document.currentScript as HTMLScriptElement | null;

// A script removed from the page before it ran has no parent: after() then does nothing.
if (script?.dataset['src']) {
  const element = document.createElement(TAG);
  for (const { name, value } of script.attributes) {
    if (!name.startsWith('data-')) continue;
    try {
      element.setAttribute(name.slice(5), value);
    } catch {
      // Not a valid attribute name once "data-" is cut off (e.g. "data-"): skip it.
    }
  }
  script.after(element);
}

// Not for an inline copy of this script: the element's module is found next to its file.
if (script?.src && !customElements.get(TAG)) {
  const moduleUrl = new URL('trending-recs.js', script.src).href;
  // Live: the elements in the document at any moment, without searching it again.
  const elements = document.getElementsByTagName(TAG);
  const requests: Record<string, Prefetch> = Object.create(null);
  let module: Promise<unknown> | undefined;

  // The element's module could not load (blocked, offline): no block will come, so the
  // reserved space goes, and the page hears why, as from a feed that failed.
  const fail = (error: unknown) => {
    const message = `could not load ${moduleUrl}: ${error}`;
    console.warn(`<${TAG}> ${message}`);
    for (const element of elements) {
      element.shadowRoot?.replaceChildren();
      element.dispatchEvent(new CustomEvent(`${TAG}-error`, { bubbles: true, composed: true, detail: { message, src: element.getAttribute('src') } }));
    }
  };

  // Near the viewport: the feed request and the module, at the same time. Checked by
  // the element (safeUrl) before it takes the answer; fetch itself asks no server for a
  // URL that is not http(s) or that carries credentials. One request per feed, however
  // many elements show it.
  const start = (element: Element) => {
    near.unobserve(element);
    module ??= import(moduleUrl).catch(fail);
    const src = element.getAttribute('src');
    if (src) (element as unknown as Record<symbol, Prefetch>)[PREFETCH] = requests[src] ??= prefetchFeed(src);
  };

  const near = new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) if (isIntersecting && !customElements.get(TAG)) start(target);
    },
    { rootMargin: '100% 0px' },
  );

  // Elements with a shadow root already are taken care of. One that starts less than a
  // viewport below the visible part (or above it: the reader came from there) starts
  // without the observer, which would wait for the page's first frame. Its place is
  // read in the next task: reading it may lay out the whole page, which must not
  // lengthen the task that runs this script or changed the page. A block the page
  // removed by then is left to the observer: nothing loads for it unless it comes back
  // near view.
  const watch = () => {
    for (const element of elements) {
      if (element.shadowRoot) continue;
      reserveSpace(element);
      setTimeout(() => (element.isConnected && element.getBoundingClientRect().top < 2 * innerHeight ? start(element) : near.observe(element)));
    }
  };
  watch();
  // Once the element is defined, every new one upgrades with a shadow root of its own,
  // so this costs a look at the few elements of the live list per change of the page.
  new MutationObserver(watch).observe(document, { childList: true, subtree: true });
}
