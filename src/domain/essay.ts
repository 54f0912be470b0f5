/**
 * The shapes every layer agrees on. The pipeline produces them, `data/` reads them,
 * routes and components display them. Imports only other domain modules.
 */
import type { Heading } from './headings.ts';

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** URL segment of one essay: ASCII, lower case, words joined by `-`. */
export type EssaySlug = Brand<string, 'EssaySlug'>;
/** URL segment of a tag or theme value; reversible (see `slugs.ts`). */
export type TermSlug = Brand<string, 'TermSlug'>;

/** A date exactly as the author wrote it, plus what we could work out from it. */
export interface EssayDate {
  /** What the file says, shown to readers unchanged (`Thu Mar 14`). */
  text: string;
  /** `YYYY-MM-DD`, used only for sorting and ranges; the year may be inferred. */
  iso: string;
  /** True when the file gave no year and `iso` carries our best inference. */
  yearInferred: boolean;
}

/** Everything a list, tag or theme page needs about one essay; no body. */
export interface EssaySummary {
  slug: EssaySlug;
  threadId: string;
  /** The order number from the file name (`012_...` gives 12); -1 when absent. */
  order: number;
  title: string;
  date: EssayDate;
  description: string;
  wordCount: number;
  /** Minutes. */
  readingTime: number;
  theme: string;
  tags: string[];
  /** Path of the body JSON relative to the site base; content-hashed, safe to cache forever. */
  bodyPath: string;
}

/**
 * A highlighted piece of code: plain text, or `[classes, ...children]` where classes are
 * highlight.js token names without their `hljs-` prefix (`"keyword"`, `"title function_"`).
 */
export type CodeToken = string | [string, ...CodeToken[]];

/** The lazily loaded part of an essay. */
export interface EssayBody {
  slug: EssaySlug;
  /** Markdown with the heading that repeated the title removed. */
  markdown: string;
  /** Headings of depth 2–4 with the ids the reader gives them, for the table of contents. */
  headings: Heading[];
  /**
   * Highlighted code blocks in document order, null for a block left plain; absent when
   * the essay has none (src/pipeline/derive/highlight.ts).
   */
  code?: (CodeToken[] | null)[];
  /** `YYYY-MM-DD` of the last update, when the file gives one that differs from its date. */
  updated?: string;
  /** The essay's language, when it differs from the site's. */
  lang?: string;
  /** True when the Markdown holds HTML for the reader to read (src/lib/rehypeHtml.ts). */
  html?: true;
}

/** The index emitted at build time. */
export interface EssayIndex {
  /** Bumped when the shape changes, so an old cached client can tell. */
  version: 1;
  /** Content hash of the whole archive; a new deploy has a new one. */
  build: string;
  essays: EssaySummary[];
}
