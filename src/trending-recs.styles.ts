import { css, unsafeCSS } from 'lit';
import { geometryCss } from './views/geometry.styles.js';

/** The element's styles: the block's geometry (shared with the loader), then how cards look. */
export const styles = [
  unsafeCSS(geometryCss),
  css`
    :host {
      display: block;
      --_radius: var(--trending-recs-radius, 0.5rem);
      --_fill: color-mix(in srgb, currentColor 9%, #0000);
      --_accent: var(--trending-recs-accent, #1d4ed8);
      --_muted: var(--trending-recs-muted-color, color-mix(in srgb, currentColor 85%, #0000));
    }
    :host([hidden]) {
      display: none;
    }
    .card {
      border-radius: var(--_radius);
      color: inherit;
      text-decoration: none;
    }
    .media {
      position: relative;
      overflow: hidden;
      border-radius: var(--_radius);
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
    .cta {
      flex: none;
      background: var(--_accent);
      color: var(--trending-recs-accent-text, #fff);
    }
  `,
];
