import type { EssayIndex } from '../../domain/essay.ts';
import type { FinalEssay, MediaFile } from '../derive/records.ts';
import type { PipelineMemo } from '../memo.ts';
import { trace } from '../trace.ts';

/**
 * What the emitters share (stage 4, docs/decisions/0017-pipeline-in-stages.md): the finished
 * essays and media, and what each earlier emitter built, typed and named. An emitter never
 * looks for another's file by name pattern or parses another's JSON again.
 */

export interface OutputFile {
  /** Relative to the site root, without a leading slash. */
  fileName: string;
  source: string;
}

/** What emitters build that later emitters, the Vite plugins and the tests read. */
export interface Built {
  /** The summary index (essay-data emitter), with each essay's body file by its path. */
  index: { fileName: string; value: EssayIndex; bodies: ReadonlyMap<string, OutputFile> };
  /** The search index's manifest (search emitter). */
  search: { fileName: string };
  /** The archive manifest (archive emitter): the first file every page loads. */
  manifest: { fileName: string };
}

export interface BuildContext {
  essays: readonly FinalEssay[];
  /** The images the essays embed, copied into the build beside the emitted files. */
  media: readonly MediaFile[];
  /** Under `vite dev`, where per-essay work is remembered between runs (src/pipeline/memo.ts). */
  memo?: PipelineMemo;
  /** What the emitters before this one built. */
  built: Partial<Built>;
  /** Every file the emitters before this one made, in order (offline packs bundle some). */
  files: readonly OutputFile[];
}

export interface Emitted {
  files: OutputFile[];
  built?: Partial<Built>;
}

export interface Emitter {
  name: string;
  emit(context: BuildContext): Emitted;
}

/** What an earlier emitter built, or a plain error naming who needed it: a list out of order. */
export function needs<K extends keyof Built>(
  context: BuildContext,
  key: K,
  emitter: string,
): Built[K] {
  const found = context.built[key];
  if (!found) throw new Error(`the ${emitter} emitter runs after the one that builds the ${key}`);
  return found;
}

/** Runs the emitters in order, each given what those before it built. */
export function runEmitters(
  emitters: readonly Emitter[],
  start: Omit<BuildContext, 'built' | 'files'>,
): { files: OutputFile[]; built: Partial<Built> } {
  const files: OutputFile[] = [];
  const built: Partial<Built> = {};
  for (const emitter of emitters) {
    const made = emitter.emit({ ...start, built, files });
    files.push(...made.files);
    Object.assign(built, made.built);
    trace(`emitted ${emitter.name}`);
  }
  return { files, built };
}
