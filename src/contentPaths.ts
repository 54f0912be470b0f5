import type { EssaySlug } from './domain/essay.ts';
import { termSlug } from './domain/slugs.ts';

/**
 * Addresses only the build and the lazy chunks use: a highlight in its essay, the EPUB
 * books, and links the build writes into essay bodies. Beside src/paths.ts rather than in it
 * so the first page does not carry them (an object's unused keys are not shaken out).
 */
export const contentPaths = {
  /** A highlight in its essay: the reader scrolls to it (src/reading/EssayAnnotations.tsx). */
  highlight: {
    build: (slug: EssaySlug, id: string) => `/essays/${slug}#highlight-${encodeURIComponent(id)}`,
  },
  /** Files the build writes beside the pages (src/pipeline/emit/epub.ts). */
  archiveEpub: { build: () => 'epub/archive.epub' },
  themeEpub: { build: (theme: string) => `epub/themes/${termSlug(theme)}.epub` },
  /**
   * Links written into an essay's body at build time (src/pipeline/derive/links.ts), relative to
   * the essay's own address (`/essays/<slug>`), so they hold under any base path.
   */
  essayFromEssay: {
    build: (slug: EssaySlug, fragment = '') => `${slug}${fragment}`,
  },
  mediaFromEssay: { build: (fileName: string) => `../${fileName}` },
} as const;
