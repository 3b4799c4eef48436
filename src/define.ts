import { TrendingRecs } from './trending-recs.js';

export const tagName = 'trending-recs';

// Guarded: a page may load the embed twice, or the script and the module build.
if (!customElements.get(tagName)) customElements.define(tagName, TrendingRecs);

declare global {
  interface HTMLElementTagNameMap {
    'trending-recs': TrendingRecs;
  }
}
