import { safeUrl } from '../feed/urls.js';
import { keywordsOf } from '../rank/keywords.js';
import { pageTopic } from './page-topic.js';
import { clickedIds, earlierPagesInSession } from './reader-history.js';

/**
 * What ranking needs to know of the page and the reader, read once per connection of
 * the element: the DOM and storage are not read again on every update.
 */
export interface ReaderContext {
  /** The page's own URL and its canonical URL: never recommended. */
  pageUrls: string[];
  /** Words of the page's title, first heading and keyword metadata (see keywordsOf). */
  topic: string[];
  /** Ids of the items this reader clicked on earlier pages. */
  clicked: string[];
  /** How many pages of this visit came before this one. */
  pagesBefore: number;
  /** The language of the element's content: its own or nearest `lang`. */
  language: string | undefined;
}

export function readReaderContext(element: Element): ReaderContext {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href;
  return {
    pageUrls: [location.href, canonical].map((url) => safeUrl(url, document.baseURI)).filter((url): url is string => !!url),
    topic: keywordsOf(pageTopic(document)),
    clicked: clickedIds(),
    pagesBefore: earlierPagesInSession(),
    language: element.closest('[lang]')?.getAttribute('lang') || undefined,
  };
}
