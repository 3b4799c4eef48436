import { html, nothing } from 'lit';

/** The block: a section labelled by its heading, `busy` while it shows a skeleton. */
export function block(heading: string, content: unknown, busy = false) {
  return html`<section part="section" aria-labelledby="heading" aria-busy=${busy ? 'true' : nothing}>
    <h2 id="heading" part="heading">${heading}</h2>
    ${content}
  </section>`;
}
