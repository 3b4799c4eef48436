import { cardCount, DEFAULT_HEADING } from '../defaults.js';
import { geometryCss } from '../views/geometry.styles.js';

let sheet: CSSStyleSheet | undefined;

const add = (parent: Node, tag: string, className = '') => {
  const child = document.createElement(tag);
  child.className = className;
  return parent.appendChild(child);
};

/**
 * Gives a `<trending-recs>` that is not defined yet a skeleton of the height the element
 * will render, in the shadow root the element will then take over, so the block has its
 * final height from the start. DOM calls, not markup: innerHTML would need a Trusted
 * Types policy; a constructed stylesheet needs nothing from the page's CSP.
 */
export function reserveSpace(element: Element): void {
  const root = element.attachShadow({ mode: 'open' });
  // Without a feed the element renders nothing: an empty root marks it as seen.
  if (!element.hasAttribute('src')) return;
  if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(geometryCss);
  root.adoptedStyleSheets = [sheet];
  const section = add(root, 'section');
  // A stand-in, until the element's own skeleton (labelled and busy) replaces it.
  section.ariaHidden = 'true';
  add(section, 'h2').textContent = element.getAttribute('heading') ?? DEFAULT_HEADING;
  const list = add(section, 'ul');
  for (let i = cardCount(element.getAttribute('limit')); i--; ) {
    // The rows that give a card its height; the element's skeleton adds grey text bars.
    add(add(add(list, 'li'), 'span', 'card'), 'span', 'media');
  }
}
