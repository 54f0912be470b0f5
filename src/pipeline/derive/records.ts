import type { EssayDate, EssaySlug } from '../../domain/essay.ts';

/**
 * The data that flows through the derive stage: one record per essay file (fields.ts), made
 * final with its unique slug (finalize.ts), its links resolved and its images found
 * (links.ts). The emitters read nothing else of an essay.
 */

export interface EssayRecord {
  file: string;
  /** Slug from the title alone; `finalize.ts` makes it unique across the archive. */
  baseSlug: string;
  threadId: string;
  order: number;
  title: string;
  date: EssayDate;
  description: string;
  wordCount: number;
  readingTime: number;
  theme: string;
  tags: string[];
  markdown: string;
  /** The file's line the markdown starts at: problems found in it later (links, images) say where. */
  bodyLine?: number;
  /** Other names and old addresses the essay answers to (Hugo and Obsidian `aliases`). */
  aliases: string[];
  /** `YYYY-MM-DD` of the last update (`lastmod`, `updated`), when it differs from the date. */
  updated?: string;
  /** The essay's language when it differs from the archive's. */
  lang?: string;
}

export interface FinalEssay extends EssayRecord {
  slug: EssaySlug;
}

export interface MediaFile {
  /** Path in the built site: `media/tide-chart.3f2a9c1b0d.png`. */
  fileName: string;
  /** Absolute path of the file to copy. */
  from: string;
  /** Its size: saving the archive for offline stores it too (src/domain/packs.ts). */
  bytes: number;
  /** What to publish instead of the file's bytes: an SVG as mediaCheck.ts cleaned it. */
  data?: Uint8Array;
}

export interface MediaSource {
  /** The essays folder. */
  root: string;
  /** Every image file under it, relative, with `/` separators. */
  files: readonly string[];
  /** Reads a file's bytes, to name it by its hash. */
  read(file: string): Uint8Array;
}
