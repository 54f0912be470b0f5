import { createHash } from 'node:crypto';
import type { EssayBody, EssayIndex, EssaySummary } from '../domain/essay.ts';
import type { FinalEssay } from './finalize.ts';
import { headingsOf, parseMarkdown } from './markdown.ts';

/**
 * Stage 5: turn the essays into the files the browser loads. Each emitter is a small named
 * stage; the search index will be one more. Every file name carries a content hash, so a host
 * or service worker may cache it forever and a deploy re-downloads only what changed.
 */

export interface OutputFile {
  /** Relative to the site root, without a leading slash. */
  fileName: string;
  source: string;
}

export interface Emitter {
  name: string;
  emit(essays: readonly FinalEssay[]): OutputFile[];
}

export const DATA_DIR = 'data';

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}

export function bodyFile(essay: FinalEssay): OutputFile {
  const body: EssayBody = {
    slug: essay.slug,
    markdown: essay.markdown,
    headings: headingsOf(parseMarkdown(essay.markdown)),
  };
  const source = JSON.stringify(body);
  return { fileName: `${DATA_DIR}/essays/${essay.slug}.${contentHash(source)}.json`, source };
}

export function toSummary(essay: FinalEssay, bodyPath: string): EssaySummary {
  return {
    slug: essay.slug,
    threadId: essay.threadId,
    order: essay.order,
    title: essay.title,
    date: essay.date,
    description: essay.description,
    wordCount: essay.wordCount,
    readingTime: essay.readingTime,
    theme: essay.theme,
    tags: essay.tags,
    bodyPath,
  };
}

/** Bodies and the summary index together: the index names each body by its hashed path. */
export const essayDataEmitter: Emitter = {
  name: 'essay-data',
  emit(essays) {
    const bodies = essays.map(bodyFile);
    const summaries = essays.map((e, i) => toSummary(e, bodies[i]!.fileName));
    const index: EssayIndex = {
      version: 1,
      build: contentHash(JSON.stringify(summaries)),
      essays: summaries,
    };
    const source = JSON.stringify(index);
    return [{ fileName: `${DATA_DIR}/index.${contentHash(source)}.json`, source }, ...bodies];
  },
};

export const defaultEmitters: readonly Emitter[] = [essayDataEmitter];

export function indexFileName(outputs: readonly OutputFile[]): string {
  const index = outputs.find((o) => /^data\/index\.[0-9a-f]+\.json$/.test(o.fileName));
  if (!index) throw new Error('the essay-data emitter produced no index');
  return index.fileName;
}
