import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../../domain/site.ts';
import type { OutputFile } from '../emit/context.ts';
import { bookImages, buildEpub, type ChapterCache, type EpubBook } from '../emit/epub.ts';
import { buildReport } from '../problems.ts';
import type { PipelineResult } from '../run.ts';
import { trace } from '../trace.ts';

/** Writes the pipeline's files under `outDir`, making each file's text as it goes. */
export function writeOutputs(outDir: string, outputs: readonly OutputFile[]): void {
  const made = new Set<string>();
  for (const out of outputs) {
    const file = path.join(outDir, out.fileName);
    const folder = path.dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, out.source);
  }
}

/**
 * Everything a build writes beside the bundle: the data files, the build report, the EPUB
 * books and the essays' images. One file at a time, never all held at once (gigabytes at
 * 100,000 essays; docs/decisions/0013-build-at-100000.md).
 */
export function writeSite(
  outDir: string,
  result: PipelineResult,
  books: readonly EpubBook[],
  site: SiteConfig,
  info: (message: string) => void,
): void {
  writeOutputs(outDir, result.outputs);
  trace('wrote the data files');
  writeFileSync(
    path.join(outDir, 'build-report.txt'),
    buildReport(result.essays.length, result.leftOut, result.problems),
  );
  if (books.length > 0) {
    const started = performance.now();
    const chapters: ChapterCache = new Map();
    const images = bookImages(result.media);
    for (const book of books) {
      const file = path.join(outDir, book.fileName);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, buildEpub(book, result.essays, site, chapters, images));
    }
    info(
      `books: ${books.length} EPUB files in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  for (const image of result.media) {
    mkdirSync(path.dirname(path.join(outDir, image.fileName)), { recursive: true });
    if (image.data) writeFileSync(path.join(outDir, image.fileName), image.data);
    else copyFileSync(image.from, path.join(outDir, image.fileName));
  }
}
