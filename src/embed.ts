/**
 * The one-script-tag loader, and the bundle entry. As a classic script with a
 * `data-src` it inserts a `<trending-recs>` right after its own tag, copying every
 * `data-*` attribute to the element attribute of the same name. Without `data-src` (the
 * page places its own elements), or as a module, it only defines the element.
 */
import './define.js';

const script = document.currentScript;
if (script?.parentNode && script.dataset['src']) {
  const element = document.createElement('trending-recs');
  for (const { name, value } of Array.from(script.attributes)) {
    if (!name.startsWith('data-')) continue;
    try {
      element.setAttribute(name.slice(5), value);
    } catch {
      // Not a valid attribute name once "data-" is cut off (e.g. "data-"): skip it.
    }
  }
  script.after(element);
}
