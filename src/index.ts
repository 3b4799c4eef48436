export { TrendingRecs } from './trending-recs.js';
export { parseFeed } from './feed/parse.js';
export { safeUrl, normalizeUrl } from './feed/urls.js';
export { rankItems } from './rank/rank.js';
export type { RankOptions } from './rank/rank.js';
export type { ItemKind, ParsedFeed, SkippedItem, TrendingItem } from './feed/types.js';
export {
  TrendingRecsErrorEvent,
  TrendingRecsLoadEvent,
  type TrendingRecsErrorDetail,
  type TrendingRecsLoadDetail,
} from './events.js';
