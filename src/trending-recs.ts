import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import { LazyStartController } from './controllers/lazy-start-controller.js';
import { fetchFeedJson } from './feed/fetch.js';
import { parseFeed } from './feed/parse.js';
import type { ParsedFeed, TrendingItem } from './feed/types.js';
import { TrendingRecsErrorEvent, TrendingRecsLoadEvent } from './events.js';
import { formatDateRange } from './format/date-range.js';
import { rankItems } from './rank/rank.js';
import { styles } from './trending-recs.styles.js';

const DEFAULT_LIMIT = 12;
const MAX_LIMIT = 100;

/**
 * A block of cards that sends readers to what is trending on a publisher's sister sites.
 * It fetches a JSON Feed when it comes near the viewport, ranks it, and renders one
 * link per card. While loading it shows a skeleton of the final height; when the feed
 * fails or has nothing to show, it collapses to nothing.
 *
 * @summary Cross-site recommendation cards from a JSON Feed.
 *
 * @fires {TrendingRecsLoadEvent} trending-recs-load - The cards are rendered. `detail.items`: the items shown; `detail.skipped`: invalid feed items with reasons.
 * @fires {TrendingRecsErrorEvent} trending-recs-error - The feed could not be shown; the element has collapsed. `detail.message` says why, `detail.src` names the feed.
 *
 * @csspart section - The block, a `<section>` labelled by the heading.
 * @csspart heading - The heading (`<h2>`).
 * @csspart list - The list of cards.
 * @csspart card - Each card: the one link it contains. Sponsored cards also have the part `card-sponsored`.
 * @csspart image - The card's picture, when the item has one.
 * @csspart sponsored - The visible "Sponsored" label (with the sponsor's name when known).
 * @csspart category - The category label.
 * @csspart title - The title.
 * @csspart date - The date range of an event or offer.
 * @csspart site - The sister site's name.
 * @csspart cta - The call to action of an offer, such as "Register" (styled text, not a second link).
 *
 * @cssproperty --trending-recs-accent - Call-to-action background and focus ring. Default `#1d4ed8`.
 * @cssproperty --trending-recs-accent-text - Call-to-action text colour. Default `#fff`.
 * @cssproperty --trending-recs-muted-color - Category, date and site text. Default: the inherited colour at 70%.
 * @cssproperty --trending-recs-gap - Space between cards. Default `1rem`.
 * @cssproperty --trending-recs-card-min-width - Narrowest a card gets before the grid drops a column. Default `13rem`.
 * @cssproperty --trending-recs-radius - Corner radius of cards and pictures. Default `0.5rem`.
 * @cssproperty --trending-recs-image-ratio - Aspect ratio of pictures. Default `16 / 9`.
 */
export class TrendingRecs extends LitElement {
  static override styles = styles;

  /** URL of the JSON Feed, resolved against the page. */
  @property() src = '';

  /** How many cards to show at most (1–100). */
  @property({ type: Number }) limit = DEFAULT_LIMIT;

  /** Text of the block's heading. */
  @property() heading = 'Trending on our other sites';

  /**
   * Space-separated URLs never to show. The page's own URL and its canonical URL are
   * always excluded.
   */
  @property() exclude = '';

  private readonly _lazyStart = new LazyStartController(this);
  private _shown: TrendingItem[] = [];
  private _loadPending = false;

  private readonly _feed = new Task(this, {
    args: () => [this._feedUrl(), this._lazyStart.started] as const,
    task: async ([url, started], { signal }): Promise<ParsedFeed> => {
      if (!url || !started) return initialState as never;
      return parseFeed(await fetchFeedJson(url, signal), url);
    },
    onComplete: () => {
      this._loadPending = true;
    },
    onError: (error) => {
      const message = error instanceof Error ? error.message : String(error);
      const src = this._feedUrl() ?? this.src;
      console.warn(`<trending-recs> could not load ${src}: ${message}`);
      this.dispatchEvent(new TrendingRecsErrorEvent({ message, src }));
    },
  });

  private _feedUrl(): string | undefined {
    if (!this.src) return undefined;
    try {
      return new URL(this.src, document.baseURI).href;
    } catch {
      return undefined;
    }
  }

  private _limit(): number {
    const limit = Math.floor(this.limit);
    return limit >= 1 ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT;
  }

  private _excludedUrls(): string[] {
    const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href;
    const urls = [location.href, ...this.exclude.split(/\s+/)];
    if (canonical) urls.push(canonical);
    return urls.map((url) => {
      try {
        return new URL(url, document.baseURI).href;
      } catch {
        return '';
      }
    });
  }

  protected override willUpdate(): void {
    const feed = this._feed.value;
    this._shown = feed
      ? rankItems(feed.items, { now: Date.now(), limit: this._limit(), exclude: this._excludedUrls() })
      : [];
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const feed = this._feed.value;
    if (!this._loadPending || !feed) return;
    this._loadPending = false;
    if (feed.skipped.length) {
      const reasons = feed.skipped.map((s) => `#${s.index}${s.id ? ` (${s.id})` : ''}: ${s.reason}`);
      console.warn(`<trending-recs> skipped ${feed.skipped.length} feed item(s): ${reasons.join('; ')}`);
    }
    this.dispatchEvent(new TrendingRecsLoadEvent({ items: this._shown, skipped: feed.skipped }));
  }

  protected override render() {
    const cards = () => (this._shown.length ? this._renderBlock(this._shown.map(this._renderCard)) : nothing);
    const skeleton = () => this._renderBlock(Array.from({ length: this._limit() }, renderSkeletonCard), true);
    return this._feed.render({
      // Without a feed there is nothing to reserve room for.
      initial: () => (this._feedUrl() ? skeleton() : nothing),
      pending: () => (this._feed.value ? cards() : skeleton()),
      complete: cards,
      error: () => nothing,
    });
  }

  private _renderBlock(cards: TemplateResult[], busy = false) {
    return html`<section part="section" aria-labelledby="heading" aria-busy=${busy ? 'true' : nothing}>
      <h2 id="heading" part="heading">${this.heading}</h2>
      <ul part="list" role="list">${cards}</ul>
    </section>`;
  }

  private readonly _renderCard = (item: TrendingItem) => {
    const dated = item.startsAt !== undefined;
    const rel = [item.sponsored && 'sponsored', new URL(item.url).origin !== location.origin && 'noopener']
      .filter(Boolean)
      .join(' ');
    const language = this.closest('[lang]')?.getAttribute('lang') || undefined;
    return html`<li>
      <a class="card ${dated ? 'dated' : ''}" part=${item.sponsored ? 'card card-sponsored' : 'card'} href=${item.url} rel=${rel || nothing}>
        <span class="media">
          ${item.image
            ? html`<img part="image" src=${item.image} alt="" width="640" height="360" loading="lazy" decoding="async">`
            : item.siteIcon
              ? html`<img class="icon" src=${item.siteIcon} alt="" width="48" height="48" loading="lazy">`
              : nothing}
          ${item.sponsored
            ? html`<span class="badge" part="sponsored">Sponsored${item.sponsor ? ` · ${item.sponsor}` : ''}</span>`
            : nothing}
        </span>
        <span class="body">
          <span class="eyebrow">${item.category ? html`<span part="category">${item.category}</span>` : nothing}</span>
          <span class="main">
            <span class="title" part="title">${item.title}</span>
            ${dated
              ? html`<span class="detail" part="date">${formatDateRange(item.startsAt!, item.endsAt, language)}${item.venue ? ` · ${item.venue}` : ''}</span>`
              : nothing}
          </span>
          <span class="footer">
            <span class="site" part="site">${item.site}</span>
            ${item.cta ? html`<span class="cta" part="cta">${item.cta}</span>` : nothing}
          </span>
        </span>
      </a>
    </li>`;
  };
}

function renderSkeletonCard() {
  return html`<li class="skeleton" aria-hidden="true">
    <span class="card">
      <span class="media"></span>
      <span class="body">
        <span class="eyebrow"><span class="bar"></span></span>
        <span class="main"><span class="bar line"></span><span class="bar line"></span></span>
        <span class="footer"><span class="bar"></span></span>
      </span>
    </span>
  </li>`;
}
