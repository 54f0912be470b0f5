import type { SearchIndex } from '../domain/searchIndex.ts';
import { encodeNumbers, weightLevel } from '../domain/searchIndex.ts';
import { manifestOf, splitIndex } from '../domain/searchShards.ts';
import { plainText } from '../domain/text.ts';
import { indexTerms } from '../domain/tokens.ts';
import { contentHash, DATA_DIR, type Emitter, type OutputFile } from './emit.ts';
import type { FinalEssay } from './finalize.ts';
import { remember, type PipelineMemo } from './memo.ts';

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
    body: indexTerms(plainText(e.markdown)),
  };
}

export function buildSearchIndex(
  essays: readonly FinalEssay[],
  build: string,
  memo?: PipelineMemo,
): SearchIndex {
  const fields = essays.map((e) =>
    remember(
      memo,
      e.markdown,
      `terms:${e.title}\0${e.theme}\0${e.tags.join('\0')}\0${e.description}`,
      () => fieldsOf(e),
    ),
  );
  const names = Object.keys(FIELD_WEIGHTS) as Field[];
  const avg = Object.fromEntries(
    names.map((f) => [
      f,
      fields.reduce((sum, d) => sum + d[f].length, 0) / Math.max(1, essays.length) || 1,
    ]),
  ) as Record<Field, number>;

  // term → doc → sum over fields of field weight × saturated term frequency (idf applied below)
  const tf = new Map<string, Map<number, number>>();
  fields.forEach((doc, i) => {
    for (const f of names) {
      const norm = 1 - B[f] + (B[f] * doc[f].length) / avg[f];
      const counts = new Map<string, number>();
      for (const t of doc[f]) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [t, n] of counts) {
        let docs = tf.get(t);
        if (!docs) tf.set(t, (docs = new Map()));
        const saturated = (n * (K1 + 1)) / (n + K1 * norm);
        docs.set(i, (docs.get(i) ?? 0) + FIELD_WEIGHTS[f] * saturated);
      }
    }
  });

  const terms = [...tf.keys()].sort();
  const N = essays.length;
  const postings = terms.map((t) => {
    const docs = tf.get(t)!;
    const idf = Math.log(1 + (N - docs.size + 0.5) / (docs.size + 0.5));
    const nums: number[] = [];
    let prev = 0;
    for (const [doc, x] of [...docs].sort((a, b) => a[0] - b[0])) {
      const w = idf * x;
      nums.push(doc - prev, weightLevel(w));
      prev = doc;
    }
    return encodeNumbers(nums);
  });
  return { version: 1, build, docCount: N, terms, postings };
}

export const SEARCH_INDEX_PREFIX = `${DATA_DIR}/search.`;

/**
 * The index as the browser loads it: a small manifest (`data/search.<hash>.json`) naming word
 * shards and postings shards (src/domain/searchShards.ts), each content-hashed.
 */
export function shardedSearchFiles(index: SearchIndex): OutputFile[] {
  const split = splitIndex(index);
  const out: OutputFile[] = [];
  const hashed = (folder: string, k: number, value: unknown) => {
    const source = JSON.stringify(value);
    const fileName = `${DATA_DIR}/${folder}/${k}.${contentHash(source)}.json`;
    out.push({ fileName, source });
    return fileName;
  };
  const words = split.words.map((w, k) => hashed('words', k, w));
  const postings = split.postings.map((p, k) => hashed('postings', k, p));
  const source = JSON.stringify(manifestOf(index, split, words, postings));
  out.push({ fileName: `${SEARCH_INDEX_PREFIX}${contentHash(source)}.json`, source });
  return out;
}

/** Runs after the essay-data emitter: it needs the index's build hash. */
export const searchIndexEmitter: Emitter = {
  name: 'search-index',
  emit(essays, previous: readonly OutputFile[] = [], memo) {
    const index = previous.find((o) => o.fileName.startsWith(`${DATA_DIR}/index.`));
    const build = index
      ? (JSON.parse(index.source) as { build: string }).build
      : contentHash(essays.map((e) => e.slug).join());
    return shardedSearchFiles(buildSearchIndex(essays, build, memo));
  },
};
