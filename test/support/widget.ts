import { fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { TrendingRecs } from '../../src/trending-recs.js';

export type Outcome = { type: 'load' | 'error'; detail: any };

/** Waits for the widget's next load or error event. */
export function settled(element: TrendingRecs): Promise<Outcome> {
  return Promise.race([
    oneEvent(element, 'trending-recs-load').then((e) => ({ type: 'load' as const, detail: e.detail })),
    oneEvent(element, 'trending-recs-error').then((e) => ({ type: 'error' as const, detail: e.detail })),
  ]);
}

/** Renders `<trending-recs>` for a feed URL and waits until it has loaded or failed. */
export async function renderWidget(src: string, attributes: Record<string, string> = {}) {
  const element = document.createElement('trending-recs');
  for (const [name, value] of Object.entries({ src, ...attributes })) element.setAttribute(name, value);
  const outcome = settled(element);
  await fixture(html`<div>${element}</div>`);
  await outcome;
  await element.updateComplete;
  return { element, outcome: await outcome };
}

export const shadow = (element: Element) => element.shadowRoot!;
export const cards = (element: Element) => [...shadow(element).querySelectorAll<HTMLAnchorElement>('a[part~="card"]')];
export const part = (card: Element, name: string) => card.querySelector(`[part~="${name}"]`)?.textContent?.trim();

/** Collects console.warn calls while a test runs. */
export function captureWarnings() {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  return { warnings, restore: () => (console.warn = original) };
}

/** Records unhandled rejections and uncaught errors that reach the page. */
export function watchPageErrors() {
  const errors: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('error', onError);
  return {
    errors,
    stop: () => {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
    },
  };
}
