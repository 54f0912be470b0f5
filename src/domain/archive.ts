import { lengthBucket, type LengthBucket } from './browse.ts';
import type { EssaySlug, EssaySummary } from './essay.ts';

/**
 * The archive as the browser loads it: in small, content-hashed pieces, so a page costs the
 * same at 100 essays and at 100,000 (docs/decisions/0011-archive-at-scale.md). Essays are
 * numbered newest first (their "id"); every piece is found from the manifest.
 */

export const ARCHIVE_VERSION = 5;
/**
 * Essays per summary chunk: one list page. Small, because a filtered list or a page of search
 * results shows essays from anywhere in the archive, one chunk each.
 */
export const CHUNK_SIZE = 20;
/** About this many essays per slug bucket. */
export const SLUGS_PER_BUCKET = 256;

export interface ArchiveManifest {
  version: typeof ARCHIVE_VERSION;
  /** Content hash of the whole archive; a new deploy has a new one. */
  build: string;
  count: number;
  chunkSize: number;
  /**
   * The chunk table: a file listing the hash of each summary chunk (`chunkFile(k, hash)`).
   * Its own file, so the manifest every page loads grows by a few bytes per 256 essays only.
   */
  summaries: string;
  /** Hash of each slug bucket file (`bucketFile(b, hash)`). */
  slugBuckets: string[];
  /**
   * Hash of each thread bucket file (`threadFile(b, hash)`): an essay's slug by its thread
   * id, so what a reader kept of an essay (a highlight) still finds it after a retitle.
   */
  threadBuckets: string[];
  /** Tags, themes and the date range, with counts: tag and theme index pages, filters. */
  terms: string;
  /** Tags, themes, months, lengths, word counts and title order of every essay, packed. */
  facets: string;
  /** Every summary in one file: for saving offline and suggestions on the not-found page. */
  index: string;
  search: string;
  /** The offline packs' table (src/domain/packs.ts); empty under `vite dev`. */
  packs: string;
  /** Each tag's and theme's own list (src/domain/termLists.ts): their pages' first screen. */
  termLists: string;
}

export const chunkFile = (k: number, hash: string) => `data/summaries/${k}.${hash}.json`;
export const bucketFile = (b: number, hash: string) => `data/slugs/${b}.${hash}.json`;
export const threadFile = (b: number, hash: string) => `data/threads/${b}.${hash}.json`;

/** Which chunk holds essay `id`. */
export const chunkOf = (id: number, chunkSize = CHUNK_SIZE) => Math.floor(id / chunkSize);

/** FNV-1a: a small, stable string hash, the same in the build and the browser. */
export function slugBucket(slug: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) {
    h ^= slug.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % buckets;
}

/**
 * A slug bucket: slug → the essay's page file (hashed path) and its number. The number lives
 * here, not in the page file, because a new essay renumbers every older one: page files stay
 * the same across such a deploy, and so do the offline packs that hold them.
 */
export type SlugBucket = Record<string, [pageFile: string, id: number]>;

/** A thread bucket: thread id → the essay's slug in this build (bucketed like slugs). */
export type ThreadBucket = Record<string, EssaySlug>;

/** Just enough of an essay to link to it. */
export interface LinkedEssay {
  slug: EssaySlug;
  title: string;
  threadId: string;
  readingTime: number;
}

/** What an essay's page needs besides its body, precomputed for that essay alone. */
export interface EssayPage extends EssayPageFile {
  /** The essay's number (newest first), from its slug bucket. */
  id: number;
}

/** An essay's page file. */
export interface EssayPageFile {
  essay: EssaySummary;
  /** Neighbours in the archive's own order (newest first). */
  prev: LinkedEssay | null;
  next: LinkedEssay | null;
  related: LinkedEssay[];
  more: LinkedEssay[];
}

export interface TermEntry {
  value: string;
  count: number;
}

export interface ThemeEntry extends TermEntry {
  /** The most common other tags of the theme's essays. */
  topTags: TermEntry[];
  newest: LinkedEssay & { date: EssaySummary['date'] };
}

export interface ArchiveTerms {
  tags: TermEntry[];
  themes: ThemeEntry[];
  /** `YYYY-MM` of the oldest and newest (possibly inferred) dates. */
  months: { min: string; max: string };
  /** Essays per reading-time bucket. */
  lengths: Partial<Record<LengthBucket, number>>;
}

export function lengthCounts(
  readingTimes: readonly number[],
): Partial<Record<LengthBucket, number>> {
  const out: Partial<Record<LengthBucket, number>> = {};
  for (const t of readingTimes) {
    const b = lengthBucket(t);
    out[b] = (out[b] ?? 0) + 1;
  }
  return out;
}

export const linked = (e: EssaySummary): LinkedEssay => ({
  slug: e.slug,
  title: e.title,
  threadId: e.threadId,
  readingTime: e.readingTime,
});
