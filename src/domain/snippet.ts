import { foldWord } from './tokens';

/**
 * A snippet of text around the best match, with every matched word marked. Words match when
 * their folded form (lower case, no accents, apostrophes dropped) is one of `terms`.
 */

export interface Segment {
  text: string;
  mark: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

const key = (word: string) => foldWord(word).replace(/['’]/g, '');

function matches(word: string, terms: ReadonlySet<string>): boolean {
  return terms.has(key(word));
}

interface Word {
  index: number;
  text: string;
  /** Folded form, as the index spells it. */
  key: string;
}

/**
 * The words of a body with their folded forms, cut once per text: the search worker cuts a
 * snippet for every shown result on every query, and folding every word of every body each
 * time was most of that work.
 */
const prepared = new Map<string, Word[]>();
function wordsOf(text: string): Word[] {
  let list = prepared.get(text);
  if (!list) {
    list = [...text.matchAll(WORD)].map((m) => ({ index: m.index, text: m[0], key: key(m[0]) }));
    if (prepared.size >= 200) prepared.clear();
    prepared.set(text, list);
  }
  return list;
}

/** Marks every matching word of `text`. */
export function markWords(text: string, terms: ReadonlySet<string>): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (!matches(m[0], terms)) continue;
    if (m.index > last) out.push({ text: text.slice(last, m.index), mark: false });
    out.push({ text: m[0], mark: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), mark: false });
  return out;
}

/**
 * The window of about `length` characters holding the most distinct matched words (ties:
 * the earliest), cut at word boundaries, with ellipses where it was cut.
 */
export function snippet(text: string, terms: ReadonlySet<string>, length = 220): Segment[] {
  const hits = wordsOf(text).filter((w) => terms.has(w.key));
  if (hits.length === 0)
    return markWords(
      text.length > length ? text.slice(0, text.lastIndexOf(' ', length)) + ' …' : text,
      terms,
    );
  let bestStart = hits[0]!.index;
  let bestCount = 0;
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<string>();
    for (let j = i; j < hits.length && hits[j]!.index - hits[i]!.index < length * 0.7; j++)
      seen.add(hits[j]!.key);
    if (seen.size > bestCount) [bestCount, bestStart] = [seen.size, hits[i]!.index];
  }
  let start = Math.max(0, bestStart - Math.floor(length * 0.3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < bestStart ? space + 1 : start;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > bestStart ? space : end;
  }
  const segments = markWords(text.slice(start, end), terms);
  if (start > 0) segments.unshift({ text: '… ', mark: false });
  if (end < text.length) segments.push({ text: ' …', mark: false });
  return segments;
}
