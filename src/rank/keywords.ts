/**
 * Words that say what a text is about: lower-cased letters and digits, at least three
 * characters, minus common function words (English always, German, French and Spanish
 * when the page is in that language). Pure: the element feeds it the page's text.
 */
const STOP_WORDS: Record<string, string> = {
  en: 'the and for are but not you all any can had her was one our out has him his how its may new now old see way who did get let say she too use with this that from they will have been were what when your more than then them into some about after over also just only their there which would could other these those where while here our why news',
  de: 'und der die das den dem des ein eine einer mit von für auf ist sich nicht auch aus bei nach wie über noch zum zur vom alle',
  fr: 'les des une est pour dans par sur avec pas que qui aux ces son ses mais plus comme sont nous vous leur',
  es: 'los las una por con para del que como más pero sus son este esta entre sobre también',
};

const stopWordsFor = (language = '') =>
  new Set(`${STOP_WORDS['en']} ${STOP_WORDS[language.slice(0, 2).toLowerCase()] ?? ''}`.split(' '));

/** The distinct meaningful words of `text`, in order of first appearance. */
export function keywordsOf(text: string, language?: string): string[] {
  const stop = stopWordsFor(language);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  return [...new Set(words.filter((word) => !stop.has(word)))];
}
