import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TrendingItem } from '../feed/types.js';

/** The share of a card's pixels that must be in view (MRC: 50%). */
export const VIEWABLE_RATIO = 0.5;
/** For this long without a break, while the page is visible (MRC: 1 s). */
export const VIEWABLE_MS = 1000;

/**
 * Reports each card once per page view when it becomes viewable by the MRC definition:
 * at least half of it in view for one continuous second while the document is visible.
 * A hidden tab stops every clock; a card that leaves the view stops its own.
 */
export class ViewabilityController implements ReactiveController {
  /** Running clocks, with the item each was started for: Lit reuses a card's link for another item. */
  private readonly _clocks = new Map<Element, { timer: ReturnType<typeof setTimeout>; item: TrendingItem }>();
  private readonly _inView = new Set<Element>();
  private readonly _reported = new Set<string>();
  private _observer?: IntersectionObserver;

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    /** The item a card links to, if it is one of the cards shown. */
    private readonly _itemOf: (card: HTMLAnchorElement) => TrendingItem | undefined,
    private readonly _onViewable: (card: HTMLAnchorElement, item: TrendingItem) => void,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    this._observer = new IntersectionObserver((entries) => entries.forEach((entry) => this._seen(entry)), { threshold: VIEWABLE_RATIO });
    document.addEventListener('visibilitychange', this._onVisibility);
    this._observeCards();
  }

  hostUpdated(): void {
    // A card that now shows another item starts again from zero.
    for (const [card, clock] of [...this._clocks]) {
      if (this._itemOf(card as HTMLAnchorElement)?.id !== clock.item.id) {
        this._stop(card);
        this._start(card);
      }
    }
    this._observeCards();
  }

  hostDisconnected(): void {
    this._observer?.disconnect();
    document.removeEventListener('visibilitychange', this._onVisibility);
    for (const card of [...this._clocks.keys()]) this._stop(card);
    this._inView.clear();
  }

  private _observeCards(): void {
    for (const card of this._host.shadowRoot?.querySelectorAll<HTMLAnchorElement>('a[part~="card"]') ?? []) {
      const item = this._itemOf(card);
      if (item && !this._reported.has(item.id)) this._observer?.observe(card);
    }
  }

  private _seen({ target, isIntersecting, intersectionRatio }: IntersectionObserverEntry): void {
    if (isIntersecting && intersectionRatio >= VIEWABLE_RATIO) {
      this._inView.add(target);
      this._start(target);
    } else {
      this._inView.delete(target);
      this._stop(target);
    }
  }

  private readonly _onVisibility = () => {
    for (const card of this._inView) {
      if (document.visibilityState === 'visible') this._start(card);
      else this._stop(card);
    }
  };

  private _start(card: Element): void {
    const item = this._itemOf(card as HTMLAnchorElement);
    if (!item || this._reported.has(item.id) || this._clocks.has(card) || document.visibilityState !== 'visible') return;
    const timer = setTimeout(() => {
      this._clocks.delete(card);
      if (this._itemOf(card as HTMLAnchorElement)?.id !== item.id) return this._start(card);
      this._observer?.unobserve(card);
      this._inView.delete(card);
      this._reported.add(item.id);
      this._onViewable(card as HTMLAnchorElement, item);
    }, VIEWABLE_MS);
    this._clocks.set(card, { timer, item });
  }

  private _stop(card: Element): void {
    clearTimeout(this._clocks.get(card)?.timer);
    this._clocks.delete(card);
  }
}
