import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { captureWarnings, settled, watchPageErrors } from './page.js';

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

/**
 * For every test of the calling suite: no uncaught error or unhandled rejection reaches
 * the page, and no console warning is written.
 */
export function expectQuietTests() {
  let warnings: ReturnType<typeof captureWarnings>;
  let page: ReturnType<typeof watchPageErrors>;
  beforeEach(() => {
    warnings = captureWarnings();
    page = watchPageErrors();
  });
  afterEach(() => {
    warnings.restore();
    page.stop();
    expect(page.errors, 'uncaught errors or unhandled rejections').to.be.empty;
    expect(warnings.warnings).to.be.empty;
  });
}
