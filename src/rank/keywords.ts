/**
 * Words that say what a text is about: lower-cased letters and digits, at least three
 * characters, minus the English function words most common in headlines. Other languages keep their function
 * words, which only costs a little precision: a match needs the same word on both sides.
 * Pure: give it the page's text (title, headings, meta keywords).
 */
const STOP_WORDS = new Set(
  'the and for are but not you all can its our how who why new now get has was with this that from they will have what when your more than into about after over just here news'.split(
    ' ',
  ),
);

/** The distinct meaningful words of `text`, in order of first appearance. */
export function keywordsOf(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  return [...new Set(words.filter((word) => !STOP_WORDS.has(word)))];
}
