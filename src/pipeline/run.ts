import { readFileSync } from 'node:fs';
import path from 'node:path';
import { todayIso } from '../domain/dates.ts';
import { resolveLinks } from './derive/links.ts';
import type { MediaFile, MediaSource } from './derive/records.ts';
import { aliasProblems } from './emit/aliases.ts';
import { DEFAULT_ARCHIVE, type ArchiveOptions } from './read/archiveOptions.ts';
import { deriveEssay, type DerivedFile } from './derive/fields.ts';
import type { EssayRecord } from './derive/records.ts';
import { runEmitters, type Built, type Emitter, type OutputFile } from './emit/context.ts';
import { siteEmitters } from './emit/emitters.ts';
import { finalizeEssays } from './derive/finalize.ts';
import type { FinalEssay } from './derive/records.ts';
import { parseFrontMatter } from './read/frontMatter.ts';
import type { PipelineMemo } from './memo.ts';
import {
  decodeSource,
  loadEssays,
  type LoadOptions,
  type ReadBytes,
  type SourceFile,
} from './read/load.ts';
import type { Problem } from './problems.ts';
import { trace } from './trace.ts';

/**
 * The content pipeline as one ordered list of stages:
 * load → parse front matter → validate and derive → finalize across files → emit.
 * Every stage collects problems instead of throwing, so one run reports all of them.
 */

export interface PipelineOptions {
  /** `YYYY-MM-DD`; defaults to today (UTC). See docs/decisions/0003-yearless-dates.md. */
  anchorDate?: string;
  /** The site's emitters (emit/emitters.ts) for an unnamed site when absent. */
  emitters?: readonly Emitter[];
  /** How files are read (tests simulate unreadable and vanishing files). */
  readBytes?: ReadBytes;
  /** What `vite dev` keeps between runs (src/pipeline/memo.ts); a build passes none. */
  memo?: PipelineMemo;
  /** How this archive's files are read (src/pipeline/read/archiveOptions.ts). */
  archive?: ArchiveOptions;
  /** Images essays may embed; none when absent. */
  media?: MediaSource;
}

/** A file that is not in the built site, and why: every one is listed, none is dropped quietly. */
export interface LeftOut {
  file: string;
  reason: string;
}

export interface PipelineResult {
  essays: FinalEssay[];
  problems: Problem[];
  outputs: OutputFile[];
  /** What the emitters built, typed (emit/context.ts); empty when not ok. */
  built: Partial<Built>;
  /** False when any error was found; outputs are then empty, never a partial archive. */
  ok: boolean;
  /** Files that were read, so a caller can check nothing vanished. */
  fileCount: number;
  /** Drafts, and under `onProblem: "skip"` the files with errors. */
  leftOut: LeftOut[];
  /** Images the essays embed, to copy into the build. */
  media: MediaFile[];
}

export function processSources(
  sources: readonly SourceFile[],
  loadProblems: readonly Problem[],
  options: PipelineOptions = {},
): PipelineResult {
  const anchorDate = options.anchorDate ?? process.env.ESSAYS_DATE_ANCHOR ?? todayIso();
  const archive = options.archive ?? DEFAULT_ARCHIVE;
  const problems: Problem[] = [...loadProblems];
  const records: EssayRecord[] = [];
  const leftOut: LeftOut[] = [];
  const parseAndDerive = (source: SourceFile): DerivedFile => {
    const parsed = parseFrontMatter(source);
    return Array.isArray(parsed)
      ? { essay: null, problems: parsed }
      : deriveEssay(parsed, { anchorDate, archive });
  };
  for (const source of sources) {
    const derived = options.memo
      ? (options.memo.derived.get(source, () => parseAndDerive(source)) as DerivedFile)
      : parseAndDerive(source);
    const errors = derived.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0 && archive.onProblem === 'skip') {
      // Listed, with every reason, as a warning: the rest of the archive still builds.
      for (const p of derived.problems)
        problems.push(
          p.severity === 'error'
            ? { ...p, severity: 'warning', message: `left out: ${p.message}` }
            : p,
        );
      leftOut.push({ file: source.file, reason: errors.map((e) => e.message).join('; ') });
      continue;
    }
    problems.push(...derived.problems);
    if (derived.leftOut) leftOut.push({ file: source.file, reason: derived.leftOut });
    if (derived.essay) records.push(derived.essay);
  }
  trace(`derived ${records.length} essays`);
  const finalized = finalizeEssays(records);
  problems.push(...finalized.problems);
  const linked = resolveLinks(finalized.essays, options.media ?? null);
  problems.push(...linked.problems, ...aliasProblems(linked.essays));
  trace('finalized and linked');
  const ok = !problems.some((p) => p.severity === 'error');
  const emitted = ok
    ? runEmitters(options.emitters ?? siteEmitters(), {
        essays: linked.essays,
        media: linked.media,
        memo: options.memo,
      })
    : { files: [], built: {} };
  return {
    essays: linked.essays,
    problems,
    outputs: emitted.files,
    built: emitted.built,
    ok,
    fileCount: sources.length,
    leftOut,
    media: ok ? linked.media : [],
  };
}

export async function runPipeline(
  dir: string,
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  const { sources, problems, images } = await loadEssays(
    dir,
    options.readBytes,
    undefined,
    loadOptionsOf(options.archive),
  );
  trace(`read ${sources.length} files`);
  return processSources(sources, problems, { media: mediaIn(dir, images), ...options });
}

/** The folder's images, read only when an essay embeds one. */
export function mediaIn(root: string, files: readonly string[]): MediaSource {
  return { root, files, read: (file) => readFileSync(path.join(root, file)) };
}

/** What the loader must know of the archive's rules. */
export function loadOptionsOf(archive: ArchiveOptions = DEFAULT_ARCHIVE): LoadOptions {
  return {
    ignoredFolders: archive.ignoredFolders,
    // Any archive: a post with no date anywhere takes its file's, with a warning (as Quartz).
    datesFromFileTimes: true,
    dateKeys: archive.fields.date,
  };
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
