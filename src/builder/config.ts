import { safeUrl } from '../feed/urls.js';
import { ITEM_KINDS, type ItemKind } from '../feed/types.js';

/** One sister site and where its own feeds are. */
export interface SiteConfig {
  name: string;
  url: string;
  icon?: string;
  /** Feed URLs (http or https) or file paths, relative to the config file. */
  feeds: string[];
  kind?: ItemKind;
  category?: string;
}

/** `network.json`: what `trending-recs build` reads. See schema/network.schema.json. */
export interface NetworkConfig {
  title: string;
  home_page_url: string;
  sites: SiteConfig[];
  /** JSON Feed items with `_trending`, merged as they are (after the widget's checks). */
  offers: Record<string, unknown>[];
  max_items: number;
  /** Hours after which a count weighs half as much. */
  half_life_hours: number;
  /** Faded impressions under which an item is new, and gets exploration places. */
  new_below_impressions: number;
}

/** A config that cannot be used: the message names the field. */
export class ConfigError extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown, field: string, optional = false): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || !value.trim()) throw new ConfigError(`${field} must be a non-empty string`);
  return value.trim();
}

function httpUrl(value: unknown, field: string, optional = false): string | undefined {
  const raw = text(value, field, optional);
  if (raw === undefined) return undefined;
  const url = safeUrl(raw);
  if (!url) throw new ConfigError(`${field} must be an absolute http(s) URL, not "${raw}"`);
  return url;
}

function whole(value: unknown, field: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || (value as number) < min) throw new ConfigError(`${field} must be a whole number of at least ${min}`);
  return value as number;
}

/** Reads a parsed network.json, or throws a ConfigError naming the first bad field. */
export function parseConfig(json: unknown): NetworkConfig {
  if (!isObject(json)) throw new ConfigError('the config must be a JSON object');
  const sites = json['sites'];
  if (!Array.isArray(sites) || !sites.length) throw new ConfigError('sites must be a non-empty array');
  const offers = json['offers'] ?? [];
  if (!Array.isArray(offers)) throw new ConfigError('offers must be an array');
  offers.forEach((offer, index) => {
    if (!isObject(offer)) throw new ConfigError(`offers[${index}] must be an object (a JSON Feed item)`);
  });
  const halfLife = json['half_life_hours'] ?? 24;
  if (typeof halfLife !== 'number' || !(halfLife > 0)) throw new ConfigError('half_life_hours must be a number above 0');
  return {
    title: text(json['title'], 'title')!,
    home_page_url: httpUrl(json['home_page_url'], 'home_page_url')!,
    sites: sites.map((site, index): SiteConfig => {
      const field = `sites[${index}]`;
      if (!isObject(site)) throw new ConfigError(`${field} must be an object`);
      const feeds = typeof site['feeds'] === 'string' ? [site['feeds']] : site['feeds'];
      if (!Array.isArray(feeds) || !feeds.length) throw new ConfigError(`${field}.feeds must be a feed URL or file path, or a non-empty array of them`);
      const kind = site['kind'];
      if (kind !== undefined && !ITEM_KINDS.includes(kind as ItemKind)) throw new ConfigError(`${field}.kind must be one of ${ITEM_KINDS.join(', ')}`);
      return {
        name: text(site['name'], `${field}.name`)!,
        url: httpUrl(site['url'], `${field}.url`)!,
        icon: httpUrl(site['icon'], `${field}.icon`, true),
        feeds: feeds.map((feed, feedIndex) => text(feed, `${field}.feeds[${feedIndex}]`)!),
        kind: kind as ItemKind | undefined,
        category: text(site['category'], `${field}.category`, true),
      };
    }),
    offers: offers as Record<string, unknown>[],
    max_items: whole(json['max_items'], 'max_items', 100, 1),
    new_below_impressions: whole(json['new_below_impressions'], 'new_below_impressions', 100, 0),
    half_life_hours: halfLife,
  };
}
