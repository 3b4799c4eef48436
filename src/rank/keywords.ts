/**
 * Words that say what a text is about: lower-cased letters and digits, at least three
 * characters, minus common English function words. Other languages keep their function
 * words, which only costs a little precision: a match needs the same word on both sides.
 * Pure: give it the page's text (title, headings, meta keywords).
 */
const STOP_WORDS = new Set(
  'the and for are but not you all any can had her was one our out has him his how its may new now see who did get say she too use with this that from they will have been were what when your more than then them into some about after over also just only their there which would could other these those where while here why news'.split(
    ' ',
  ),
);

/** The distinct meaningful words of `text`, in order of first appearance. */
export function keywordsOf(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  return [...new Set(words.filter((word) => !STOP_WORDS.has(word)))];
}
