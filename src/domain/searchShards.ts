import { decodeNumbers, encodeNumbers, type SearchIndex } from './searchIndex.ts';

/**
 * The search index in shards, the way Pagefind chunks its index, so the first query loads
 * only what it needs (docs/decisions/0011-archive-at-scale.md):
 *
 * - word shards: the sorted vocabulary cut where a word's first character changes, each
 *   with at least MIN_WORDS words (small runs of first characters share one), holding the
 *   words and how many essays each is in. A typed word's expansions (completions and typos)
 *   are looked for among the words sharing its first character: the one shard it needs.
 * - postings shards: runs of consecutive words whose postings add up to about
 *   POSTINGS_BYTES; a query loads those of the words it expanded to.
 *
 * Words are numbered by their place in the whole sorted vocabulary.
 */

export const MIN_WORDS = 2000;
export const POSTINGS_BYTES = 48_000;

export interface SearchManifest {
  version: 2;
  /** The essay index build this belongs to; a mismatch means a stale pair. */
  build: string;
  docCount: number;
  wordCount: number;
  /** Word shards in order: the first character of each one's first word, and its file. */
  words: { from: string; file: string }[];
  /** Number of each postings shard's first word, as packed deltas. */
  postingsStarts: string;
  postingsFiles: string[];
}

export interface WordShardFile {
  /** Number of the shard's first word. */
  start: number;
  terms: string[];
  /** Per word: how many essays it is in, packed. */
  docs: string;
}

export interface PostingsShardFile {
  start: number;
  /** Packed (doc-id delta, weight level) pairs per word, as in SearchIndex. */
  postings: string[];
}

/** A word's first character (a whole code point), what places it in a word shard. */
export const firstChar = (word: string) => String.fromCodePoint(word.codePointAt(0) ?? 0);

/** How many essays a packed postings list holds (every second number is a doc delta). */
export const postingsDocCount = (packed: string) => decodeNumbers(packed).length / 2;

export interface SplitIndex {
  words: WordShardFile[];
  postings: PostingsShardFile[];
}

export function splitIndex(index: SearchIndex, minWords = MIN_WORDS): SplitIndex {
  const { terms, postings } = index;
  const words: WordShardFile[] = [];
  let start = 0;
  for (let i = 1; i <= terms.length; i++) {
    const boundary = i === terms.length || firstChar(terms[i]!) !== firstChar(terms[i - 1]!);
    if (boundary && (i - start >= minWords || i === terms.length)) {
      words.push({
        start,
        terms: terms.slice(start, i),
        docs: encodeNumbers(postings.slice(start, i).map(postingsDocCount)),
      });
      start = i;
    }
  }
  const shards: PostingsShardFile[] = [];
  let current: PostingsShardFile | null = null;
  let bytes = 0;
  postings.forEach((p, i) => {
    if (!current || bytes + p.length > POSTINGS_BYTES) {
      current = { start: i, postings: [] };
      shards.push(current);
      bytes = 0;
    }
    current.postings.push(p);
    bytes += p.length;
  });
  return { words, postings: shards };
}

export function manifestOf(
  index: SearchIndex,
  split: SplitIndex,
  wordFiles: readonly string[],
  postingsFiles: readonly string[],
): SearchManifest {
  const starts = split.postings.map((s) => s.start);
  return {
    version: 2,
    build: index.build,
    docCount: index.docCount,
    wordCount: index.terms.length,
    words: split.words.map((w, k) => ({ from: firstChar(w.terms[0] ?? ''), file: wordFiles[k]! })),
    postingsStarts: encodeNumbers(starts.map((s, k) => s - (starts[k - 1] ?? 0))),
    postingsFiles: [...postingsFiles],
  };
}

/** The postings shards' first word numbers, from the manifest. */
export function postingsStartsOf(manifest: SearchManifest): number[] {
  let at = 0;
  return decodeNumbers(manifest.postingsStarts).map((d) => (at += d));
}

/** Index of the last entry of the sorted `starts` that is <= `value`. */
export function shardAt<T>(sorted: readonly T[], value: T): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
