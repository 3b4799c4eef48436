/**
 * The block's geometry: everything that decides its height. The loader reserves the
 * space with it before Lit has loaded, and the element lays out its skeleton and cards
 * with it, so the three are the same height. A plain string, so the loader needs no Lit.
 * Every card is a grid with the same rows (a picture of a fixed ratio, then text rows of
 * fixed height). The host's own display is the element's: until the element loads, the
 * host is inline, which gives a block inside it the same height, and `hidden` hides it.
 */
const css = (strings: TemplateStringsArray) => strings[0]!;

export const geometryCss = css`
  h2 {
    margin: 0 0 0.75em;
    font-size: 1.25em;
  }
  ul {
    display: grid;
    grid-template-columns: repeat(auto-fill,minmax(min(var(--trending-recs-card-min-width,13rem),100%),1fr));
    gap: var(--trending-recs-gap, 1rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    display: grid;
    grid-template-rows: auto 2em 3.9em 2em;
    line-height: 1.3;
  }
  .media {
    aspect-ratio: var(--trending-recs-image-ratio, 16 / 9);
    background: color-mix(in srgb,currentColor 9%,#0000);
  }
`;
