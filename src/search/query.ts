import { STOP_WORDS, words } from '../domain/tokens';

/** A search query as typed: words, quoted phrases, and whether the last word is unfinished. */

export interface QueryToken {
  text: string;
  /** From a quoted phrase: matched exactly, never fuzzily. */
  exact: boolean;
  /** The word still being typed: also matches words that start with it. */
  prefix: boolean;
}

export interface ParsedQuery {
  tokens: QueryToken[];
  /** Each quoted phrase as its words, for the exact-phrase check. */
  phrases: string[][];
  /** Something was typed, but only common words like "the". */
  onlyStopWords: boolean;
}

export function parseQuery(raw: string): ParsedQuery {
  const phrases: string[][] = [];
  const tokens: QueryToken[] = [];
  let sawWords = false;
  // Quotes pair up; an unclosed quote (still typing) counts as a phrase so far.
  const rest = raw.replace(/["“”]([^"“”]*)(["“”]|$)/g, (_, inner: string) => {
    const ws = words(inner);
    if (ws.length) sawWords = true;
    if (ws.length > 1) phrases.push(ws);
    for (const w of ws)
      if (!STOP_WORDS.has(w)) tokens.push({ text: w, exact: true, prefix: false });
    return ' ';
  });
  const free = words(rest);
  if (free.length) sawWords = true;
  const endsMidWord = /[\p{L}\p{N}]$/u.test(rest.trimStart()) && !/\s$/.test(raw);
  free.forEach((w, i) => {
    const last = endsMidWord && i === free.length - 1;
    // A stop word still being typed may be the start of a real word ("th" → "theory"), but
    // only when it is all there is; after other words it is almost always just "in" or "for".
    if (STOP_WORDS.has(w) && !(last && tokens.length === 0 && i === 0)) return;
    tokens.push({ text: w, exact: false, prefix: last });
  });
  // Keep the first of each repeated word.
  const seen = new Set<string>();
  const unique = tokens.filter((t) => (seen.has(t.text) ? false : (seen.add(t.text), true)));
  return { tokens: unique, phrases, onlyStopWords: sawWords && unique.length === 0 };
}
