import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { writeCorpus } from '../../scripts/corpusLib';
import { runPipeline, type PipelineResult } from '../../src/pipeline/run';

/** Synthetic corpora for benchmarks, written once under .tmp/ and reused. */
export const BENCH_DIR = path.resolve('.tmp/bench');
export const ANCHOR = '2026-11-24';

export function corpusDir(count: number): string {
  const dir = path.join(BENCH_DIR, `corpus-${count}`);
  if (!existsSync(dir) || readdirSync(dir).length !== count) writeCorpus({ count, out: dir });
  return dir;
}

export async function pipelineFor(count: number): Promise<PipelineResult> {
  const result = await runPipeline(corpusDir(count), { anchorDate: ANCHOR });
  if (!result.ok) throw new Error(`the ${count}-essay corpus did not build`);
  return result;
}
