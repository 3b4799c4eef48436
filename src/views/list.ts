import { html, nothing, type TemplateResult } from 'lit';
import type { TrendingItem } from '../feed/types.js';

/** A list of cards, in the order given. */
export function list(items: readonly TrendingItem[], card: (item: TrendingItem) => TemplateResult, labelledBy?: string) {
  return html`<ul part="list" role="list" aria-labelledby=${labelledBy ?? nothing}>
    ${items.map((item) => html`<li>${card(item)}</li>`)}
  </ul>`;
}
