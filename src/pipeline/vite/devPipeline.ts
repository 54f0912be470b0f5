import path from 'node:path';
import { loadEssays, type DecodedFiles } from '../read/load.ts';
import { createMemo, endRun } from '../memo.ts';
import {
  loadOptionsOf,
  mediaIn,
  processSources,
  type PipelineOptions,
  type PipelineResult,
} from '../run.ts';

/**
 * The pipeline under `vite dev`: the same stages as a build, but an edit to one file costs
 * about one file's work. The folder is listed again on every run (cheap, and it keeps every
 * rule of what is read); a file is read, decoded, parsed and derived again only when the
 * watcher reported a change to it; the emitters' per-essay work (headings, search terms,
 * body files) is remembered by content (src/pipeline/memo.ts). What spans the archive
 * (slugs, order, ranking weights, related essays) is recomputed, as it must be.
 */
export interface DevPipeline {
  /** The watcher saw this file added, changed or removed. */
  changed(file: string): void;
  run(): Promise<PipelineResult>;
}

export function devPipeline(dir: string, options: Omit<PipelineOptions, 'memo'>): DevPipeline {
  const decoded: DecodedFiles = new Map();
  const memo = createMemo();
  // Forgotten when a run starts, not when reported: a report during a run (whose read may
  // already have kept the old text) is for the next run, which the dev server then asks for.
  const dirty = new Set<string>();
  return {
    changed(file) {
      dirty.add(path.resolve(file));
    },
    async run() {
      for (const file of dirty) decoded.delete(file);
      dirty.clear();
      const { sources, problems, images } = await loadEssays(
        dir,
        options.readBytes,
        decoded,
        loadOptionsOf(options.archive),
      );
      const result = processSources(sources, problems, {
        media: mediaIn(dir, images),
        ...options,
        memo,
      });
      endRun(memo);
      return result;
    },
  };
}
