/**
 * Measurement, loaded by the element after its first cards are rendered (a chunk of
 * its own, outside the bytes a reader loads before seeing cards): viewable impressions
 * as `trending-recs-impression` events, and the beacon that reports them and the clicks
 * to the publisher's collector.
 */
import { TrendingRecsImpressionEvent } from '../events.js';
import type { TrendingItem } from '../feed/types.js';
import { BeaconController, type BeaconHost } from './beacon-controller.js';
import { ViewabilityController } from './viewability-controller.js';

/** Starts measuring on `host`, whose cards show `items()` (ranked, so their index is the position). */
export function measure(host: BeaconHost, items: () => readonly TrendingItem[] | undefined): void {
  new ViewabilityController(
    host,
    (card) => items()?.find((item) => item.url === card.href),
    (_card, item) => host.dispatchEvent(new TrendingRecsImpressionEvent({ item, position: items()?.indexOf(item) ?? 0 })),
  );
  new BeaconController(host);
}
