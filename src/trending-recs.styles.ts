import { unsafeCSS } from 'lit';

/**
 * Lit's `css` tag, for a literal without interpolations: the same CSSResult, without
 * the tag's checks for interpolated values (about 100 bytes of every reader's download).
 * Named `css` so the build still minifies the stylesheet. Only ever given this file's
 * own literal, never data, so "unsafe" does not apply.
 */
const css = (strings: TemplateStringsArray) => unsafeCSS(strings[0]);

// Every card is a grid with the same rows (picture of a fixed ratio, then text rows of
// fixed height), so the skeleton reserves exactly the space the cards will take.
export const styles = css`
  :host {
    display: block;
    --_accent: var(--trending-recs-accent, #1d4ed8);
    --_muted: var(--trending-recs-muted-color, color-mix(in srgb, currentColor 85%, #0000));
    --_radius: var(--trending-recs-radius, 0.5rem);
    --_fill: color-mix(in srgb, currentColor 9%, #0000);
  }
  :host([hidden]) {
    display: none;
  }
  h2 {
    margin: 0 0 0.75em;
    font-size: 1.25em;
  }
  ul {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(var(--trending-recs-card-min-width, 13rem), 100%), 1fr));
    gap: var(--trending-recs-gap, 1rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    display: grid;
    grid-template-rows: auto 2em 3.9em 2em;
    border-radius: var(--_radius);
    color: inherit;
    line-height: 1.3;
    text-decoration: none;
  }
  .card:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 3px;
  }
  .card:hover .title {
    text-decoration: underline;
  }
  /* The reading order is title first (and a sponsorship label before it); the grid
     puts the picture on top and the label over the picture. */
  .media,
  .badge {
    grid-area: 1 / 1;
  }
  .eyebrow {
    grid-row: 2;
  }
  .main {
    grid-row: 3;
  }
  .footer {
    grid-row: 4;
  }
  .media {
    position: relative;
    aspect-ratio: var(--trending-recs-image-ratio, 16 / 9);
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_fill);
  }
  img {
    position: absolute;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .icon {
    inset: 30%;
    width: 40%;
    height: 40%;
    object-fit: contain;
  }
  h3 {
    margin: 1em 0 0.5em;
    font-size: 1em;
  }
  .eyebrow,
  .badge,
  .detail,
  .site {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .eyebrow {
    align-self: center;
    color: var(--_muted);
    font-size: 0.75em;
    font-weight: 600;
    text-transform: uppercase;
  }
  .title {
    display: -webkit-box;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    font-weight: 600;
  }
  .dated .title {
    -webkit-line-clamp: 2;
  }
  .main {
    overflow: hidden;
  }
  .detail {
    display: block;
  }
  .detail,
  .footer {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .footer {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }
  .badge,
  .cta {
    padding: 0.2em 0.6em;
    border-radius: 1em;
    font-weight: 600;
  }
  .badge {
    z-index: 1;
    align-self: end;
    justify-self: start;
    max-width: calc(100% - 2em);
    margin: 0.5em;
    background: #000c;
    color: #fff;
    font-size: 0.75em;
  }
  .cta {
    flex: none;
    background: var(--_accent);
    color: var(--trending-recs-accent-text, #fff);
  }
  .bar {
    width: 40%;
    height: 0.8em;
    align-self: center;
    border-radius: 0.25em;
    background: var(--_fill);
  }
  .bar.title {
    width: auto;
    height: 2.4em;
  }
`;
