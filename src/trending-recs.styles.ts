import { css } from 'lit';

// Every card has the same height (fixed image ratio, fixed text rows) so the skeleton
// can reserve exactly the space the cards will take: no layout shift when they arrive.
export const styles = css`
  :host {
    display: block;
    --_accent: var(--trending-recs-accent, #1d4ed8);
    --_accent-text: var(--trending-recs-accent-text, #fff);
    --_muted: var(--trending-recs-muted-color, color-mix(in srgb, currentColor 70%, transparent));
    --_gap: var(--trending-recs-gap, 1rem);
    --_radius: var(--trending-recs-radius, 0.5rem);
    --_ratio: var(--trending-recs-image-ratio, 16 / 9);
    --_placeholder: color-mix(in srgb, currentColor 9%, transparent);
  }
  :host([hidden]) {
    display: none;
  }
  h2 {
    margin: 0 0 0.75em;
    font-size: 1.25em;
    line-height: 1.3;
  }
  ul {
    display: grid;
    grid-template-columns: repeat(
      auto-fill,
      minmax(min(var(--trending-recs-card-min-width, 13rem), 100%), 1fr)
    );
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: flex;
    min-width: 0;
  }
  .card {
    display: flex;
    flex: 1;
    flex-direction: column;
    min-width: 0;
    border-radius: var(--_radius);
    color: inherit;
    text-decoration: none;
  }
  a:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 3px;
  }
  a:hover .title {
    text-decoration: underline;
  }
  .media {
    position: relative;
    display: block;
    aspect-ratio: var(--_ratio);
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_placeholder);
  }
  img {
    position: absolute;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .icon {
    inset: 0;
    width: 3em;
    height: 3em;
    margin: auto;
    border-radius: 0.5em;
  }
  .badge {
    position: absolute;
    bottom: 0.5em;
    left: 0.5em;
    max-width: calc(100% - 1em);
    padding: 0.15em 0.5em;
    border-radius: 0.25em;
    background: #000c;
    color: #fff;
    font-size: 0.75em;
  }
  .body {
    display: grid;
    grid-template-rows: auto 1fr auto;
    height: 8em;
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
    margin-top: 0.6em;
    color: var(--_muted);
    font-size: 0.75em;
    font-weight: 600;
    letter-spacing: 0.04em;
    line-height: 1.3;
    min-height: 1.3em;
    text-transform: uppercase;
  }
  .main {
    margin-top: 0.25em;
    overflow: hidden;
  }
  .title {
    display: -webkit-box;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    font-weight: 600;
    line-height: 1.3;
  }
  .dated .title {
    -webkit-line-clamp: 2;
  }
  .detail,
  .footer {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
    line-height: 1.3;
  }
  .footer {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
    height: 2em;
  }
  .cta {
    flex: none;
    padding: 0.2em 0.75em;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  .bar {
    display: block;
    width: 40%;
    height: 1em;
    border-radius: 0.25em;
    background: var(--_placeholder);
  }
  .line {
    width: 100%;
    margin-bottom: 0.3em;
  }
  .line + .line {
    width: 70%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .bar,
    .skeleton .media {
      animation: pulse 1.6s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
`;
