/**
 * Counting and summarizing bodies. Pure string work so the pipeline and tests share it.
 */

/** Silent reading speed for essays, words per minute (a common middle estimate). */
export const WORDS_PER_MINUTE = 230;
export const DESCRIPTION_LENGTH = 120;

/** Markdown reduced to the words a reader sees: no markers, link targets or bare URLs. */
export function plainText(markdown: string): string {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, ' ');
  const withoutLinks = replaceLinkLike(replaceLinkLike(withoutCode, '!['), '[');
  return blankSpans(blankSpans(withoutLinks, '[^', ']', ':'), '<', '>')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_~`|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/*
 * The two scans below find exactly what `/!\[([^\]]*)\]\([^)]*\)/g`, `/\[\^[^\]]+\]:?/g`
 * and `/<[^>]+>/g` find, in linear time: the regexes scanned to the end of the text from
 * every `[` or `<` that had no closing mark, so a line of 20,000 `[` took seconds and a
 * 200 KB file minutes. Each keeps the next closing mark it found, which stays the next one
 * for every later start before it.
 */

/** `![label](address)` (open `![`) or `[label](address)` (open `[`) → `label`. */
function replaceLinkLike(text: string, open: string): string {
  let out = '';
  let from = 0;
  let close = -1;
  let paren = -1;
  let at = text.indexOf(open);
  while (at !== -1) {
    const label = at + open.length;
    if (close < label) close = text.indexOf(']', label);
    if (close === -1) break;
    if (text[close + 1] === '(') {
      if (paren < close + 2) paren = text.indexOf(')', close + 2);
      if (paren === -1) break;
      out += text.slice(from, at) + text.slice(label, close);
      from = paren + 1;
      at = text.indexOf(open, from);
    } else at = text.indexOf(open, at + 1);
  }
  return out + text.slice(from);
}

/**
 * Every `open…close` with at least one character between, and `then` when it follows, made a
 * space: `[^note]` and `[^note]:` (open `[^`, then `:`), `<anything>` (open `<`).
 */
function blankSpans(text: string, open: string, close: string, then = ''): string {
  let out = '';
  let from = 0;
  let end = -1;
  let at = text.indexOf(open);
  while (at !== -1) {
    const inner = at + open.length;
    if (end < inner) end = text.indexOf(close, inner);
    if (end === -1) break;
    if (end > inner) {
      out += text.slice(from, at) + ' ';
      from = end + 1 + (then !== '' && text[end + 1] === then ? 1 : 0);
      at = text.indexOf(open, from);
    } else at = text.indexOf(open, at + 1);
  }
  return out + text.slice(from);
}

/**
 * Chinese and Japanese are read by the character (about 500 a minute) and written without
 * spaces; Korean too is counted by the character here. Each such character counts as a word,
 * as word processors count them.
 */
export const CJK_CHARACTERS_PER_MINUTE = 500;
const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Words, and how many of them are CJK characters. */
export function countText(markdown: string): { words: number; cjk: number } {
  return countPlain(plainText(markdown));
}

/** Words of text already plain (see `plainText`), and how many are CJK characters. */
export function countPlain(text: string): { words: number; cjk: number } {
  if (text === '') return { words: 0, cjk: 0 };
  const cjk = text.match(CJK_CHARACTER)?.length ?? 0;
  const rest = cjk === 0 ? text : text.replace(CJK_CHARACTER, ' ');
  const words = rest.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return { words: words + cjk, cjk };
}

export function countWords(markdown: string): number {
  return countText(markdown).words;
}

/** Minutes to read `wordCount` words, of which `cjk` are CJK characters. */
export function readingMinutes(wordCount: number, cjk = 0): number {
  const minutes = (wordCount - cjk) / WORDS_PER_MINUTE + cjk / CJK_CHARACTERS_PER_MINUTE;
  return Math.max(1, Math.ceil(minutes));
}

/** The first ~120 characters of the body, cut at a word, as the authors' own files do. */
export function describe(markdown: string): string {
  return describePlain(plainText(markdown));
}

/** The first ~120 characters of text already plain, cut at a word. */
export function describePlain(text: string): string {
  if (text.length <= DESCRIPTION_LENGTH) return text;
  const cut = text.slice(0, DESCRIPTION_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > 60 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}
