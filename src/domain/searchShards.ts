import { countNumbers, decodeNumbers, encodeNumbers, type SearchIndex } from './searchIndex.ts';

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
/** About 12 KB gzipped a tail shard. */
export const TAIL_BYTES = 32_000;

export interface SearchManifest {
  version: 2;
  /** The essay index build this belongs to; a mismatch means a stale pair. */
  build: string;
  docCount: number;
  wordCount: number;
  /** Word shards in order: the first character of each one's first word, and its file. */
  words: { from: string; file: string }[];
  /**
   * Tail shards in order, each with its first tail (a word without its first character):
   * where a typo in a word's first letter is forgiven. A tail is looked up exactly, so they
   * are cut by size alone, small: a typo loads one or two. Absent in older indexes.
   */
  tails?: { from: string; file: string }[];
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

/**
 * The words of FIRST_LETTER_MIN letters or more, by their tail (the word less its first
 * character), sorted by tail: `tails[i]` is the tail of the words whose first characters
 * are `heads[i]` (one per word, in order), and `words` packs, per such word, its number and
 * how many essays it is in. A typed word whose first letter is wrong ("amphasis") has the
 * same tail as the word meant; one missing its first letter ("mphasis") is that tail.
 */
export interface TailShardFile {
  tails: string[];
  heads: string[];
  words: string;
}

/** Words this long or longer forgive a typo in their first letter. */
export const FIRST_LETTER_MIN = 5;

export interface PostingsShardFile {
  start: number;
  /** Packed (doc-id delta, weight level) pairs per word, as in SearchIndex. */
  postings: string[];
}

/** A word's first character (a whole code point), what places it in a word shard. */
export const firstChar = (word: string) => String.fromCodePoint(word.codePointAt(0) ?? 0);

/** How many essays a packed postings list holds (every second number is a doc delta). */
export const postingsDocCount = (packed: string) => countNumbers(packed) / 2;

export interface SplitIndex {
  words: WordShardFile[];
  tails: TailShardFile[];
  postings: PostingsShardFile[];
}

/** A word less its first character (a whole code point): what it is filed by in tail shards. */
export const tailOf = (word: string) => word.slice(firstChar(word).length);

/**
 * Cuts `sorted` where `key` of an item's first character changes, each run at least
 * `minItems` long (small runs of first characters share one run).
 */
function runsByFirstChar<T>(sorted: readonly T[], key: (item: T) => string, minItems: number) {
  const runs: T[][] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    const boundary =
      i === sorted.length || firstChar(key(sorted[i]!)) !== firstChar(key(sorted[i - 1]!));
    if (boundary && (i - start >= minItems || i === sorted.length)) {
      runs.push(sorted.slice(start, i));
      start = i;
    }
  }
  return runs;
}

function tailShards(terms: readonly string[], docs: readonly number[], maxBytes: number) {
  const byTail = new Map<string, number[]>();
  terms.forEach((term, n) => {
    if ([...term].length < FIRST_LETTER_MIN) return;
    const tail = tailOf(term);
    const list = byTail.get(tail);
    if (list) list.push(n);
    else byTail.set(tail, [n]);
  });
  const sorted = [...byTail].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const runs: (typeof sorted)[] = [];
  let bytes = Infinity;
  for (const entry of sorted) {
    if (bytes > maxBytes) {
      runs.push([]);
      bytes = 0;
    }
    runs.at(-1)!.push(entry);
    bytes += entry[0].length + 8 * entry[1].length;
  }
  return runs.map((run): TailShardFile => ({
    tails: run.map(([tail]) => tail),
    heads: run.map(([, ns]) => ns.map((n) => firstChar(terms[n]!)).join('')),
    words: encodeNumbers(run.flatMap(([, ns]) => ns.flatMap((n) => [n, docs[n]!]))),
  }));
}

export function splitIndex(
  index: SearchIndex,
  minWords = MIN_WORDS,
  tailBytes = TAIL_BYTES,
): SplitIndex {
  const { terms, postings } = index;
  const docs = postings.map(postingsDocCount);
  const numbered = terms.map((term, n) => ({ term, n }));
  const words = runsByFirstChar(numbered, (w) => w.term, minWords).map((run): WordShardFile => ({
    start: run[0]!.n,
    terms: run.map((w) => w.term),
    docs: encodeNumbers(run.map((w) => docs[w.n]!)),
  }));
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
  return { words, tails: tailShards(terms, docs, tailBytes), postings: shards };
}

export function manifestOf(
  index: SearchIndex,
  split: SplitIndex,
  wordFiles: readonly string[],
  postingsFiles: readonly string[],
  tailFiles: readonly string[],
): SearchManifest {
  const starts = split.postings.map((s) => s.start);
  return {
    version: 2,
    build: index.build,
    docCount: index.docCount,
    wordCount: index.terms.length,
    words: split.words.map((w, k) => ({ from: firstChar(w.terms[0] ?? ''), file: wordFiles[k]! })),
    tails: split.tails.map((t, k) => ({ from: t.tails[0] ?? '', file: tailFiles[k]! })),
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
