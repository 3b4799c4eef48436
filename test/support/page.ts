import { oneEvent } from '@open-wc/testing';

// Helpers that read a widget from the outside; importing them defines nothing.

export type Outcome = { type: 'load' | 'error'; detail: any };

/** Waits for the widget's next load or error event. */
export function settled(element: Element): Promise<Outcome> {
  return Promise.race([
    oneEvent(element, 'trending-recs-load').then((e) => ({ type: 'load' as const, detail: e.detail })),
    oneEvent(element, 'trending-recs-error').then((e) => ({ type: 'error' as const, detail: e.detail })),
  ]);
}

export const shadow = (element: Element) => element.shadowRoot!;
export const cards = (element: Element) => [...shadow(element).querySelectorAll<HTMLAnchorElement>('a[part~="card"]')];
export const part = (card: Element, name: string) => card.querySelector(`[part~="${name}"]`)?.textContent?.trim();
export const titles = (element: Element) => cards(element).map((card) => part(card, 'title'));

/** Collects console.warn calls, into `warnings` when given, until restored. */
export function captureWarnings(warnings: string[] = []) {
  const original = console.warn;
  console.warn = (...args: unknown[]) =>
    warnings.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
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
