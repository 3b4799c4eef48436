import { html, nothing } from 'lit';
import type { TrendingItem } from '../feed/types.js';
import { formatDateRange } from '../format/date-range.js';

export interface CardContext {
  /** The language dates are written in. */
  language: string | undefined;
  /** Whether dates are written yet: they come a task after the cards (see dateFormatsReady). */
  dates: boolean;
  /** Pictures that failed to load: the card shows the site icon instead, or an empty box. */
  brokenPictures: ReadonlySet<string>;
  /** A picture failed to load. */
  onPictureError: (event: Event) => void;
  /** The reader opened the card, in this tab or another. */
  onOpen: (item: TrendingItem) => void;
}

/**
 * One card: a single link holding the sponsorship label, title, dates, category, site,
 * call to action and picture, in that reading order (the grid places them visually).
 */
export function card(item: TrendingItem, context: CardContext) {
  const dated = item.startsAt !== undefined;
  const picture = [item.image, item.siteIcon].find((url) => url && !context.brokenPictures.has(url));
  // A middle click opens the card too; a right click only shows a menu.
  const onAuxClick = (event: MouseEvent) => event.button === 1 && context.onOpen(item);
  return html`<a
    class=${dated ? 'card dated' : 'card'}
    part="card ${item.sponsored ? 'card-sponsored' : ''}"
    href=${item.url}
    rel=${item.sponsored ? 'sponsored' : nothing}
    @click=${() => context.onOpen(item)}
    @auxclick=${onAuxClick}
  >
    ${item.sponsored ? html`<span class="badge" part="sponsored">Sponsored${item.sponsor ? ` · ${item.sponsor}` : ''}</span>` : nothing}
    <span class="main">
      <span class="title" part="title">${item.title}</span>
      ${dated
        ? html`<span class="detail" part="date">${context.dates ? `${formatDateRange(item.startsAt!, item.endsAt, context.language)}${item.venue ? ` · ${item.venue}` : ''}` : ''}</span>`
        : nothing}
    </span>
    <span class="eyebrow">${item.category ? html`<span part="category">${item.category}</span>` : nothing}</span>
    <span class="footer">
      <span class="site" part="site">${item.site}</span>
      ${item.cta ? html`<span class="cta" part="cta">${item.cta}</span>` : nothing}
    </span>
    <span class="media">
      ${picture
        ? html`<img part="image" class=${picture === item.image ? nothing : 'icon'} src=${picture} alt="" loading="lazy" @error=${context.onPictureError} />`
        : nothing}
    </span>
  </a>`;
}
