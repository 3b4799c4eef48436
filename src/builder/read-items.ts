import { createHash } from 'node:crypto';
import { decodeHTML, escapeUTF8 } from 'entities';
import { parseFeed as parseAnyFeed } from 'feedsmith';
import type { ItemKind } from '../feed/types.js';
import { safeUrl } from '../feed/urls.js';
import type { SiteConfig } from './config.js';

/** An item of the trending feed: a JSON Feed 1.1 item with the `_trending` extension. */
export interface BuiltItem {
  id: string;
  url: string;
  title: string;
  image?: string;
  date_published?: string;
  tags?: string[];
  _trending: {
    site: string;
    site_url: string;
    site_icon?: string;
    category?: string;
    kind: ItemKind;
    score: number;
    [more: string]: unknown;
  };
}

// Loose views of what feedsmith returns for each format: only the fields read here.
type Text = string | { value?: string } | undefined;
interface Loose {
  title?: Text;
  link?: string;
  links?: { href?: string; rel?: string }[];
  url?: string;
  id?: string;
  guid?: { value?: string } | string;
  pubDate?: string;
  published?: string;
  updated?: string;
  date_published?: string;
  date_modified?: string;
  dc?: { date?: string; dates?: string[] };
  categories?: { name?: string; term?: string; label?: string }[];
  tags?: string[];
  media?: { contents?: { url?: string; medium?: string; type?: string }[]; thumbnails?: { url?: string }[]; group?: Loose['media'] };
  enclosures?: { url?: string; type?: string }[];
  enclosure?: { url?: string; type?: string };
  image?: string;
  banner_image?: string;
  description?: string;
  content?: { encoded?: string } | Text;
  summary?: Text;
  content_html?: string;
}

const textOf = (value: Text): string | undefined => (typeof value === 'string' ? value : value?.value);

/**
 * A title as text. The XML parser has decoded entities once; a title in CDATA was not
 * decoded, so that is done before parsing (decodeCdataTitles). Markup goes, entities
 * are not decoded again: `&amp;amp;` in the XML stays `&amp;`.
 */
export function plainTitle(raw: string | undefined): string | undefined {
  const title = raw
    ?.replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  return title || undefined;
}

/**
 * Titles in CDATA get their one decoding of entities (WordPress writes `&nbsp;` there),
 * kept escaped for the XML parser. One pass with indexOf: a hostile feed of unclosed
 * CDATA sections cannot make it quadratic.
 */
export function decodeCdataTitles(xml: string): string {
  const open = /<title(\s[^>]*)?>\s*<!\[CDATA\[/g;
  let out = '';
  let done = 0;
  for (let match; (match = open.exec(xml)); ) {
    const start = match.index + match[0].length;
    const end = xml.indexOf(']]>', start);
    if (end < 0) break;
    const close = /^\s*<\/title>/.exec(xml.slice(end + 3, end + 3 + 64));
    // What lies inside the CDATA section is text, not markup: the next title is after it.
    open.lastIndex = end + 3;
    if (!close) continue;
    out += `${xml.slice(done, match.index)}<title${match[1] ?? ''}>${escapeUTF8(decodeHTML(xml.slice(start, end)))}</title>`;
    done = end + 3 + close[0].length;
    open.lastIndex = done;
  }
  return out + xml.slice(done);
}

/** The longest id the widget keeps whole (feed/parse.ts): a longer URL gets a digest of itself as its id, which the counts then use. */
const MAX_ID = 300;
const idFor = (url: string) => (url.length <= MAX_ID ? url : `sha256:${createHash('sha256').update(url).digest('hex')}`);

/** A date of RFC 822 or RFC 3339, no later than now (a feed's clock or typo must not put an item on top for days). */
function pastDate(value: string | undefined, now: number): string | undefined {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? new Date(Math.min(ms, now)).toISOString() : undefined;
}

const IMAGE_FILE = /\.(avif|gif|jpe?g|png|webp)(\?|$)/i;

/** The first picture: media:content, media:thumbnail, an image enclosure, then the first <img> of the content. */
function pictureOf(entry: Loose, base: string): string | undefined {
  const media = [entry.media, entry.media?.group];
  const candidates = [
    entry.image,
    entry.banner_image,
    ...media.flatMap((m) => m?.contents ?? []).filter((c) => c.medium === 'image' || c.type?.startsWith('image/') || (!c.medium && !c.type && IMAGE_FILE.test(c.url ?? ''))).map((c) => c.url),
    ...media.flatMap((m) => m?.thumbnails ?? []).map((t) => t.url),
    ...[...(entry.enclosures ?? []), ...(entry.enclosure ? [entry.enclosure] : [])].filter((e) => e.type?.startsWith('image/')).map((e) => e.url),
  ];
  for (const html of [typeof entry.content === 'object' && entry.content && 'encoded' in entry.content ? entry.content.encoded : textOf(entry.content as Text), entry.content_html, entry.description, textOf(entry.summary)]) {
    const img = html && /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(html);
    if (img) candidates.push(decodeHTML(img[1] ?? img[2] ?? img[3] ?? ''));
  }
  for (const candidate of candidates) {
    const url = safeUrl(candidate?.trim(), base);
    if (url) return url;
  }
  return undefined;
}

function linkOf(entry: Loose): string | undefined {
  if (entry.links?.length) return (entry.links.find((link) => !link.rel || link.rel === 'alternate') ?? entry.links[0])?.href;
  return entry.link ?? entry.url ?? (typeof entry.guid === 'object' && entry.guid?.value?.startsWith('http') ? entry.guid.value : undefined);
}

export interface ReadItems {
  format: string;
  items: BuiltItem[];
  /** Entries left out, each with why. */
  skipped: string[];
}

/**
 * The items of one sister-site feed (RSS 2.0, RSS 1.0/RDF, Atom 1.0 or JSON Feed), as
 * trending-feed items of `site`. Links and pictures pass the widget's URL rules; an
 * entry without a usable link or title is skipped with a reason. Throws when the body
 * is no feed at all.
 */
export function readItems(body: string, site: SiteConfig, now: number): ReadItems {
  const trimmed = body.trimStart();
  const json = trimmed.startsWith('{');
  const { format, feed } = parseAnyFeed(json ? body : decodeCdataTitles(body)) as { format: string; feed: { items?: Loose[]; entries?: Loose[] } };
  // feedsmith keeps no JSON Feed extension: the event fields of `_trending` are read from the JSON itself.
  const extensions = new Map<string, Record<string, unknown>>();
  if (json) {
    const raw = JSON.parse(body) as { items?: { id?: unknown; _trending?: unknown }[] };
    for (const item of raw.items ?? []) if (typeof item?.id === 'string' && item._trending && typeof item._trending === 'object') extensions.set(item.id, item._trending as Record<string, unknown>);
  }
  const items: BuiltItem[] = [];
  const skipped: string[] = [];
  (feed.items ?? feed.entries ?? []).forEach((entry, index) => {
    const url = safeUrl(linkOf(entry)?.trim(), site.url);
    const title = plainTitle(textOf(entry.title));
    if (!url || !title) {
      skipped.push(`entry ${index}: ${url ? 'no title' : 'no http(s) link'}`);
      return;
    }
    const extension = (entry.id && extensions.get(entry.id)) || {};
    const category = [entry.categories?.[0]?.label, entry.categories?.[0]?.name, entry.categories?.[0]?.term, entry.tags?.[0], site.category].map((c) => plainTitle(c)).find(Boolean);
    const kind = (extension['kind'] as ItemKind | undefined) ?? site.kind ?? 'article';
    const image = pictureOf(entry, url);
    const published = pastDate(entry.pubDate ?? entry.published ?? entry.date_published ?? entry.dc?.date ?? entry.dc?.dates?.[0] ?? entry.updated ?? entry.date_modified, now);
    const { site: _site, site_url: _siteUrl, site_icon: _siteIcon, score: _score, sponsored: _sponsored, ...eventFields } = extension;
    items.push({
      id: idFor(url),
      url,
      title,
      ...(image && { image }),
      ...(published && { date_published: published }),
      ...(category && { tags: [category] }),
      _trending: {
        ...eventFields,
        site: site.name,
        site_url: site.url,
        ...(site.icon && { site_icon: site.icon }),
        ...(category && { category }),
        kind,
        score: 0,
      },
    });
  });
  return { format, items, skipped };
}
