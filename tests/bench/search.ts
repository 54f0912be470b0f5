import { gzipSync } from 'node:zlib';
import type { SearchManifest } from '../../src/domain/searchShards';
import { storeOfFiles } from '../../src/search/shardStore';
import { createEngine } from '../../src/search/engine';
import { pipelineFor } from './corpora';
import { KINDS, makeQueries, type TargetQuery } from './searchQueries';
import { check, ms, summarize, table } from './stats';

/** Search: relevance by query kind, per-keystroke latency, index size and load time, in Node. */

/** Issue #12: the 10,000-essay budgets hold at 100,000 too. */
export const LATENCY_BUDGET: Record<number, number> = { 1000: 8, 10000: 16, 100000: 16 };
export const HIT10_BUDGET: Record<number, number> = { 1000: 98, 10000: 95, 100000: 95 };

/** Every prefix of the query, as typed one key at a time. */
export function keystrokes(query: string): string[] {
  return Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1));
}

export async function searchSetup(count: number) {
  const result = await pipelineFor(count);
  const file = result.outputs.find((o) => o.fileName.startsWith('data/search.'))!;
  const queries = makeQueries(
    result.essays,
    result.essays.map((e) => e.markdown),
    8,
  );
  return { result, file, queries };
}

export function relevance(queries: readonly TargetQuery[], run: (q: string) => number[]) {
  const rows = KINDS.map((kind) => {
    const qs = queries.filter((q) => q.kind === kind);
    let at1 = 0;
    let at10 = 0;
    for (const q of qs) {
      const ranked = run(q.query);
      if (ranked[0] === q.target) at1++;
      if (ranked.slice(0, 10).includes(q.target)) at10++;
    }
    return { kind, queries: qs.length, 'hit@1': at1, 'hit@10': at10 };
  });
  const n = rows.reduce((s, r) => s + r.queries, 0);
  const hit10 = (100 * rows.reduce((s, r) => s + r['hit@10'], 0)) / n;
  const hit1 = (100 * rows.reduce((s, r) => s + r['hit@1'], 0)) / n;
  const answerable = queries.filter((q) => q.ties < 10);
  const hitAnswerable =
    (100 * answerable.filter((q) => run(q.query).slice(0, 10).includes(q.target)).length) /
    Math.max(1, answerable.length);
  return { rows, n, hit1, hit10, answerable: answerable.length, hitAnswerable };
}

export async function benchSearchNode(counts: readonly number[]): Promise<void> {
  for (const count of counts) {
    const { result, file, queries } = await searchSetup(count);
    // The index in shards (src/domain/searchShards.ts): every shard, summed, for the size.
    const files = new Map(result.outputs.map((o) => [o.fileName, o.source]));
    const manifest = JSON.parse(file.source) as SearchManifest;
    const shardNames = [...manifest.words.map((w) => w.file), ...manifest.postingsFiles];
    const gzOf = (names: readonly string[]) =>
      names.reduce((sum, f) => sum + gzipSync(files.get(f)!).length, 0);
    const gz = gzOf([file.fileName, ...shardNames]);
    // Loaded only for words the archive lacks (a typo in the first letters), saved offline.
    const tailsGz = gzOf((manifest.tails ?? []).map((t) => t.file));
    const loads: number[] = [];
    let engine = createEngine(storeOfFiles(file.fileName, files));
    for (let i = 0; i < 7; i++) {
      // A first query from nothing: the manifest, one word shard, its postings shards.
      const t0 = performance.now();
      engine = createEngine(storeOfFiles(file.fileName, files));
      await engine.prepare('warm');
      engine.search('warm');
      loads.push(performance.now() - t0);
    }
    const load = summarize(loads);
    const store = storeOfFiles(file.fileName, files);
    await store.loadAll();
    engine = createEngine(store);

    console.log(`\nSearch, Node, ${count} essays: ${queries.length} queries with a known target`);
    const rel = relevance(queries, (q) => engine.search(q, 10).hits.map((h) => h.doc));
    table(rel.rows);
    console.log(
      `  all: hit@1 ${rel.hit1.toFixed(1)}%, hit@10 ${rel.hit10.toFixed(1)}%; the ${rel.answerable} queries fewer than 10 other essays fully match: hit@10 ${rel.hitAnswerable.toFixed(1)}%`,
    );

    const samples: number[] = [];
    for (const q of queries) {
      for (const typed of keystrokes(q.query)) {
        const t0 = performance.now();
        engine.search(typed, 20);
        samples.push(performance.now() - t0);
      }
    }
    const s = summarize(samples);
    table([
      {
        essays: count,
        keystrokes: s.n,
        p50: ms(s.p50),
        p95: ms(s.p95),
        max: ms(s.max),
        'index gz': `${(gz / 1024).toFixed(0)} KB`,
        'tail shards gz': `${(tailsGz / 1024).toFixed(0)} KB in ${manifest.tails?.length ?? 0}`,
        'first query from nothing p50': ms(load.p50),
      },
    ]);
    check({
      name: `search keystroke p95, Node, ${count} essays`,
      value: s.p95,
      budget: LATENCY_BUDGET[count]!,
      unit: 'ms',
    });
    check({
      name: `search hit@10, Node, ${count} essays`,
      value: rel.hit10,
      budget: HIT10_BUDGET[count]!,
      unit: '%',
      lowerIsBetter: false,
    });
    if (count === 1000) {
      check({
        name: 'search index gzipped, 1000 essays',
        value: gz / 1024,
        budget: 400,
        unit: 'KB',
      });
      check({
        name: 'search first query from nothing (shards loaded and parsed) p50, Node, 1000 essays',
        value: load.p50,
        budget: 150,
        unit: 'ms',
      });
    }
    void result;
  }
}
