/**
 * What the page the widget sits on is about, as plain text for keywordsOf: the title
 * without the site name after " | " or " - ", the first heading, and the keyword, tag
 * and section metadata that CMSs write. Read on the reader's device; nothing is sent.
 */
export function pageTopic(doc: Document): string {
  const meta = doc.querySelectorAll<HTMLMetaElement>('meta[name=keywords i],meta[property="article:tag"],meta[property="article:section"]');
  return [doc.title.split(/ [|·–—-] /)[0], doc.querySelector('h1')?.textContent, ...Array.from(meta, (tag) => tag.content)].join(' ');
}
