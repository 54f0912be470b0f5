import type { SearchIndex } from '../../domain/searchIndex.ts';
import { encodeNumbers, weightLevel } from '../../domain/searchIndex.ts';
import { manifestOf, MIN_WORDS, splitIndex, TAIL_BYTES } from '../../domain/searchShards.ts';
import { bodyText } from '../derive/bodyText.ts';
import { indexTerms } from '../../domain/tokens.ts';
import { needs, type Emitter, type OutputFile } from './context.ts';
import { contentHash, DATA_DIR } from './emitter.ts';
import type { FinalEssay } from '../derive/records.ts';
import { remember, type PipelineMemo } from '../memo.ts';

/**
 * The search index: weights precomputed per (term, essay), so the browser only adds numbers.
 * Each field is scored with BM25 on its own and the fields are summed with weights that put
 * the title above tags and theme, above the description, above the body. (BM25F, which sums
 * before saturating, let five mentions in the body equal one in the title.)
 * See docs/decisions/0006-search.md.
 */

export const FIELD_WEIGHTS = { title: 5, tags: 3, description: 2, body: 1 } as const;
type Field = keyof typeof FIELD_WEIGHTS;
const K1 = 1.2;
const B: Record<Field, number> = { title: 0.3, tags: 0, description: 0.3, body: 0.75 };

function fieldsOf(e: FinalEssay): Record<Field, string[]> {
  return {
    title: indexTerms(e.title),
    tags: indexTerms([e.theme, ...e.tags].join(' ')),
    description: indexTerms(e.description),
    body: indexTerms(bodyText(e.markdown)),
  };
}

/** A growable typed array: (term, essay, weight) triples for 100,000 essays are ~20 million. */
class Column<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(public data: T) {}
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
}

/**
 * Built in two passes over compact columns rather than a map of maps (which took gigabytes
 * at 100,000 essays): the first counts each field's terms per essay (BM25 needs every
 * field's average length before any weight), the second sums each essay's field weights per
 * term and appends them, essay by essay, so each term's essays come out in order.
 */
export function buildSearchIndex(
  essays: readonly FinalEssay[],
  build: string,
  memo?: PipelineMemo,
): SearchIndex {
  const names = Object.keys(FIELD_WEIGHTS) as Field[];
  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const idOf = (t: string) => {
    let id = termIds.get(t);
    if (id === undefined) {
      termIds.set(t, (id = termNames.length));
      termNames.push(t);
    }
    return id;
  };

  // Pass 1: per field, each essay's (term, count) run and its length.
  const counted = names.map(() => ({
    term: new Column(new Int32Array(1024)),
    count: new Column(new Int32Array(1024)),
    start: new Int32Array(essays.length + 1),
    length: new Int32Array(essays.length),
  }));
  essays.forEach((e, i) => {
    const doc = remember(
      memo,
      e.markdown,
      `terms:${e.title}\0${e.theme}\0${e.tags.join('\0')}\0${e.description}`,
      () => fieldsOf(e),
    );
    names.forEach((f, k) => {
      const c = counted[k]!;
      c.start[i] = c.term.length;
      c.length[i] = doc[f].length;
      const counts = new Map<number, number>();
      for (const t of doc[f]) {
        const id = idOf(t);
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      for (const [id, n] of counts) {
        c.term.push(id);
        c.count.push(n);
      }
    });
  });
  counted.forEach((c) => (c.start[essays.length] = c.term.length));
  const avg = names.map((_, k) => {
    let sum = 0;
    for (const n of counted[k]!.length) sum += n;
    return sum / Math.max(1, essays.length) || 1;
  });

  // Pass 2: per essay, term → sum over fields of field weight × saturated term frequency
  // (idf applied below), appended in essay order.
  const pTerm = new Column(new Int32Array(1024));
  const pDoc = new Column(new Int32Array(1024));
  const pWeight = new Column(new Float64Array(1024));
  const df = new Int32Array(termNames.length);
  for (let i = 0; i < essays.length; i++) {
    const sums = new Map<number, number>();
    names.forEach((f, k) => {
      const c = counted[k]!;
      const norm = 1 - B[f] + (B[f] * c.length[i]!) / avg[k]!;
      for (let j = c.start[i]!; j < c.start[i + 1]!; j++) {
        const n = c.count.data[j]!;
        const saturated = (n * (K1 + 1)) / (n + K1 * norm);
        const id = c.term.data[j]!;
        sums.set(id, (sums.get(id) ?? 0) + FIELD_WEIGHTS[f] * saturated);
      }
    });
    for (const [id, x] of sums) {
      pTerm.push(id);
      pDoc.push(i);
      pWeight.push(x);
      df[id]!++;
    }
  }

  // Each term's postings, found by a counting sort on term (stable: essays stay in order).
  const offset = new Int32Array(termNames.length + 1);
  for (let id = 0; id < termNames.length; id++) offset[id + 1] = offset[id]! + df[id]!;
  const fill = offset.slice(0, termNames.length);
  const order = new Int32Array(pTerm.length);
  for (let j = 0; j < pTerm.length; j++) order[fill[pTerm.data[j]!]!++] = j;

  const sorted = termNames.map((t, id) => [t, id] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const N = essays.length;
  const postings = sorted.map(([, id]) => {
    const n = df[id]!;
    const idf = Math.log(1 + (N - n + 0.5) / (n + 0.5));
    const nums: number[] = [];
    let prev = 0;
    for (let k = offset[id]!; k < offset[id + 1]!; k++) {
      const j = order[k]!;
      const doc = pDoc.data[j]!;
      nums.push(doc - prev, weightLevel(idf * pWeight.data[j]!));
      prev = doc;
    }
    return encodeNumbers(nums);
  });
  return { version: 1, build, docCount: N, terms: sorted.map(([t]) => t), postings };
}

export const SEARCH_INDEX_PREFIX = `${DATA_DIR}/search.`;

/**
 * The index as the browser loads it: a small manifest (`data/search.<hash>.json`) naming word
 * shards and postings shards (src/domain/searchShards.ts), each content-hashed.
 */
export function shardedSearchFiles(
  index: SearchIndex,
  minWords = MIN_WORDS,
  tailBytes = TAIL_BYTES,
): OutputFile[] {
  const split = splitIndex(index, minWords, tailBytes);
  const out: OutputFile[] = [];
  const hashed = (folder: string, k: number, value: unknown) => {
    const source = JSON.stringify(value);
    const fileName = `${DATA_DIR}/${folder}/${k}.${contentHash(source)}.json`;
    out.push({ fileName, source });
    return fileName;
  };
  const words = split.words.map((w, k) => hashed('words', k, w));
  const postings = split.postings.map((p, k) => hashed('postings', k, p));
  const tails = split.tails.map((t, k) => hashed('tails', k, t));
  const source = JSON.stringify(manifestOf(index, split, words, postings, tails));
  out.push({ fileName: `${SEARCH_INDEX_PREFIX}${contentHash(source)}.json`, source });
  return out;
}

/** Runs after the essay-data emitter: it needs the index's build hash. */
export const searchIndexEmitter: Emitter = {
  name: 'search-index',
  emit(context) {
    const { build } = needs(context, 'index', 'search-index').value;
    const files = shardedSearchFiles(buildSearchIndex(context.essays, build, context.memo));
    // The manifest is made last (shardedSearchFiles).
    return { files, built: { search: { fileName: files.at(-1)!.fileName } } };
  },
};
