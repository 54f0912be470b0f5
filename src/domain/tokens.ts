/**
 * Words for search, shared by the index builder (pipeline) and the query engine (browser),
 * so both cut text the same way: lower case, accents folded, apostrophes joined (`don't` →
 * `dont`), underscores and hyphens split (`organizing_study` → `organizing`, `study`), URLs
 * dropped, numbers kept.
 */

export const STOP_WORDS = new Set(
  (
    'a about after again all also am an and any are as at be because been before being both but by can could did do does ' +
    'doing during each even few for from further had has have having he her here hers him his how i if in into is it its ' +
    'itself just me more most much my no nor not now of off on once only or other our ours out over own same she should so ' +
    'some such than that the their theirs them then there these they this those through to too under until up very was ' +
    'we were what when where which while who whom why will with would you your yours'
  ).split(' '),
);

const URL = /https?:\/\/\S+/g;
const WORD = /[\p{L}\p{N}]+/gu;

const ASCII = /^[ -~]*$/;

export function foldWord(word: string): string {
  // Most words are plain ASCII: normalizing them is the costly part and changes nothing.
  if (ASCII.test(word)) return word.toLowerCase();
  // Accents come off Latin letters (é → e); NFC then puts back marks that belong to a
  // letter in other scripts (the voicing of で), which the word pattern would split on.
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase();
}

/** Scripts written without spaces between words (and Korean, cut the same way). */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

let segmenter: Intl.Segmenter | null | undefined;

/**
 * A run of Chinese or Japanese cut into words by the platform's dictionary
 * (`Intl.Segmenter`, as Pagefind does): 望遠鏡で木星 → 望遠鏡, で, 木星. The build (Node) and
 * the browser both use ICU's dictionary, so a query is cut as the text was. Without a
 * segmenter, each character is a word: coarser, but still found.
 */
function cjkWords(run: string): string[] {
  segmenter ??=
    typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('ja', { granularity: 'word' }) : null;
  if (!segmenter) return [...run];
  const out: string[] = [];
  for (const s of segmenter.segment(run)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** Every word in order, stop words included (phrases and snippets need them). */
export function words(text: string): string[] {
  const joined = text.replace(URL, ' ').replace(/(\p{L})['’](\p{L})/gu, '$1$2');
  const found = (foldWord(joined).match(WORD) ?? []).filter((w) => w.length <= 40 || CJK.test(w));
  if (!CJK.test(joined)) return found;
  return found.flatMap((w) => (CJK.test(w) ? cjkWords(w).filter((s) => s.length <= 40) : [w]));
}

/** The words worth indexing: no stop words, no single letters (a single CJK character is a word). */
export function indexTerms(text: string): string[] {
  return words(text).filter((w) => (w.length > 1 || CJK.test(w)) && !STOP_WORDS.has(w));
}
