import { LitElement, nothing, type PropertyValues } from 'lit';
import { choiceAttribute, choicesAttribute, listAttribute, numberAttribute, urlListAttribute } from './attributes.js';
import { FeedController, type FeedState, type RankingOptions } from './controllers/feed-controller.js';
import { LazyStartController } from './controllers/lazy-start-controller.js';
import { cardCount, DEFAULT_HEADING, DEFAULT_LIMIT } from './defaults.js';
import { TrendingRecsClickEvent } from './events.js';
import { hasPrefetch } from './feed/prefetch.js';
import { ITEM_KINDS, type ItemKind, type TrendingItem } from './feed/types.js';
import { safeUrl } from './feed/urls.js';
import { dateFormatsReady, prepareDateFormats } from './format/date-range.js';
import { readReaderContext, type ReaderContext } from './page/reader-context.js';
import { rememberClick } from './page/reader-history.js';
import { clickedPenalty, contextBoost, rotation } from './rank/boosts.js';
import { fromSites, inCategories, ofKinds, onHosts } from './rank/filters.js';
import { keywordsOf } from './rank/keywords.js';
import { pause } from './steps.js';
import { styles } from './trending-recs.styles.js';
import { block } from './views/block.js';
import { card, type CardContext } from './views/card.js';
import { groups } from './views/groups.js';
import { list } from './views/list.js';
import { skeleton } from './views/skeleton.js';

const DEFAULT_TIMEOUT = 8000;

/**
 * Runs `work` in a task of its own once the next frame is painted. A hidden page (a
 * background tab, a prerender) paints no frames: there, after the next task.
 */
const afterPaint = (work: () => void) => (document.hidden ? setTimeout : requestAnimationFrame)(() => setTimeout(work));

/** How the cards are arranged: one mixed list, or a list per category under its own heading. */
export type Grouping = 'none' | 'category';
const GROUPINGS: readonly Grouping[] = ['none', 'category'];

/** The properties whose change means ranking again. */
const RANKING_PROPERTIES = ['limit', 'exclude', 'halfLife', 'maxAge', 'perSite', 'maxSponsored', 'categories', 'sites', 'kinds', 'allowHosts', 'context', 'seed'] as const;

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
 * @fires {TrendingRecsClickEvent} trending-recs-click - The reader opened a card (click, middle click, Ctrl/Cmd/Shift click, Enter). `detail.item`, `detail.position` (from 0, in the ranking).
 * @fires {TrendingRecsImpressionEvent} trending-recs-impression - A card became viewable: at least half of it in view for one continuous second while the page was visible; once per card per page view. `detail.item`, `detail.position`.
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

  // The HTML API: each property's attribute and how it is read. Documented on the fields below.
  static override properties = {
    src: {},
    limit: { converter: numberAttribute('limit', { min: 1, whole: true, fallback: DEFAULT_LIMIT }) },
    heading: {},
    timeout: { converter: numberAttribute('timeout', { min: 1, fallback: DEFAULT_TIMEOUT }) },
    exclude: { converter: urlListAttribute },
    halfLife: { attribute: 'half-life', converter: numberAttribute('half-life', { min: Number.MIN_VALUE, fallback: 72 }) },
    maxAge: { attribute: 'max-age', converter: numberAttribute('max-age', { min: Number.MIN_VALUE }) },
    perSite: { attribute: 'per-site', converter: numberAttribute('per-site', { min: 1, whole: true }) },
    maxSponsored: { attribute: 'max-sponsored', converter: numberAttribute('max-sponsored', { whole: true }) },
    categories: { converter: listAttribute },
    sites: { converter: listAttribute },
    kinds: { converter: choicesAttribute('kinds', ITEM_KINDS) },
    allowHosts: { attribute: 'allow-hosts', converter: urlListAttribute },
    cacheTtl: { attribute: 'cache-ttl', converter: numberAttribute('cache-ttl', { fallback: 300 }) },
    context: {},
    seed: { converter: numberAttribute('seed', { whole: true }) },
    group: { converter: choiceAttribute('group', GROUPINGS, 'none') },
    beacon: {},
  };

  /** URL of the JSON Feed, resolved against the page. */
  src = '';

  /** How many cards to show at most (1–100). */
  limit: number = DEFAULT_LIMIT;

  /** Text of the block's heading. */
  heading: string = DEFAULT_HEADING;

  /** Milliseconds to wait for the feed, retries included, before giving up and collapsing. */
  timeout = DEFAULT_TIMEOUT;

  /**
   * URLs never to show (attribute: separated by commas or spaces). The page's own URL
   * and its canonical URL are always excluded.
   */
  exclude: string[] = [];

  /** Hours after which an article's trending score has halved (guides: four times slower). */
  halfLife = 72;

  /** Leave out undated items published more than this many days ago. */
  maxAge?: number;

  /**
   * At most this many cards from one sister site, a hard cap. Without it, a third of
   * `limit` (rounded up) is preferred, and the block is filled from fewer sites when
   * too few are left.
   */
  perSite?: number;

  /** At most this many sponsored cards. Default: one per six cards, rounded up. */
  maxSponsored?: number;

  /** Only items in one of these categories are shown (case-insensitive). Attribute: comma-separated. */
  categories: string[] = [];

  /** Only items from these sister sites, by display name or host, are shown. Attribute: comma-separated. */
  sites: string[] = [];

  /** Only items of these kinds are shown. Attribute: comma-separated. */
  kinds: ItemKind[] = [];

  /**
   * Hosts the cards may link to, `*.` for any subdomain (`harbor.example,
   * *.harbor.example`; attribute: commas or spaces). Cards linking elsewhere are dropped.
   */
  allowHosts: string[] = [];

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

  /** `category`: cards grouped under a heading per category. Default `none`: one mixed list. */
  group: Grouping = 'none';

  /**
   * URL of the publisher's collector (`trending-recs collect`): the impressions and
   * clicks of this page view are sent there, unless the reader opted out (Global Privacy
   * Control, Do Not Track). Without it, nothing leaves the page; the events still fire.
   */
  beacon?: string;

  private readonly _lazyStart = new LazyStartController(this);
  private readonly _feed = new FeedController(this, {
    url: () => this._feedUrl(),
    active: () => this._lazyStart.active,
    timeout: () => (this.timeout > 0 ? this.timeout : DEFAULT_TIMEOUT),
    cacheTtl: () => this.cacheTtl,
    rankOptions: () => (this._rankOptions ??= this._makeRankOptions()),
    rendered: () => !this._waitsForDates(),
  });
  /** Read once per connection, when there is first something to rank. */
  private _reader?: ReaderContext;
  private _rankOptions?: RankingOptions;
  private _standIn: ChildNode[] = [];
  private readonly _brokenPictures = new Set<string>();
  /** What every card needs but its item; the language comes from the reader context. */
  private readonly _cardContext: Omit<CardContext, 'language' | 'dates'> = {
    brokenPictures: this._brokenPictures,
    // Not asked for again: the card shows the site icon instead, or the empty picture box.
    onPictureError: ({ target }) => {
      this._brokenPictures.add((target as HTMLImageElement).src);
      this.requestUpdate();
    },
    // Remembered so this item is demoted on the reader's next pages.
    onOpen: (item) => {
      rememberClick(item.id);
      this.dispatchEvent(new TrendingRecsClickEvent({ item, position: this._feed.items!.indexOf(item) }));
    },
  };
  private _measuring = false;

  /**
   * What the block shows now: `idle` (not started: no feed, or not near the viewport
   * yet), `loading` (skeleton), `cached` (a stale copy while a fresh one loads), `ready`,
   * or `error` (collapsed).
   */
  get state(): FeedState {
    return this._feed.state;
  }

  /** Fetches the feed again, past the browser's and this visit's caches; the cards stay until it arrives. */
  reload(): void {
    this._feed.reload();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The loader saw this element near the viewport and has started its feed request.
    if (hasPrefetch(this)) this._lazyStart.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._reader = this._rankOptions = undefined;
  }

  /**
   * The loader's stand-in (a skeleton of the same geometry) keeps the block's height
   * until the first render: it is taken out and put back after Lit's render point, so
   * Lit renders after it (not before a node that then goes), and it goes in that render.
   */
  protected override createRenderRoot() {
    const standIn = [...(this.shadowRoot?.childNodes ?? [])];
    this.shadowRoot?.replaceChildren();
    const root = super.createRenderRoot();
    root.append(...standIn);
    this._standIn = standIn;
    return root;
  }

  /**
   * Under the loader's stand-in, the first render gets a task of its own: the module's
   * evaluation and the upgrade are one task already, and all three would make one over
   * 50 ms on a slow phone. Without a stand-in it renders at once, or the block would
   * have no height for a frame.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (this._standIn.length) await pause();
    super.scheduleUpdate();
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    for (const node of this._standIn.splice(0)) node.remove();
  }

  /**
   * Once the first cards are painted: measurement, a chunk of its own, so that it costs
   * the cards nothing (not even the task that would load it before their first frame).
   */
  protected override updated(): void {
    // The page's first date formatter takes 30–55 ms in one piece: the cards are painted
    // without their dates, which follow in a task of their own, in rows kept for them.
    // Asked again by an update before then, it costs a look-up.
    if (this._waitsForDates()) {
      afterPaint(() => {
        prepareDateFormats(this._reader?.language);
        this.requestUpdate();
      });
    }
    if (this._measuring || !this._feed.items?.length) return;
    this._measuring = true;
    afterPaint(() =>
      import('./measure/measure.js').then(
        ({ measure }) => measure(this, () => this._feed.items),
        () => {},
      ),
    );
  }

  /** Whether cards on show wait for their dates (see updated()). */
  private _waitsForDates(): boolean {
    return !dateFormatsReady() && !!this._feed.items?.some((item) => item.startsAt !== undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (RANKING_PROPERTIES.some((name) => changed.has(name))) this._rankOptions = undefined;
  }

  private _feedUrl(): string | undefined {
    return safeUrl(this.src, document.baseURI);
  }

  private _makeRankOptions(): RankingOptions {
    const reader = (this._reader ??= readReaderContext(this));
    const limit = cardCount(this.limit);
    return {
      limit,
      exclude: [...reader.pageUrls, ...this.exclude.map((url) => safeUrl(url, document.baseURI) ?? '')],
      halfLifeHours: this.halfLife,
      maxAgeDays: this.maxAge,
      perSite: this.perSite,
      maxSponsored: this.maxSponsored,
      filters: [inCategories(this.categories), fromSites(this.sites), ofKinds(this.kinds), onHosts(this.allowHosts)],
      boosts: [
        contextBoost(this.context === 'off' ? [] : this.context ? keywordsOf(this.context) : reader.topic),
        clickedPenalty(reader.clicked),
        rotation(this.seed ?? reader.pagesBefore),
      ],
    };
  }

  protected override render() {
    const items = this._feed.items;
    switch (this._feed.state) {
      case 'error':
        return nothing;
      case 'idle':
      case 'loading':
        // Without a feed there is nothing to reserve room for.
        return this._feedUrl() ? this._skeleton() : nothing;
      case 'cached':
      case 'ready': {
        if (!items) return this._skeleton();
        const context = { ...this._cardContext, language: this._reader?.language, dates: dateFormatsReady() };
        const renderCard = (item: TrendingItem) => card(item, context);
        return items.length ? block(this.heading, this.group === 'category' ? groups(items, renderCard) : list(items, renderCard)) : nothing;
      }
    }
  }

  private _skeleton() {
    return block(this.heading, skeleton(cardCount(this.limit)), true);
  }
}
