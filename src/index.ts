export { TrendingRecs, type Grouping } from './trending-recs.js';
export type { FeedState } from './controllers/feed-controller.js';
export { parseFeed } from './feed/parse.js';
export { safeUrl, normalizeUrl } from './feed/urls.js';
export { rankItems, isOver, type RankOptions } from './rank/rank.js';
export { timeliness, type Boost } from './rank/score.js';
export { contextBoost, clickedPenalty, rotation } from './rank/boosts.js';
export { inCategories, fromSites, ofKinds, onHosts, type ItemFilter } from './rank/filters.js';
export { keywordsOf } from './rank/keywords.js';
export { ITEM_KINDS, type ItemKind, type ParsedFeed, type SkippedItem, type TrendingItem } from './feed/types.js';
export {
  TrendingRecsErrorEvent,
  TrendingRecsLoadEvent,
  type TrendingRecsErrorDetail,
  type TrendingRecsLoadDetail,
} from './events.js';
