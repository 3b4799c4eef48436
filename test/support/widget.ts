import { fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { settled } from './page.js';

export * from './page.js';

// Each test file starts with a reader without history: the runner may reuse a tab, and
// clicks or page views remembered by an earlier file would demote or rotate cards here.
localStorage.clear();
sessionStorage.clear();

/** Renders `<trending-recs>` for a feed URL and waits until it has loaded or failed. */
export async function renderWidget(src: string, attributes: Record<string, string> = {}) {
  const element = document.createElement('trending-recs');
  for (const [name, value] of Object.entries({ src, ...attributes })) element.setAttribute(name, value);
  const outcome = settled(element);
  await fixture(html`<div>${element}</div>`);
  await element.updateComplete;
  return { element, outcome: await outcome };
}
