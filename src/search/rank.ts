import { decodePostings, levelWeight, WEIGHT_LEVELS } from '../domain/searchIndex';
import type { Expansion } from './expand';
import type { ParsedQuery } from './query';

/**
 * Ranking: each essay scores, per typed word, the best BM25F weight among that word's
 * expansions, discounted for prefixes and typos. Essays that match more of the typed words
 * rank first; within that, by score, then the newer essay (docs/decisions/0006).
 */

export interface Hit {
  doc: number;
  score: number;
  /** How many of the query's words this essay matched. */
  matched: number;
}

export interface Ranking {
  hits: Hit[];
  /** Essays matching at least one word, within `within` when given (before the limit). */
  total: number;
  /** Essays matching at least one word in the whole archive, ignoring `within`. */
  totalInArchive: number;
}

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

/**
 * Scores essays for one query at a time. Its arrays, one slot per essay, are made once and
 * cleared after each query by the list of essays it touched: a keystroke at 100,000 essays
 * must not allocate and zero 100,000-slot arrays.
 */
export class Scorer {
  private readonly scores: Float64Array;
  private readonly matched: Uint16Array;
  private readonly best: Float64Array;
  /** Set for essays lacking a quoted (required) word. */
  private readonly excluded: Uint8Array;
  private readonly touchedMark: Uint8Array;
  /** `withinStamp[d] === stamp` marks essay d as inside this search's `within`. */
  private readonly withinStamp: Uint32Array;
  private stamp = 0;
  private readonly decoded = new Map<number, ReturnType<typeof decodePostings>>();

  constructor(
    docCount: number,
    /** Packed postings of word number n, or '' when its shard could not be loaded. */
    private readonly packedPostings: (n: number) => string,
  ) {
    this.scores = new Float64Array(docCount);
    this.matched = new Uint16Array(docCount);
    this.best = new Float64Array(docCount);
    this.excluded = new Uint8Array(docCount);
    this.touchedMark = new Uint8Array(docCount);
    this.withinStamp = new Uint32Array(docCount);
  }

  private postingsOf(n: number) {
    let p = this.decoded.get(n);
    if (!p) {
      const packed = this.packedPostings(n);
      if (packed === '') return decodePostings(''); // its shard could not be loaded
      if (this.decoded.size >= POSTINGS_CACHE) this.decoded.clear();
      p = decodePostings(packed);
      this.decoded.set(n, p);
    }
    return p;
  }

  rank(
    query: ParsedQuery,
    expansions: readonly (readonly Expansion[])[],
    limit: number,
    within: ArrayLike<number> | null,
  ): Ranking {
    const { scores, matched, best, excluded, touchedMark, withinStamp } = this;
    if (within) {
      this.stamp++;
      for (let i = 0; i < within.length; i++) withinStamp[within[i]!] = this.stamp;
    }
    const touched: number[] = [];
    let requiredSoFar = 0;
    expansions.forEach((list, k) => {
      // One or two letters still being typed say little: they add to the score, but do not
      // count as a matched word (else every essay with some "st…" word would outrank). After
      // other words they only reorder the essays those matched: "dorfu g" must not add every
      // essay with a "g…" word (at 100,000 essays, most of them, on every such keystroke).
      const counts = !(query.tokens[k]!.prefix && query.tokens[k]!.text.length < 3);
      const refinesOnly = !counts && touched.length > 0;
      const hitThisToken: number[] = [];
      for (const { n, factor } of list) {
        const { docs, weights } = this.postingsOf(n);
        for (let j = 0; j < docs.length; j++) {
          const d = docs[j]!;
          if (refinesOnly && !touchedMark[d]) continue;
          const w = factor * LEVEL_WEIGHT[weights[j]!]!;
          if (best[d] === 0) hitThisToken.push(d);
          if (w > best[d]!) best[d] = w;
        }
      }
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
        if (!within || withinStamp[d] === this.stamp) kept.push(d);
      }
    }
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
    return { hits, total: kept.length, totalInArchive };
  }
}
