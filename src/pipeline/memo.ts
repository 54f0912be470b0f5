/**
 * What `vite dev` remembers between two runs of the pipeline, so that one edited essay costs
 * the work of one essay (src/pipeline/vite/devPipeline.ts). A build runs once and passes none.
 *
 * Each cache keeps what the last run used and what this run has used so far; `endRun` drops
 * what this run did not ask for (an edited or removed essay's old results), so the caches
 * never outgrow the archive however long the server runs.
 */

export class RunCache<K, V> {
  private previous = new Map<K, V>();
  private current = new Map<K, V>();

  get(key: K, make: () => V): V {
    let value = this.current.get(key);
    if (value !== undefined) return value;
    value = this.previous.get(key) ?? make();
    this.current.set(key, value);
    return value;
  }

  endRun(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

export interface PipelineMemo {
  /**
   * Parse and derive, by source file: the dev pipeline keeps the same SourceFile object for
   * a file that did not change, so identity is the key.
   */
  derived: RunCache<object, unknown>;
  /**
   * What an emitter computes from one essay, by the essay's markdown (an unchanged file's
   * markdown is the very string of the last run, so the lookup costs a cached hash) and then
   * by a short key naming the result and the small fields it also depends on.
   */
  perEssay: RunCache<string, Map<string, unknown>>;
}

export function createMemo(): PipelineMemo {
  return { derived: new RunCache(), perEssay: new RunCache() };
}

export function endRun(memo: PipelineMemo): void {
  memo.derived.endRun();
  memo.perEssay.endRun();
}

/** `make()` once per (markdown, key) while the memo lives; every time without a memo. */
export function remember<V>(
  memo: PipelineMemo | undefined,
  markdown: string,
  key: string,
  make: () => V,
): V {
  if (!memo) return make();
  const results = memo.perEssay.get(markdown, () => new Map());
  if (!results.has(key)) results.set(key, make());
  return results.get(key) as V;
}
