import { todayIso } from '../domain/dates.ts';
import { archiveEmitter } from './archiveEmitter.ts';
import { deriveEssay, type EssayRecord } from './derive.ts';
import { essayDataEmitter, type Emitter, type OutputFile } from './emit.ts';
import { finalizeEssays, type FinalEssay } from './finalize.ts';
import { parseFrontMatter } from './frontMatter.ts';
import type { PipelineMemo } from './memo.ts';
import { decodeSource, loadEssays, type ReadBytes, type SourceFile } from './load.ts';
import type { Problem } from './problems.ts';
import { searchIndexEmitter } from './searchEmitter.ts';

/** The emit stage, in order: later emitters may read what earlier ones made. */
export const defaultEmitters: readonly Emitter[] = [
  essayDataEmitter,
  searchIndexEmitter,
  archiveEmitter,
];

/**
 * The content pipeline as one ordered list of stages:
 * load → parse front matter → validate and derive → finalize across files → emit.
 * Every stage collects problems instead of throwing, so one run reports all of them.
 */

export interface PipelineOptions {
  /** `YYYY-MM-DD`; defaults to today (UTC). See docs/decisions/0003-yearless-dates.md. */
  anchorDate?: string;
  emitters?: readonly Emitter[];
  /** How files are read (tests simulate unreadable and vanishing files). */
  readBytes?: ReadBytes;
  /** What `vite dev` keeps between runs (src/pipeline/memo.ts); a build passes none. */
  memo?: PipelineMemo;
}

type Derived = { essay: EssayRecord | null; problems: Problem[] };

export interface PipelineResult {
  essays: FinalEssay[];
  problems: Problem[];
  outputs: OutputFile[];
  /** False when any error was found; outputs are then empty, never a partial archive. */
  ok: boolean;
  /** Files that were read, so a caller can check nothing vanished. */
  fileCount: number;
}

export function processSources(
  sources: readonly SourceFile[],
  loadProblems: readonly Problem[],
  options: PipelineOptions = {},
): PipelineResult {
  const anchorDate = options.anchorDate ?? process.env.ESSAYS_DATE_ANCHOR ?? todayIso();
  const problems: Problem[] = [...loadProblems];
  const records: EssayRecord[] = [];
  const parseAndDerive = (source: SourceFile): Derived => {
    const parsed = parseFrontMatter(source);
    return Array.isArray(parsed)
      ? { essay: null, problems: parsed }
      : deriveEssay(parsed, { anchorDate });
  };
  for (const source of sources) {
    const derived = options.memo
      ? (options.memo.derived.get(source, () => parseAndDerive(source)) as Derived)
      : parseAndDerive(source);
    problems.push(...derived.problems);
    if (derived.essay) records.push(derived.essay);
  }
  const finalized = finalizeEssays(records);
  problems.push(...finalized.problems);
  const ok = !problems.some((p) => p.severity === 'error');
  const emitters = options.emitters ?? defaultEmitters;
  const outputs: OutputFile[] = [];
  if (ok)
    for (const emitter of emitters)
      outputs.push(...emitter.emit(finalized.essays, outputs, options.memo));
  return { essays: finalized.essays, problems, outputs, ok, fileCount: sources.length };
}

export async function runPipeline(
  dir: string,
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  const { sources, problems } = await loadEssays(dir, options.readBytes);
  return processSources(sources, problems, options);
}

/** For tests: run the pipeline over in-memory files. */
export function runOnTexts(
  files: Record<string, string | Uint8Array>,
  options: PipelineOptions = {},
): PipelineResult {
  const sources: SourceFile[] = [];
  const problems: Problem[] = [];
  for (const [file, content] of Object.entries(files)) {
    const decoded = decodeSource(
      file,
      typeof content === 'string' ? new TextEncoder().encode(content) : content,
    );
    if ('severity' in decoded) problems.push(decoded);
    else sources.push(decoded);
  }
  return processSources(sources, problems, options);
}
