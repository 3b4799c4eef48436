/**
 * The beacon the widget sends to the collector: what a reader saw and clicked in one
 * page view. Pure, shared by the widget (beacon-controller.ts) and the collector, which
 * checks every beacon with parseBeacon. The JSON Schema is schema/beacon.schema.json.
 */

/** The version of the beacon's shape that this code reads. */
export const BEACON_VERSION = 1;
/** A beacon carries at most this many events: the widget sends every 20. */
export const MAX_EVENTS = 50;
/** The longest feed or page URL taken, in UTF-8 bytes. */
export const MAX_URL_BYTES = 2048;
/**
 * The longest item id or site name taken, in UTF-8 bytes: the widget's ids are at most
 * 300 characters, and a key of (feed, item, site) must fit a database index.
 */
export const MAX_TEXT_BYTES = 512;

export type EventType = 'impression' | 'click';

export interface BeaconEvent {
  type: EventType;
  /** The item's id in the feed. */
  item: string;
  /** The sister site's display name. */
  site: string;
  /** The card's place in the block, from 0. */
  position: number;
  sponsored: boolean;
}

export interface Beacon {
  version: typeof BEACON_VERSION;
  /** The trending feed's URL. */
  feed: string;
  /** The page's URL without its query string or fragment. */
  page: string;
  /** A random id the device made for this page view, never stored anywhere. */
  pageView: string;
  events: BeaconEvent[];
}

/** Why a beacon was refused: a short reason for a 400 answer and the log. */
export class BeaconError extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const encoder = new TextEncoder();

/**
 * A text a database takes as it is: no control characters (PostgreSQL refuses a zero
 * byte), no lone surrogates (two different ones would become the same bytes, and one
 * key), and at most `maxBytes` of UTF-8.
 */
function text(value: unknown, name: string, maxBytes = MAX_TEXT_BYTES): string {
  if (typeof value !== 'string' || !value.trim()) throw new BeaconError(`${name} must be a non-empty string`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) {
    throw new BeaconError(`${name} must be text without control characters or lone surrogates`);
  }
  if (value.length > maxBytes || encoder.encode(value).length > maxBytes) throw new BeaconError(`${name} is longer than ${maxBytes} bytes`);
  return value;
}

function httpUrl(value: unknown, name: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text(value, name, MAX_URL_BYTES));
  } catch {
    // Said below.
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') throw new BeaconError(`${name} must be an http(s) URL`);
  return url.href;
}

function event(value: unknown, index: number): BeaconEvent {
  const name = `events[${index}]`;
  if (!isObject(value)) throw new BeaconError(`${name} must be an object`);
  const { type, item, site, position, sponsored } = value;
  if (type !== 'impression' && type !== 'click') throw new BeaconError(`${name}.type must be "impression" or "click"`);
  if (!Number.isInteger(position) || (position as number) < 0 || (position as number) > 1000) throw new BeaconError(`${name}.position must be a whole number from 0 to 1000`);
  if (typeof sponsored !== 'boolean') throw new BeaconError(`${name}.sponsored must be true or false`);
  return { type, item: text(item, `${name}.item`), site: text(site, `${name}.site`), position: position as number, sponsored };
}

/** Reads a beacon's body, or throws a BeaconError that says what is wrong with it. */
export function parseBeacon(body: string): Beacon {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new BeaconError('body is not JSON');
  }
  if (!isObject(json)) throw new BeaconError('body must be a JSON object');
  if (json['version'] !== BEACON_VERSION) throw new BeaconError(`unknown version ${JSON.stringify(json['version'])}: this collector reads version ${BEACON_VERSION}`);
  const events = json['events'];
  if (!Array.isArray(events) || !events.length) throw new BeaconError('events must be a non-empty array');
  if (events.length > MAX_EVENTS) throw new BeaconError(`too many events: ${events.length}, at most ${MAX_EVENTS}`);
  const pageView = text(json['pageView'], 'pageView');
  if (!/^[\w-]{8,64}$/.test(pageView)) throw new BeaconError('pageView must be 8 to 64 letters, digits, "-" or "_"');
  return {
    version: BEACON_VERSION,
    feed: httpUrl(json['feed'], 'feed'),
    page: httpUrl(json['page'], 'page'),
    pageView,
    events: events.map(event),
  };
}
