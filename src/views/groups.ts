import { html, type TemplateResult } from 'lit';
import type { TrendingItem } from '../feed/types.js';
import { list } from './list.js';

/**
 * One labelled list per category, in the rank order of each category's best card.
 * Categories that differ only in case are one, headed as its best item writes it;
 * items without a category go under "More".
 */
export function groups(items: readonly TrendingItem[], card: (item: TrendingItem) => TemplateResult) {
  const byCategory = new Map<string | undefined, TrendingItem[]>();
  for (const item of items) {
    const category = item.category?.toLowerCase();
    byCategory.get(category)?.push(item) ?? byCategory.set(category, [item]);
  }
  return Array.from(
    byCategory.values(),
    (group, index) => html`<h3 id="g${index}" part="group-heading">${group[0]!.category ?? 'More'}</h3>${list(group, card, `g${index}`)}`,
  );
}
