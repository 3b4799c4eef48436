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
 * For every test of the calling suite: no uncaught error or unhandled rejection may reach
 * the page, and the console warnings and `trending-recs-error` events of the test are
 * collected in the returned arrays, emptied before each test.
 */
export function watchEachTest() {
  const warnings: string[] = [];
  const errorEvents: CustomEvent[] = [];
  const onError = (event: Event) => errorEvents.push(event as CustomEvent);
  let console_: ReturnType<typeof captureWarnings>;
  let page: ReturnType<typeof watchPageErrors>;
  beforeEach(() => {
    warnings.length = 0;
    errorEvents.length = 0;
    console_ = captureWarnings(warnings);
    page = watchPageErrors();
    document.addEventListener('trending-recs-error', onError);
  });
  afterEach(() => {
    document.removeEventListener('trending-recs-error', onError);
    console_.restore();
    page.stop();
    expect(page.errors, 'uncaught errors or unhandled rejections').to.be.empty;
  });
  return { warnings, errorEvents };
}

/** watchEachTest, and no test of the calling suite writes a console warning. */
export function expectQuietTests() {
  const { warnings } = watchEachTest();
  afterEach(() => expect(warnings).to.be.empty);
}
