import { html } from 'lit';

/**
 * Placeholders for `count` cards, of the cards' exact height (geometry.styles.ts): the
 * same markup as the loader's (loader/reserve-space.ts), so nothing moves when one
 * replaces the other.
 */
export function skeleton(count: number) {
  return html`<ul part="list" role="list">
    ${Array.from(
      { length: count },
      () => html`<li class="skeleton" aria-hidden="true"><span class="card"><span class="media"></span><span class="bar"></span><span class="bar title"></span><span class="bar"></span></span></li>`,
    )}
  </ul>`;
}
