export { TrendingRecs } from './trending-recs.js';
export { parseFeed } from './feed/parse.js';
export { safeUrl, normalizeUrl } from './feed/urls.js';
export { rankItems, isOver, type RankOptions } from './rank/rank.js';
export { timeliness, type Boost } from './rank/score.js';
export { contextBoost, clickedPenalty, rotation } from './rank/boosts.js';
export { inCategories, fromSites, ofKinds, onHosts, type ItemFilter } from './rank/filters.js';
export { keywordsOf } from './rank/keywords.js';
export type { ItemKind, ParsedFeed, SkippedItem, TrendingItem } from './feed/types.js';
export {
  TrendingRecsErrorEvent,
  TrendingRecsLoadEvent,
  type TrendingRecsErrorDetail,
  type TrendingRecsLoadDetail,
} from './events.js';
