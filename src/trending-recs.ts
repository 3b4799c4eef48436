import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Task, initialState } from '@lit/task';
import { LazyStartController } from './controllers/lazy-start-controller.js';
import { loadFeed } from './feed/load-feed.js';
import { safeUrl } from './feed/urls.js';
import type { ParsedFeed, TrendingItem } from './feed/types.js';
import { TrendingRecsErrorEvent, TrendingRecsLoadEvent } from './events.js';
import { formatDateRange } from './format/date-range.js';
import { fromSites, inCategories, ofKinds, onHosts } from './rank/filters.js';
import { clickedPenalty, contextBoost, rotation } from './rank/boosts.js';
import { keywordsOf } from './rank/keywords.js';
import { rankItems, rankItemsInSteps, type RankOptions } from './rank/rank.js';
import { pageTopic } from './page/page-topic.js';
import { pause, runSteps } from './steps.js';
import { clickedIds, earlierPagesInSession, rememberClick } from './page/reader-history.js';
import { styles } from './trending-recs.styles.js';

const DEFAULT_LIMIT = 12;
const MAX_LIMIT = 100;
const DEFAULT_TIMEOUT = 8000;

/**
 * A block of cards that sends readers to what is trending on a publisher's sister sites.
 * It fetches a JSON Feed when it comes near the viewport, ranks it, and renders one
 * link per card. While loading it shows a skeleton of the final height; when the feed
 * fails or has nothing to show, it collapses to nothing.
 *
 * @tagname trending-recs
 * @summary Cross-site recommendation cards from a JSON Feed.
 *
 * @fires {TrendingRecsLoadEvent} trending-recs-load - The cards are rendered. `detail.items`: the items shown; `detail.skipped`: invalid feed items with reasons.
 * @fires {TrendingRecsErrorEvent} trending-recs-error - The feed could not be shown; the element has collapsed. `detail.message` says why, `detail.src` names the feed.
 *
 * @csspart section - The block, a `<section>` labelled by the heading.
 * @csspart heading - The heading (`<h2>`).
 * @csspart list - A list of cards: the only one, or one per category with `group="category"`.
 * @csspart group-heading - With `group="category"`, the heading (`<h3>`) that labels each category's list.
 * @csspart card - Each card: the one link it contains. Sponsored cards also have the part `card-sponsored`.
 * @csspart image - The card's picture; the site icon (class `icon`) when the item has none or its picture fails to load.
 * @csspart sponsored - The visible "Sponsored" label (with the sponsor's name when known).
 * @csspart category - The category label.
 * @csspart title - The title.
 * @csspart date - The date range of an event or offer.
 * @csspart site - The sister site's name.
 * @csspart cta - The call to action of an offer, such as "Register" (styled text, not a second link).
 *
 * @cssproperty --trending-recs-accent - Call-to-action background and focus ring. Default `#1d4ed8`.
 * @cssproperty --trending-recs-accent-text - Call-to-action text colour. Default `#fff`.
 * @cssproperty --trending-recs-muted-color - Category, date and site text. Default: the inherited colour at 85%.
 * @cssproperty --trending-recs-gap - Space between cards. Default `1rem`.
 * @cssproperty --trending-recs-card-min-width - Narrowest a card gets before the grid drops a column. Default `13rem`.
 * @cssproperty --trending-recs-radius - Corner radius of cards and pictures. Default `0.5rem`.
 * @cssproperty --trending-recs-image-ratio - Aspect ratio of pictures. Default `16 / 9`.
 */
export class TrendingRecs extends LitElement {
  static override styles = styles;

  // The HTML API: each property's attribute and type. Documented on the fields below.
  static override properties = {
    src: {},
    limit: { type: Number },
    heading: {},
    timeout: { type: Number },
    exclude: {},
    halfLife: { type: Number, attribute: 'half-life' },
    maxAge: { type: Number, attribute: 'max-age' },
    perSite: { type: Number, attribute: 'per-site' },
    maxSponsored: { type: Number, attribute: 'max-sponsored' },
    categories: {},
    sites: {},
    kinds: {},
    allowHosts: { attribute: 'allow-hosts' },
    cacheTtl: { type: Number, attribute: 'cache-ttl' },
    context: {},
    seed: { type: Number },
    group: {},
  };

  /** URL of the JSON Feed, resolved against the page. */
  src = '';

  /** How many cards to show at most (1–100). */
  limit = DEFAULT_LIMIT;

  /** Text of the block's heading. */
  heading = 'Trending on our other sites';

  /** Milliseconds to wait for the feed before giving up and collapsing. */
  timeout = DEFAULT_TIMEOUT;

  /**
   * Space-separated URLs never to show. The page's own URL and its canonical URL are
   * always excluded.
   */
  exclude = '';

  /** Hours after which an article's trending score has halved (guides: four times slower). */
  halfLife = 72;

  /** Leave out undated items published more than this many days ago. */
  maxAge?: number;

  /** At most this many cards from one sister site. Default: a third of `limit`, rounded up. */
  perSite?: number;

  /** At most this many sponsored cards. Default: one per six cards, rounded up. */
  maxSponsored?: number;

  /** Comma-separated categories: only items in one of them are shown (case-insensitive). */
  categories?: string;

  /** Comma-separated sister sites, by display name or host: only items from them are shown. */
  sites?: string;

  /** Comma-separated kinds (`article`, `guide`, `event`, `offer`): only these are shown. */
  kinds?: string;

  /**
   * Space-separated hosts the cards may link to, `*.` for any subdomain
   * (`harbor.example *.harbor.example`). Cards linking elsewhere are dropped.
   */
  allowHosts?: string;

  /** Seconds a feed stays in this visit's cache, shown at once on the next page while a fresh copy loads. 0: no cache. */
  cacheTtl = 300;

  /**
   * Keywords that favour related items (space- or comma-separated), or `off`. Default:
   * words of the page's title, first heading and keyword, tag and section metadata.
   */
  context?: string;

  /**
   * Fixes the order of near-equal items, which otherwise changes from one page of the
   * visit to the next so the block does not look frozen: 0 keeps the ranked order.
   * Default: the number of pages seen before in this visit.
   */
  seed?: number;

  /** `category`: cards grouped under a heading per category. Default: one mixed list. */
  group?: string;

  private readonly _lazyStart = new LazyStartController(this);
  private _shown: TrendingItem[] = [];
  private _loadPending = false;
  /**
   * A feed shown before the Task completes: this visit's cached copy while the network is
   * asked, then the fresh feed, ranked, while its cards render.
   */
  private _early?: ParsedFeed;
  private readonly _brokenPictures = new Set<string>();
  private _clicked: string[] = [];
  /** The feed `_shown` was ranked from. */
  private _rankedFeed?: ParsedFeed;

  constructor() {
    super();
    // Remembered so this item is demoted on the reader's next pages.
    this.addEventListener('click', (event) => {
      const card = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
      const item = this._shown.find((shown) => shown.url === card?.href);
      if (item) rememberClick(item.id);
    });
  }

  /**
   * A picture that fails to load is not asked for again: its card shows the site icon
   * instead, or the empty picture box. Kept as state, so a card that Lit later reuses for
   * another item shows that item's own picture.
   */
  protected override firstUpdated(): void {
    this.renderRoot.addEventListener(
      'error',
      ({ target }) => {
        this._brokenPictures.add((target as HTMLImageElement).src);
        this.requestUpdate();
      },
      true,
    );
  }

  private readonly _feed = new Task(this, {
    // Removal turns `active` off: the Task aborts the request in flight, and
    // fetches again if the element is put back.
    args: () => [this._feedUrl(), this._lazyStart.active] as const,
    task: async ([url, active], { signal }): Promise<ParsedFeed> => {
      this._early = undefined;
      if (!url || !active) return initialState as never;
      // Read now, not in the task that ranks: a page's first read of localStorage can take
      // tens of milliseconds.
      this._clicked = clickedIds();
      const feed = await loadFeed(url, {
        signal,
        timeout: this.timeout > 0 ? this.timeout : DEFAULT_TIMEOUT,
        cacheTtl: this.cacheTtl,
        onCached: (cached) => {
          this._early = cached;
          this.requestUpdate();
        },
      });
      // Ranked in steps too, and rendered in a task of its own: for thousands of items,
      // each of these takes tens of milliseconds.
      const shown = this._shown;
      const ranked = await runSteps(() => rankItemsInSteps(feed.items, this._rankOptions()), signal);
      this._early = feed;
      // Unless an option changed meanwhile (willUpdate ranked again): then the update
      // ranks this feed with the new options.
      if (this._shown === shown) [this._rankedFeed, this._shown] = [feed, ranked];
      await pause();
      return feed;
    },
    onComplete: () => {
      this._early = undefined;
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
    return safeUrl(this.src, document.baseURI);
  }

  private _limit(): number {
    const limit = Math.floor(this.limit);
    return limit >= 1 ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT;
  }

  private _excludedUrls(): string[] {
    const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href;
    return [location.href, canonical, ...this.exclude.split(/\s+/)].map((url) => safeUrl(url, document.baseURI) ?? '');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const feed = this._early ?? this._feed.value;
    // Not again for a broken picture's update: that is thousands of items to score.
    if (changed.size || feed !== this._rankedFeed) {
      this._rankedFeed = feed;
      this._shown = feed ? rankItems(feed.items, this._rankOptions()) : [];
    }
  }

  private _rankOptions(): RankOptions {
    return {
      now: Date.now(),
      limit: this._limit(),
      exclude: this._excludedUrls(),
      halfLifeHours: this.halfLife,
      maxAgeDays: this.maxAge,
      perSite: this.perSite,
      maxSponsored: this.maxSponsored,
      filters: [inCategories(this.categories), fromSites(this.sites), ofKinds(this.kinds), onHosts(this.allowHosts)],
      boosts: [
        contextBoost(this.context === 'off' ? [] : keywordsOf(this.context ?? pageTopic(document))),
        clickedPenalty(this._clicked),
        rotation(this.seed ?? earlierPagesInSession()),
      ],
    };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const feed = this._feed.value;
    if (!this._loadPending || !feed) return;
    this._loadPending = false;
    if (feed.skipped.length) {
      console.warn(`<trending-recs> skipped ${feed.skipped.length} invalid item(s):`, feed.skipped);
    }
    this.dispatchEvent(new TrendingRecsLoadEvent({ items: this._shown, skipped: feed.skipped }));
  }

  protected override render() {
    const cards = () => (this._shown.length ? this._renderBlock(this.group === 'category' ? this._renderGroups() : this._renderList(this._shown)) : nothing);
    const skeleton = () => this._renderBlock(renderList(Array.from({ length: this._limit() }, renderSkeletonCard)), true);
    return this._feed.render({
      // Without a feed there is nothing to reserve room for.
      initial: () => (this._feedUrl() ? skeleton() : nothing),
      pending: () => (this._early ?? this._feed.value ? cards() : skeleton()),
      complete: cards,
      error: () => nothing,
    });
  }

  private _renderBlock(content: unknown, busy = false) {
    return html`<section part="section" aria-labelledby="heading" aria-busy=${busy ? 'true' : nothing}>
      <h2 id="heading" part="heading">${this.heading}</h2>
      ${content}
    </section>`;
  }

  private _renderList(items: TrendingItem[], label?: string) {
    return renderList(items.map((item) => this._renderCard(item)), label);
  }

  /** One labelled list per category, in the rank order of each category's first card. */
  private _renderGroups() {
    const groups = new Map<string | undefined, TrendingItem[]>();
    for (const item of this._shown) {
      const category = item.category?.toLowerCase();
      groups.get(category)?.push(item) ?? groups.set(category, [item]);
    }
    // Headed by the category as its best item writes it; categories differing in case are one.
    return Array.from(
      groups.values(),
      (items, index) => html`<h3 id=${`g${index}`} part="group-heading">${items[0]!.category ?? 'More'}</h3>${this._renderList(items, `g${index}`)}`,
    );
  }

  private _renderCard(item: TrendingItem) {
    const dated = item.startsAt !== undefined;
    const picture = [item.image, item.siteIcon].find((url) => url && !this._brokenPictures.has(url));
    const language = this.closest('[lang]')?.getAttribute('lang') || undefined;
    return html`<li>
      <a class=${dated ? 'card dated' : 'card'} part=${item.sponsored ? 'card card-sponsored' : 'card'} href=${item.url} rel=${item.sponsored ? 'sponsored' : nothing}
>
        ${item.sponsored
          ? html`<span class="badge" part="sponsored">Sponsored${item.sponsor ? ` · ${item.sponsor}` : ''}</span>`
          : nothing}
        <span class="main">
          <span class="title" part="title">${item.title}</span>
          ${dated
            ? html`<span class="detail" part="date">${formatDateRange(item.startsAt!, item.endsAt, language)}${item.venue ? ` · ${item.venue}` : ''}</span>`
            : nothing}
        </span>
        <span class="eyebrow">${item.category ? html`<span part="category">${item.category}</span>` : nothing}</span>
        <span class="footer">
          <span class="site" part="site">${item.site}</span>
          ${item.cta ? html`<span class="cta" part="cta">${item.cta}</span>` : nothing}
        </span>
        <span class="media">
          ${picture
            ? html`<img part="image" class=${picture === item.image ? '' : 'icon'} src=${picture} alt="" loading="lazy">`
            : nothing}
        </span>
      </a>
    </li>`;
  }
}

function renderList(cards: TemplateResult[], labelledBy?: string) {
  return html`<ul part="list" role="list" aria-labelledby=${labelledBy || nothing}>${cards}</ul>`;
}

function renderSkeletonCard() {
  return html`<li class="skeleton" aria-hidden="true">
    <span class="card"><span class="media"></span><span class="bar"></span><span class="bar title"></span><span class="bar"></span></span>
  </li>`;
}
