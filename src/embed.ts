/**
 * The one-script-tag loader, and the bundle entry. As a classic script it inserts a
 * `<trending-recs>` right after its own tag, copying every `data-*` attribute to the
 * element attribute of the same name. As a module (no currentScript) it only defines
 * the element.
 */
import './define.js';

const script = document.currentScript;
if (script?.parentNode) {
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
