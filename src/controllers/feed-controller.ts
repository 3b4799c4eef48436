import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { initialState, Task, TaskStatus } from '@lit/task';
import { loadFeed } from '../feed/load-feed.js';
import { takePrefetch } from '../feed/prefetch.js';
import type { ParsedFeed, TrendingItem } from '../feed/types.js';
import { TrendingRecsErrorEvent, TrendingRecsLoadEvent } from '../events.js';
import { rankItems, rankItemsInSteps, type RankOptions } from '../rank/rank.js';
import { pause, runSteps } from '../steps.js';

/**
 * - `idle`: not started (no feed URL, or not near the viewport yet, or removed);
 * - `loading`: asking the network, nothing to show yet;
 * - `cached`: asking the network, showing a stale copy meanwhile (this visit's, or the
 *   feed shown before a reload or a change of `src`);
 * - `ready`: the fresh feed is shown;
 * - `error`: the feed could not be loaded and there is nothing to show.
 */
export type FeedState = 'idle' | 'loading' | 'cached' | 'ready' | 'error';

/** How to rank, but for the time, which is taken when ranking runs. */
export type RankingOptions = Omit<RankOptions, 'now'>;

export interface FeedSource {
  /** The feed's absolute http(s) URL, if any. */
  url(): string | undefined;
  /** Whether to load now: the host is near the viewport and in the document. */
  active(): boolean;
  /** Milliseconds for the whole request, retries included. */
  timeout(): number;
  /** Seconds a copy stays in this visit's cache. */
  cacheTtl(): number;
  /** How to rank, memoised by the host: a new object means "rank again". `now` is set here. */
  rankOptions(): RankingOptions;
  /** Whether the host's last render shows its cards in full: the load event waits for it. */
  rendered(): boolean;
}

/** Feeds up to this many items are ranked in the update itself: a millisecond or two. */
export const RANK_IN_UPDATE_MAX = 500;

interface RankingInSteps {
  feed: ParsedFeed;
  options: RankingOptions;
  controller: AbortController;
  started?: boolean;
}

/** The items to show for a feed with some options. */
interface Ranking {
  feed: ParsedFeed;
  options: RankingOptions;
  items: readonly TrendingItem[];
}

/**
 * Loads, caches and ranks the feed of a host element, and reports the outcome: a
 * `trending-recs-load` event once the ranked items of a fresh feed are rendered, a
 * `trending-recs-error` event and one console warning when the feed fails.
 *
 * Loading is a Task (its arguments: the URL and whether to start), so it runs again
 * only when one of them changed, and a newer run aborts an older one. Ranking is
 * memoised on the feed shown and the options object: a feed of up to
 * RANK_IN_UPDATE_MAX items is ranked in the update itself, so the cards follow an
 * option at once; a bigger one in steps, showing the previous ranking meanwhile.
 */
export class FeedController implements ReactiveController {
  /** This visit's copy, shown while the network is asked. */
  private _cachedCopy?: ParsedFeed;
  private _revalidate = false;
  /** The fresh feed whose load event has fired. */
  private _announced?: ParsedFeed;

  private readonly _load: Task<[string | undefined, boolean], ParsedFeed>;
  private _ranking?: Ranking;
  /** A ranking in steps under way, and how to stop it. */
  private _rankingInSteps?: RankingInSteps;

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    private readonly _source: FeedSource,
  ) {
    _host.addController(this);
    this._load = new Task(_host, {
      args: () => [_source.url(), _source.active()],
      task: ([url, active], { signal }) => this._fetch(url, active, signal),
      onError: (error) => this._report(error),
    });
  }

  get state(): FeedState {
    switch (this._load.status) {
      case TaskStatus.INITIAL:
        return 'idle';
      case TaskStatus.PENDING:
        return this.feed ? 'cached' : 'loading';
      case TaskStatus.COMPLETE:
        return 'ready';
      default:
        return 'error';
    }
  }

  /** The feed shown: the fresh one, or a stale copy while loading. */
  get feed(): ParsedFeed | undefined {
    const { status, value } = this._load;
    return status === TaskStatus.COMPLETE ? value : status === TaskStatus.PENDING ? (this._cachedCopy ?? value) : undefined;
  }

  /**
   * The items to show, best first: the ranking of the feed shown, or the previous
   * ranking while a new one runs; undefined until there is one.
   */
  get items(): readonly TrendingItem[] | undefined {
    return this._ranking?.items;
  }

  /** Fetches the feed again, past the caches; the cards shown stay until it arrives. */
  reload(): void {
    this._revalidate = true;
    void this._load.run();
  }

  /** Ranks what the update will show, when the feed or the options changed. */
  hostUpdate(): void {
    const feed = this.feed;
    if (!feed) return;
    const options = this._source.rankOptions();
    const same = (ranking?: { feed: ParsedFeed; options: RankingOptions }) => ranking?.feed === feed && ranking.options === options;
    if (same(this._ranking) || same(this._rankingInSteps)) return;
    this._rankingInSteps?.controller.abort();
    this._rankingInSteps = undefined;
    if (feed.items.length <= RANK_IN_UPDATE_MAX) {
      this._ranking = { feed, options, items: Object.freeze(rankItems(feed.items, { ...options, now: Date.now() })) };
    } else {
      this._rankingInSteps = { feed, options, controller: new AbortController() };
    }
  }

  hostUpdated(): void {
    // Started once the update is over, so that an option set at one of its pauses asks
    // for an update of its own, which ranks again.
    if (this._rankingInSteps && !this._rankingInSteps.started) this._rankInSteps(this._rankingInSteps);
    const feed = this.feed;
    if (this.state !== 'ready' || !feed || this._ranking?.feed !== feed || this._announced === feed || !this._source.rendered()) return;
    this._announced = feed;
    if (feed.skipped.length) console.warn(`<trending-recs> skipped ${feed.skipped.length} invalid item(s):`, feed.skipped);
    this._host.dispatchEvent(new TrendingRecsLoadEvent({ items: this._ranking.items, skipped: feed.skipped }));
  }

  private _rankInSteps(ranking: RankingInSteps): void {
    const { feed, options, controller } = ranking;
    ranking.started = true;
    runSteps(() => rankItemsInSteps(feed.items, { ...options, now: Date.now() }), controller.signal)
      // After thousands of items, rendering gets a task of its own.
      .then(async (items) => {
        await pause();
        controller.signal.throwIfAborted();
        this._ranking = { feed, options, items: Object.freeze(items) };
        this._rankingInSteps = undefined;
        this._host.requestUpdate();
      })
      .catch(() => {
        // Aborted: a newer feed or option took over.
      });
  }

  hostDisconnected(): void {
    this._rankingInSteps?.controller.abort();
    this._rankingInSteps = undefined;
  }

  private async _fetch(url: string | undefined, active: boolean, signal: AbortSignal) {
    const revalidate = this._revalidate;
    this._revalidate = false;
    this._cachedCopy = undefined;
    if (!url || !active) return initialState;
    // Not in the update that started the task: the first one also renders the skeleton.
    await pause();
    // What ranking reads of the page and of storage (a page's first read of storage can
    // take tens of milliseconds) is read now, while the network answers.
    this._source.rankOptions();
    // A reload that fails keeps the cards it had, and says why.
    const shown = revalidate ? this._load.value : undefined;
    try {
      return await loadFeed(url, {
        signal,
        timeout: this._source.timeout(),
        cacheTtl: this._source.cacheTtl(),
        prefetch: takePrefetch(this._host, url),
        revalidate,
        onCached: (cached) => {
          this._cachedCopy = cached;
          this._host.requestUpdate();
        },
      });
    } catch (error) {
      if (!shown || signal.aborted) throw error;
      this._report(error);
      return shown;
    }
  }

  private _report(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const src = this._source.url() ?? this._host.getAttribute('src') ?? '';
    console.warn(`<trending-recs> could not load ${src}: ${message}`);
    this._host.dispatchEvent(new TrendingRecsErrorEvent({ message, src }));
  }
}
