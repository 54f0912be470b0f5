import Fuse from 'fuse.js';
import { decodePostings, levelWeight, WEIGHT_LEVELS } from '../domain/searchIndex';
import { allowedEdits, editDistance } from './editDistance';
import { signatureCandidates } from './letterSignature';
import { parseQuery, type ParsedQuery, type QueryToken } from './query';
import type { IndexSource, WordShard } from './shardStore';

/**
 * The query engine: pure, no DOM, runs in a worker or in Node.
 *
 * Each typed word is expanded into real words of the archive: itself, words it begins
 * (while typing), and close misspellings found by fuse.js over the vocabulary (bucketed by
 * length, confirmed by edit distance). Each essay then scores, per typed word, the best
 * BM25F weight among that word's expansions, discounted for prefixes and typos. Essays that
 * match more of the typed words rank first; within that, by score (docs/decisions/0006).
 *
 * The index arrives in shards (docs/decisions/0011): a typed word is expanded among the words
 * sharing its first character, and `prepare` loads what a query needs before `search` runs.
 */

export interface Expansion {
  term: string;
  /** The word's number in the whole vocabulary (which postings shard holds it). */
  n: number;
  /** 1 for the word itself; less for completions and typos. */
  factor: number;
}

export interface Hit {
  doc: number;
  score: number;
  /** How many of the query's words this essay matched. */
  matched: number;
}

export interface SearchResult {
  query: ParsedQuery;
  hits: Hit[];
  /** Essays matching at least one word, within `within` when given (before the limit). */
  total: number;
  /** Essays matching at least one word in the whole archive, ignoring `within`. */
  totalInArchive: number;
  /** Per query word, the archive words it matched: what to highlight. */
  expansions: Expansion[][];
  /** For a search with no results, the closest real words, or null. */
  didYouMean: string | null;
}

const PREFIX_FACTOR = 0.85;
const TYPO_FACTOR = [1, 0.6, 0.4];
const MAX_PREFIX_EXPANSIONS = 16;
/**
 * Fewer completions for a word just begun: two letters begin the commonest words, whose
 * postings cover most of a large archive (the slowest keystrokes at 100,000 essays), and
 * they say little about which essay is meant (they do not count as a matched word).
 */
const prefixExpansions = (length: number) =>
  length <= 2 ? 4 : length === 3 ? 8 : MAX_PREFIX_EXPANSIONS;
const MAX_FUZZY_EXPANSIONS = 8;
const POSTINGS_CACHE = 4000;
/** Each weight level's weight, once: a keystroke at 100,000 essays reads ~10⁶ postings. */
const LEVEL_WEIGHT = Float64Array.from({ length: WEIGHT_LEVELS }, (_, l) => levelWeight(l));

/**
 * The best `limit` of the essays `docs`, in ranking order (more query words matched, then a
 * higher score, then the newer essay), without sorting every match (a short prefix matches
 * most of a large archive): a heap of the best so far, the worst on top.
 */
function bestOf(
  docs: readonly number[],
  limit: number,
  matched: ArrayLike<number>,
  scores: ArrayLike<number>,
): number[] {
  /** Negative when essay a ranks above essay b. */
  const order = (a: number, b: number) =>
    matched[b]! - matched[a]! || scores[b]! - scores[a]! || a - b;
  const heap: number[] = [];
  const below = (i: number, j: number) => order(heap[i]!, heap[j]!) > 0;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  for (const d of docs) {
    if (heap.length < limit) {
      heap.push(d);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!below(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (limit > 0 && order(d, heap[0]!) < 0) {
      heap[0] = d;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let w = i;
        if (l < heap.length && below(l, w)) w = l;
        if (r < heap.length && below(r, w)) w = r;
        if (w === i) break;
        swap(i, w);
        i = w;
      }
    }
  }
  return heap.sort(order);
}

export interface Engine {
  /**
   * `within`: the essays (doc numbers) a search is narrowed to, e.g. one tag's. Applied
   * before the best `limit` are cut, so a narrowed search finds matches that rank low in the
   * whole archive, and counts them right.
   */
  search(raw: string, limit?: number, within?: ArrayLike<number> | null): SearchResult;
  expand(token: QueryToken): Expansion[];
  /** Loads the shards query `raw` needs; `search` may run once it resolves. */
  prepare(raw: string): Promise<void>;
  readonly docCount: number;
}

export interface ShardLoader {
  loadWords(words: readonly string[]): Promise<void>;
  loadPostings(numbers: readonly number[]): Promise<void>;
}

export function createEngine(source: IndexSource & ShardLoader): Engine {
  const { docCount } = source;

  // Letter signatures rule out almost every word that cannot be a close misspelling; fuse.js
  // then matches the few that remain (see letterSignature.ts). Built once per word shard.
  const candidateWords = (shard: WordShard, word: string, maxEdits: number, spread: number) =>
    signatureCandidates(shard.signatures, word, maxEdits, spread).map((i) => shard.terms[i]!);
  /**
   * Close words found by fuse.js among those of about the same length (two insertions or
   * deletions in one word are rare: lengths differ by at most one).
   */
  function* candidates(shard: WordShard, word: string, maxEdits: number): Generator<string> {
    const pool = candidateWords(shard, word, maxEdits, Math.min(1, maxEdits));
    if (pool.length === 0) return;
    const fuse = new Fuse(pool, {
      includeScore: true,
      threshold: 0.45,
      ignoreLocation: true,
      isCaseSensitive: true,
      shouldSort: false,
    });
    for (const r of fuse.search(word.slice(0, 32))) yield r.item;
  }

  const decoded = new Map<number, ReturnType<typeof decodePostings>>();
  const postingsOf = (n: number) => {
    let p = decoded.get(n);
    if (!p) {
      const packed = source.postings(n);
      if (packed === '') return decodePostings(''); // its shard could not be loaded
      if (decoded.size >= POSTINGS_CACHE) decoded.clear();
      p = decodePostings(packed);
      decoded.set(n, p);
    }
    return p;
  };

  /** First index in the shard's sorted words whose word is >= `word`. */
  const lowerBound = (terms: readonly string[], word: string) => {
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const expansion = (shard: WordShard, term: string, factor: number): Expansion => ({
    term,
    n: shard.start + shard.local.get(term)!,
    factor,
  });

  function fuzzy(shard: WordShard, word: string, maxEdits: number): Expansion[] {
    const found: Expansion[] = [];
    for (const candidate of candidates(shard, word, maxEdits)) {
      if (candidate === word) continue;
      const d = editDistance(word, candidate, maxEdits);
      if (d <= maxEdits) found.push(expansion(shard, candidate, TYPO_FACTOR[d]!));
    }
    // Closest first, then the more common word.
    const docs = (e: Expansion) => shard.docs[e.n - shard.start]!;
    found.sort((a, b) => b.factor - a.factor || docs(b) - docs(a));
    return found.slice(0, MAX_FUZZY_EXPANSIONS);
  }

  /**
   * The shard's indexes of the most common words beginning with `prefix`, kept as a small
   * sorted list while scanning: a two-letter prefix can begin thousands of words, and
   * sorting them all cost more than the search.
   */
  function commonestCompletions(shard: WordShard, prefix: string): number[] {
    const top: number[] = [];
    const limit = prefixExpansions(prefix.length);
    const { terms } = shard;
    const size = (i: number) => shard.docs[i]!;
    for (let i = lowerBound(terms, prefix); i < terms.length && terms[i]!.startsWith(prefix); i++) {
      if (top.length === limit && size(i) <= size(top[top.length - 1]!)) continue;
      let at = top.length;
      while (at > 0 && size(top[at - 1]!) < size(i)) at--;
      top.splice(at, 0, i);
      if (top.length > limit) top.pop();
    }
    return top;
  }

  const expansionCache = new Map<string, Expansion[]>();
  function expand(token: QueryToken): Expansion[] {
    const key = `${token.exact ? 'e' : token.prefix ? 'p' : 'w'}:${token.text}`;
    const cached = expansionCache.get(key);
    if (cached) return cached;
    const shard = source.wordShard(token.text);
    if (!shard) return []; // not loaded (offline and not saved): nothing, and not remembered
    const { terms } = shard;
    const out = new Map<string, number>();
    if (shard.local.has(token.text)) out.set(token.text, 1);
    if (!token.exact) {
      if (token.prefix && token.text.length >= 2) {
        for (const i of commonestCompletions(shard, token.text))
          out.set(terms[i]!, Math.max(out.get(terms[i]!) ?? 0, PREFIX_FACTOR));
      }
      // A word still being typed is usually a correct beginning; it may also be a finished
      // word with a typo, so from five letters one typo is looked for as well.
      const edits =
        token.prefix && out.size > 0
          ? token.text.length >= 5
            ? 1
            : 0
          : allowedEdits(token.text.length);
      if (edits > 0)
        for (const e of fuzzy(shard, token.text, edits))
          out.set(e.term, Math.max(out.get(e.term) ?? 0, e.factor));
    }
    const list = [...out]
      .map(([term, factor]) => expansion(shard, term, factor))
      .sort((a, b) => b.factor - a.factor);
    if (expansionCache.size > 500) expansionCache.clear();
    expansionCache.set(key, list);
    return list;
  }

  const scores = new Float64Array(docCount);
  const matched = new Uint16Array(docCount);
  const best = new Float64Array(docCount);
  /** Set for essays lacking a quoted (required) word. */
  const excluded = new Uint8Array(docCount);
  const touchedMark = new Uint8Array(docCount);
  /** `withinStamp[d] === stamp` marks essay d as inside this search's `within`. */
  const withinStamp = new Uint32Array(docCount);
  let stamp = 0;

  function search(raw: string, limit = 50, within: ArrayLike<number> | null = null): SearchResult {
    if (within) {
      stamp++;
      for (let i = 0; i < within.length; i++) withinStamp[within[i]!] = stamp;
    }
    const query = parseQuery(raw);
    const expansions = query.tokens.map(expand);
    const touched: number[] = [];
    let requiredSoFar = 0;
    expansions.forEach((list, k) => {
      const hitThisToken: number[] = [];
      for (const { n, factor } of list) {
        const { docs, weights } = postingsOf(n);
        for (let j = 0; j < docs.length; j++) {
          const d = docs[j]!;
          const w = factor * LEVEL_WEIGHT[weights[j]!]!;
          if (best[d] === 0) hitThisToken.push(d);
          if (w > best[d]!) best[d] = w;
        }
      }
      // One or two letters still being typed say little: they add to the score, but do not
      // count as a matched word (else every essay with some "st…" word would outrank).
      const counts = !(query.tokens[k]!.prefix && query.tokens[k]!.text.length < 3);
      for (const d of hitThisToken) {
        if (!touchedMark[d]) {
          touchedMark[d] = 1;
          touched.push(d);
          // An essay first seen after a required word was missed cannot qualify.
          if (requiredSoFar > 0) excluded[d] = 1;
        }
        if (counts) matched[d] = matched[d]! + 1;
        scores[d] = scores[d]! + best[d]!;
      }
      if (query.tokens[k]!.exact) {
        requiredSoFar++;
        for (const d of touched) if (best[d] === 0) excluded[d] = 1;
      }
      for (const d of hitThisToken) best[d] = 0;
    });
    const kept: number[] = [];
    let totalInArchive = 0;
    for (const d of touched) {
      if (!excluded[d]) {
        totalInArchive++;
        if (!within || withinStamp[d] === stamp) kept.push(d);
      }
    }
    const total = kept.length;
    const hits: Hit[] = bestOf(kept, limit, matched, scores).map((d) => ({
      doc: d,
      score: scores[d]!,
      matched: matched[d]!,
    }));
    for (const d of touched) {
      scores[d] = 0;
      matched[d] = 0;
      excluded[d] = 0;
      touchedMark[d] = 0;
    }
    return {
      query,
      hits,
      total,
      totalInArchive,
      expansions,
      didYouMean: totalInArchive === 0 ? suggest(query) : null,
    };
  }

  /** The closest real word for each typed word that has none, looser than search itself. */
  function suggest(query: ParsedQuery): string | null {
    if (query.tokens.length === 0) return null;
    let changed = false;
    const words = query.tokens.map((t) => {
      const shard = source.wordShard(t.text);
      if (!shard || shard.local.has(t.text) || t.text.length < 3) return t.text;
      const max = Math.min(3, allowedEdits(t.text.length) + 1);
      let bestTerm: string | null = null;
      let bestD = max + 1;
      // Looser than search: every word that could be close, checked by edit distance.
      for (const candidate of candidateWords(shard, t.text, max, 2)) {
        const d = editDistance(t.text, candidate, max);
        if (d < bestD) [bestTerm, bestD] = [candidate, d];
      }
      if (bestTerm) changed = true;
      return bestTerm ?? t.text;
    });
    return changed ? words.join(' ') : null;
  }

  async function prepare(raw: string): Promise<void> {
    const { tokens } = parseQuery(raw);
    await source.loadWords(tokens.map((t) => t.text));
    await source.loadPostings(tokens.flatMap((t) => expand(t).map((e) => e.n)));
  }

  return { search, expand, prepare, docCount };
}
