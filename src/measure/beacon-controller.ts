import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TrendingRecsCardEvent } from '../events.js';
import { safeUrl } from '../feed/urls.js';
import { BEACON_VERSION, MAX_EVENTS, type BeaconEvent } from './beacon.js';
import { optedOut, pageViewId } from './page-view.js';

/** Events queued before a beacon goes without waiting for the page to be hidden. */
export const SEND_AT = 20;

/** What the beacon needs of its host: the collector's URL and the feed's. */
export interface BeaconHost extends ReactiveControllerHost, HTMLElement {
  beacon?: string;
  src: string;
}

/**
 * Batches the host's impression and click events of this page view and sends them to
 * the collector at `beacon` with navigator.sendBeacon, as text/plain (no CORS
 * preflight): when SEND_AT are queued, when the page is hidden, and when it is left. A
 * click is never delayed by it. Nothing is sent when the reader opted out (Global
 * Privacy Control, Do Not Track); nothing is ever stored on the device.
 */
export class BeaconController implements ReactiveController {
  private readonly _queue: BeaconEvent[] = [];

  constructor(private readonly _host: BeaconHost) {
    _host.addController(this);
  }

  hostConnected(): void {
    this._host.addEventListener('trending-recs-impression', this._onEvent);
    this._host.addEventListener('trending-recs-click', this._onEvent);
    document.addEventListener('visibilitychange', this._onVisibility);
    addEventListener('pagehide', this._send);
  }

  hostDisconnected(): void {
    this._send();
    this._host.removeEventListener('trending-recs-impression', this._onEvent);
    this._host.removeEventListener('trending-recs-click', this._onEvent);
    document.removeEventListener('visibilitychange', this._onVisibility);
    removeEventListener('pagehide', this._send);
  }

  private readonly _onEvent = (event: TrendingRecsCardEvent) => {
    const { item, position } = event.detail;
    this._queue.push({ type: event.type === 'trending-recs-click' ? 'click' : 'impression', item: item.id, site: item.site, position, sponsored: item.sponsored });
    if (this._queue.length >= SEND_AT) this._send();
  };

  private readonly _onVisibility = () => document.visibilityState === 'hidden' && this._send();

  private readonly _send = () => {
    const events = this._queue.splice(0);
    try {
      const url = safeUrl(this._host.beacon, document.baseURI);
      const feed = safeUrl(this._host.src, document.baseURI);
      if (!events.length || !url || !feed || optedOut()) return;
      const page = location.origin + location.pathname;
      for (let start = 0; start < events.length; start += MAX_EVENTS) {
        navigator.sendBeacon(url, JSON.stringify({ version: BEACON_VERSION, feed, page, pageView: pageViewId(), events: events.slice(start, start + MAX_EVENTS) }));
      }
    } catch {
      // A beacon the browser refuses (a CSP, a full queue) is lost, never thrown into the page.
    }
  };
}
