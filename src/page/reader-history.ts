/**
 * What this reader has done before, kept on their device: the items they clicked
 * (localStorage, across visits) and how many pages they have seen this visit
 * (sessionStorage). Storage may be disabled, full or filled by the host page:
 * failures read as "nothing remembered".
 */
const CLICKED_KEY = 'trending-recs clicked';
const VIEWS_KEY = 'trending-recs views';
/** Clicked ids remembered; older ones are forgotten first. */
export const MAX_CLICKED = 200;

/** Ids of items this reader clicked, oldest first. */
export function clickedIds(): string[] {
  try {
    const ids: unknown = JSON.parse(localStorage.getItem(CLICKED_KEY)!);
    return Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberClick(id: string): void {
  try {
    localStorage.setItem(CLICKED_KEY, JSON.stringify([...clickedIds().filter((clicked) => clicked !== id), id].slice(-MAX_CLICKED)));
  } catch {
    // Not remembered: the item is not demoted next time.
  }
}

let pageView: number | undefined;

/**
 * How many pages of this visit came before this one: 0, 1, 2… Counted once per page
 * load, so every widget on a page shares it; 0 without sessionStorage.
 */
export function earlierPagesInSession(): number {
  if (pageView === undefined) {
    try {
      pageView = Number(sessionStorage.getItem(VIEWS_KEY)) || 0;
      sessionStorage.setItem(VIEWS_KEY, `${pageView + 1}`);
    } catch {
      pageView = 0;
    }
  }
  return pageView;
}
