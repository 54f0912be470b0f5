/**
 * How an archive's files are read, where generators differ: which front-matter keys hold
 * which field, what a missing theme falls back to, and whether the folder is a notes vault
 * (Obsidian, Quartz) whose files may have no front matter at all. The defaults read the seed
 * format, Jekyll, Hugo, Eleventy and Astro as they are; `essays.config.*` may change them
 * (src/pipeline/read/config.ts). docs/decisions/0014-real-archives.md.
 */

/** The fields the app knows, each read from the first of its keys that a file has. */
export type FieldName =
  | 'title'
  | 'date'
  | 'updated'
  | 'description'
  | 'threadId'
  | 'wordCount'
  | 'readingTime'
  | 'theme'
  | 'tags'
  | 'categories'
  | 'draft'
  | 'aliases'
  | 'lang';

export const DEFAULT_FIELDS: Readonly<Record<FieldName, readonly string[]>> = {
  title: ['title'],
  // Astro's content collections say pubDate; Obsidian templates often say created.
  date: ['date', 'pubDate', 'publishDate', 'published', 'created'],
  updated: ['lastmod', 'updated', 'updatedDate', 'last_modified_at', 'modified'],
  description: ['description', 'summary', 'excerpt'],
  // Jekyll themes stamp a uuid on every post: as stable as a thread id.
  threadId: ['thread_id', 'uuid'],
  wordCount: ['word_count'],
  readingTime: ['reading_time'],
  theme: ['primary_theme'],
  tags: ['tags', 'tag'],
  categories: ['categories', 'category'],
  draft: ['draft'],
  // Hugo and Obsidian both say aliases; Jekyll's redirect plugin says redirect_from.
  aliases: ['aliases', 'alias', 'redirect_from'],
  lang: ['lang', 'language'],
};

/** What an essay without `primary_theme` is filed under. */
export type ThemeFallback = 'category' | 'tag' | 'folder' | 'none';

export interface ArchiveOptions {
  fields: Readonly<Record<FieldName, readonly string[]>>;
  /** `category`: the first category, else the first tag (the seed format's rule). */
  themeFallback: ThemeFallback;
  /**
   * A notes vault: front matter is optional, a missing title comes from the first heading or
   * the file name and a missing date from the file's last change (with a warning).
   */
  notes: boolean;
  /** The archive's language (`en`, `ja`), for pages whose files do not say. */
  lang: string;
  /** `stop` (the default) fails the build on any error; `skip` leaves the file out, listed. */
  onProblem: 'stop' | 'skip';
  /** Folder names never read (a vault's `templates` and `private`); each is listed. */
  ignoredFolders: readonly string[];
}

export const DEFAULT_ARCHIVE: ArchiveOptions = {
  fields: DEFAULT_FIELDS,
  themeFallback: 'category',
  notes: false,
  lang: 'en',
  onProblem: 'stop',
  ignoredFolders: [],
};

/** Folders a vault keeps out of publishing, as Quartz does by default. */
export const IGNORED_FOLDERS = ['.obsidian', 'private', 'templates', '_templates', 'node_modules'];
