import type { SkippedItem, TrendingItem } from './feed/types.js';

export interface TrendingRecsLoadDetail {
  /** The items shown, in the order shown. Empty when the feed had nothing to show. */
  items: readonly TrendingItem[];
  /** Feed items that were left out as invalid, with the reason for each. */
  skipped: readonly SkippedItem[];
}

export interface TrendingRecsErrorDetail {
  /** Why the feed could not be shown, e.g. "HTTP 404" or "not a JSON Feed". */
  message: string;
  /** The absolute feed URL. */
  src: string;
}

/** A card and its place. */
export interface TrendingRecsCardDetail {
  /** The card's item, as in the load event. */
  item: TrendingItem;
  /** Its place in the ranking, from 0: the card order, but for `group="category"`. */
  position: number;
}

const init = { bubbles: true, composed: true } as const;

/** Fired once the cards for a freshly loaded feed are rendered. */
export class TrendingRecsLoadEvent extends CustomEvent<TrendingRecsLoadDetail> {
  constructor({ items, skipped }: TrendingRecsLoadDetail) {
    // Frozen, so one listener cannot change what the next one, or the element, sees.
    super('trending-recs-load', { ...init, detail: Object.freeze({ items: Object.freeze([...items]), skipped: Object.freeze(skipped.map((s) => Object.freeze({ ...s }))) }) });
  }
}

/** Fired when the feed cannot be loaded or is not a feed; the element has collapsed. */
export class TrendingRecsErrorEvent extends CustomEvent<TrendingRecsErrorDetail> {
  constructor(detail: TrendingRecsErrorDetail) {
    super('trending-recs-error', { ...init, detail: Object.freeze({ ...detail }) });
  }
}

/** Fired when the reader opens a card: a click, a middle click, a click with Ctrl, Cmd or Shift, or Enter. */
export class TrendingRecsClickEvent extends CustomEvent<TrendingRecsCardDetail> {
  constructor(detail: TrendingRecsCardDetail) {
    super('trending-recs-click', { ...init, detail: Object.freeze({ ...detail }) });
  }
}

/**
 * Fired once per card per page view when the card becomes viewable: at least half of it
 * in view for one continuous second while the page is visible.
 */
export class TrendingRecsImpressionEvent extends CustomEvent<TrendingRecsCardDetail> {
  constructor(detail: TrendingRecsCardDetail) {
    super('trending-recs-impression', { ...init, detail: Object.freeze({ ...detail }) });
  }
}

/** A click or an impression. */
export type TrendingRecsCardEvent = TrendingRecsClickEvent | TrendingRecsImpressionEvent;

declare global {
  interface GlobalEventHandlersEventMap {
    'trending-recs-load': TrendingRecsLoadEvent;
    'trending-recs-error': TrendingRecsErrorEvent;
    'trending-recs-click': TrendingRecsClickEvent;
    'trending-recs-impression': TrendingRecsImpressionEvent;
  }
}
