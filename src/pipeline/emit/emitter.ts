import { createHash } from 'node:crypto';
import type { EssayBody, EssayIndex, EssaySummary } from '../../domain/essay.ts';
import type { FinalEssay } from '../derive/records.ts';
import { bodyParts } from '../derive/markdown.ts';
import { remember } from '../memo.ts';
import type { Emitter, OutputFile } from './context.ts';

/**
 * The emit stage's shared helpers and its first emitter. Every file name carries a content
 * hash, so a host or service worker may cache it forever and a deploy re-downloads only what
 * changed.
 */

export const DATA_DIR = 'data';

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}

/**
 * A file whose text is made again each time it is read. The per-essay files (bodies, page
 * files, offline packs) are made this way: at 100,000 essays their texts are gigabytes, more
 * than a build may hold at once, and each is read only to hash it, to pack it and to write
 * it (docs/decisions/0013-build-at-100000.md).
 */
export function lazyFile(fileName: string, make: () => string): OutputFile {
  return {
    fileName,
    get source() {
      return make();
    },
  };
}

/** A JSON file named by its content's hash, its text made again when read. */
export function lazyJson(
  name: (hash: string) => string,
  value: unknown,
): OutputFile & { hash: string } {
  const hash = contentHash(JSON.stringify(value));
  return { ...lazyFile(name(hash), () => JSON.stringify(value)), hash };
}

export function bodyFile(essay: FinalEssay): OutputFile {
  const body: EssayBody = {
    slug: essay.slug,
    markdown: essay.markdown,
    ...bodyParts(essay.markdown),
    ...(essay.updated ? { updated: essay.updated } : {}),
    ...(essay.lang ? { lang: essay.lang } : {}),
  };
  return lazyJson((h) => `${DATA_DIR}/essays/${essay.slug}.${h}.json`, body);
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
  emit({ essays, memo }) {
    // Keyed by all a body file holds besides the markdown: an edit to `lastmod` or `lang`
    // alone changes the file.
    const bodies = essays.map((e) =>
      remember(memo, e.markdown, `body:${e.slug}:${e.updated ?? ''}:${e.lang ?? ''}`, () =>
        bodyFile(e),
      ),
    );
    const summaries = essays.map((e, i) => toSummary(e, bodies[i]!.fileName));
    const index: EssayIndex = {
      version: 1,
      build: contentHash(JSON.stringify(summaries)),
      essays: summaries,
    };
    const source = JSON.stringify(index);
    const fileName = `${DATA_DIR}/index.${contentHash(source)}.json`;
    return {
      files: [{ fileName, source }, ...bodies],
      built: {
        index: { fileName, value: index, bodies: new Map(bodies.map((b) => [b.fileName, b])) },
      },
    };
  },
};
