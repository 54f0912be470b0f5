import { parseEssayDate } from '../../domain/dates.ts';
import { essaySlugFromTitle, normalizeTerm, termSlug } from '../../domain/slugs.ts';
import { countPlain, describePlain, readingMinutes } from '../../domain/text.ts';
import { bodyText } from './bodyText.ts';
import { DEFAULT_ARCHIVE, type ArchiveOptions, type FieldName } from '../read/archiveOptions.ts';
import { dateFromFileName, titleFromFileName } from '../read/fileNames.ts';
import type { ParsedFile } from '../read/frontMatter.ts';
import { wikiLinksAsText } from './wikiLinks.ts';
import type { EssayRecord } from './records.ts';
import { capNesting } from '../read/nesting.ts';
import { expandTemplates } from '../read/templates.ts';
import { mdxAsMarkdown } from '../read/mdx.ts';
import { mapLines } from '../read/fences.ts';
import { derived, error, warning, type Problem } from '../problems.ts';
import { FrontMatterSchema } from './schema.ts';

/** The derive stage, per file: validate its front matter and derive every field the app needs. */

export interface DeriveOptions {
  /** `YYYY-MM-DD`: the latest day a yearless date may be placed on. */
  anchorDate: string;
  archive?: ArchiveOptions;
}

export interface DerivedFile {
  essay: EssayRecord | null;
  problems: Problem[];
  /** Why a file was left out without an error (a draft). */
  leftOut?: string;
}

/** Longest tag or theme slug, in UTF-8 bytes; its page file name adds `.html`. */
export const MAX_TERM_SLUG_BYTES = 200;

/** `012_7b05.txt` → 12. */
export function orderFromFileName(file: string): number {
  const base = file.split('/').pop() ?? file;
  const match = /^(\d+)[_-]/.exec(base);
  return match ? Number(match[1]) : -1;
}

const comparable = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[*_`~\\]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Drops a first heading that repeats the title, so the reader shows the title once. */
export function stripRepeatedTitle(body: string, title: string): string {
  const match = /^\s*#{1,2}[ \t]+(.+?)[ \t]*#*[ \t]*(?:\n|$)/.exec(body);
  if (match && comparable(match[1]!) === comparable(title)) return body.slice(match[0].length);
  return body;
}

/**
 * A tag, category or theme as words: `[[Posts]]` (Obsidian properties link their values) is
 * `Posts`, `[[Posts|Writing]]` is `Writing`; spaces collapsed.
 */
const termText = (value: string) =>
  value
    .trim()
    .replace(
      /^\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|([^\]]+))?\]\]$/,
      (_m, name: string, label?: string) => (label ?? name).trim(),
    )
    .replace(/\s+/g, ' ');

/** Tags trimmed, empty ones dropped, duplicates (ignoring case) collapsed. */
function cleanTags(raw: readonly string[]): { tags: string[]; dropped: number } {
  const seen = new Set<string>();
  const tags: string[] = [];
  let dropped = 0;
  for (const tag of raw) {
    const value = termText(tag);
    const key = normalizeTerm(value);
    if (key === '' || seen.has(key)) {
      dropped++;
      continue;
    }
    seen.add(key);
    tags.push(value);
  }
  return { tags, dropped };
}

const SCHEMA_KEY: Record<FieldName, string> = {
  title: 'title',
  date: 'date',
  updated: 'updated',
  description: 'description',
  threadId: 'thread_id',
  wordCount: 'word_count',
  readingTime: 'reading_time',
  theme: 'primary_theme',
  tags: 'tags',
  categories: 'categories',
  draft: 'draft',
  aliases: 'aliases',
  lang: 'lang',
};

/**
 * The file's fields under the schema's names, each from the first of its keys the file has
 * (`pubDate` is Astro's `date`); with the line each came from. An empty value means "not
 * given", like a missing key. `published: false` (Jekyll) is a draft.
 */
function canonicalFields(
  parsed: ParsedFile,
  fields: ArchiveOptions['fields'],
): { data: Record<string, unknown>; lines: Record<string, number> } {
  const data: Record<string, unknown> = {};
  const lines: Record<string, number> = {};
  for (const [name, keys] of Object.entries(fields) as [FieldName, readonly string[]][]) {
    for (const key of keys) {
      const value = parsed.data[key];
      if (value === null || value === undefined) continue;
      if (key === 'published' && typeof value === 'boolean') continue; // a flag, not a date
      data[SCHEMA_KEY[name]] = value;
      if (parsed.keyLines[key] !== undefined) lines[SCHEMA_KEY[name]] = parsed.keyLines[key];
      break;
    }
  }
  if (parsed.data.published === false && data.draft === undefined) {
    data.draft = true;
    if (parsed.keyLines.published !== undefined) lines.draft = parsed.keyLines.published;
  }
  return { data, lines };
}

/** The text with its fenced code blocks blanked: a `# comment` in code is not a heading. */
function withoutFencedCode(markdown: string): string {
  if (!/^ {0,3}(?:```|~~~)/m.test(markdown)) return markdown;
  return mapLines(markdown, (line, inCode) => (inCode ? '' : line));
}

const FIRST_HEADING = /^\s*#[ \t]+(.+?)[ \t]*#*[ \t]*$/m;

/** One file's derivation in progress: what each field rule reads and where it reports. */
interface Derivation {
  file: string;
  parsed: ParsedFile;
  archive: ArchiveOptions;
  anchorDate: string;
  /** The file's fields under the schema's names (canonicalFields). */
  data: Record<string, unknown>;
  problems: Problem[];
  /** The line a field came from, or the front matter's first line. */
  lineOf(key: string): number;
}

/**
 * Validates one file's front matter and derives every field the app needs, as an ordered
 * list of rules: whether the file is an essay at all, the generators' conventions where the
 * file is silent, the schema, then each field with its default and the warning that says so.
 * The order is the order of the warnings in the build report.
 */
export function deriveEssay(parsed: ParsedFile, options: DeriveOptions): DerivedFile {
  const archive = options.archive ?? DEFAULT_ARCHIVE;
  const { data, lines } = canonicalFields(parsed, archive.fields);
  const d: Derivation = {
    file: parsed.file,
    parsed,
    archive,
    anchorDate: options.anchorDate,
    data,
    problems: [],
    lineOf: (key) => lines[key] ?? parsed.startLine,
  };
  const notAnEssay = leftOutAsNoEssay(d);
  if (notAnEssay) return notAnEssay;
  fillFromConventions(d);

  const result = FrontMatterSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      d.problems.push(error(d.file, issue.message, d.lineOf(key)));
    }
    return { essay: null, problems: d.problems };
  }
  const fm = result.data;
  const dates = datesOf(d, fm);
  const body = bodyOf(d, fm.title);
  const terms = termsOf(d, fm);
  const threadId = threadIdOf(d, fm);
  const length = lengthOf(d, fm, body.markdown);
  const description = descriptionOf(d, fm, body);

  if (d.problems.some((p) => p.severity === 'error') || !dates) {
    return { essay: null, problems: d.problems };
  }
  // Hugo's translations by file name: `index.es.md`, `post.pt-br.md`.
  const lang =
    fm.lang?.trim() || /\.([a-z]{2}(?:-[a-z]{2})?)\.(?:md|mdx|markdown)$/i.exec(d.file)?.[1];
  return {
    essay: {
      file: d.file,
      // A title in a script with no Latin letters (夜空の観察) gives no slug. A generator's file
      // is named for its post, so its name may; the seed format's thread number does.
      baseSlug:
        essaySlugFromTitle(fm.title) ||
        (fm.thread_id === undefined ? essaySlugFromTitle(titleFromFileName(d.file)) : ''),
      threadId,
      order: orderFromFileName(d.file),
      title: fm.title,
      date: { text: fm.date.trim(), iso: dates.iso, yearInferred: dates.yearInferred },
      description,
      wordCount: length.wordCount,
      readingTime: length.readingTime,
      theme: terms.theme,
      tags: terms.tags,
      markdown: body.markdown,
      bodyLine: body.bodyLine,
      aliases: (fm.aliases ?? []).map((a) => a.trim()).filter((a) => a !== ''),
      ...(dates.updated !== undefined && dates.updated !== dates.iso
        ? { updated: dates.updated }
        : {}),
      ...(lang && lang !== archive.lang ? { lang } : {}),
    },
    problems: d.problems,
  };
}

type FrontMatter = ReturnType<typeof FrontMatterSchema.parse>;

const REPOSITORY_FILE =
  /^(?:readme|license|licence|changelog|contributing|code_of_conduct|security|authors)(?:\.[a-z]+)?$/i;

const SITE_PAGE_KEYS = [
  'pagination',
  'eleventyImport',
  'eleventyExcludeFromCollections',
  'headless',
];

/** A section page, a site page, a draft, or (outside a notes vault) a file with no front matter. */
function leftOutAsNoEssay({ file, data, parsed, archive, lineOf }: Derivation): DerivedFile | null {
  // Hugo's `_index.md` describes a section's list page; it is not a post.
  if (/(?:^|\/)_index\.[^./]+$/.test(file)) {
    return {
      essay: null,
      problems: [warning(file, 'is a Hugo section page (_index.md), not a post; left out')],
      leftOut: 'a section page',
    };
  }
  // A generator's own pages among the posts: Eleventy's list and navigation pages, Hugo's
  // headless bundles. They render other posts; they are not one.
  const siteKey = SITE_PAGE_KEYS.find(
    (k) => parsed.data[k] !== undefined && parsed.data[k] !== false,
  );
  if (siteKey && data.title === undefined) {
    return {
      essay: null,
      problems: [
        warning(file, `is a page of the site (${siteKey}), not a post; left out`, lineOf(siteKey)),
      ],
      leftOut: `a page of the site (${siteKey})`,
    };
  }
  if (data.draft === true || data.draft === 'true') {
    return {
      essay: null,
      problems: [warning(file, 'is a draft (draft: true); left out', lineOf('draft'))],
      leftOut: 'a draft',
    };
  }
  // A repository's own files beside the posts (README.md, LICENSE.md), not posts.
  if (parsed.format === 'none' && REPOSITORY_FILE.test(file.split('/').pop() ?? '')) {
    return {
      essay: null,
      problems: [warning(file, "is the repository's own file, not a post; left out")],
      leftOut: "the repository's own file",
    };
  }
  if (parsed.format === 'none' && !archive.notes) {
    return {
      essay: null,
      problems: [
        error(
          file,
          'has no front matter: the file must start with a line "---", the fields, then "---"',
          1,
        ),
      ],
    };
  }
  return null;
}

/**
 * Where the file does not say, the generators' own conventions: Jekyll's dated file names,
 * and for a notes vault the first heading or the file name, and the file's time.
 */
function fillFromConventions({ file, data, parsed, archive, problems }: Derivation): void {
  if (data.title === undefined && archive.notes) {
    data.title = FIRST_HEADING.exec(withoutFencedCode(parsed.body))?.[1] ?? titleFromFileName(file);
  }
  if (data.date !== undefined) return;
  const named = dateFromFileName(file);
  if (named) data.date = named;
  // The day the file last changed, as Quartz dates an undated note: for a vault, and for
  // any generator's post; a file in the seed format (it has a thread_id) must give its date.
  else if (parsed.modified && (archive.notes || data.thread_id === undefined)) {
    data.date = parsed.modified;
    problems.push(
      warning(
        file,
        `has no date; using the day the file last changed, ${parsed.modified}`,
        parsed.startLine,
        'has no date; using the day the file last changed',
      ),
    );
  }
}

/** The date (an error when unreadable) and the update date (a warning, then not shown). */
function datesOf(
  { file, anchorDate, problems, lineOf }: Derivation,
  fm: FrontMatter,
): { iso: string; yearInferred: boolean; updated?: string } | null {
  let date = parseEssayDate(fm.date, anchorDate);
  const named = date.ok ? null : dateFromFileName(file);
  if (!date.ok && named) {
    // `date: "{{date}}"` left by a template, in a note named `2023-09-12.md`: the name says.
    problems.push(
      warning(
        file,
        `${date.message}; using the date in the file name, ${named}`,
        lineOf('date'),
        'an unreadable date; using the date in the file name',
      ),
    );
    date = parseEssayDate(named, anchorDate);
  }
  if (!date.ok) problems.push(error(file, date.message, lineOf('date')));
  else if (date.warning) problems.push(warning(file, date.warning, lineOf('date')));
  let updated: string | undefined;
  if (fm.updated !== undefined) {
    const parsedUpdate = parseEssayDate(fm.updated, anchorDate);
    if (parsedUpdate.ok) updated = parsedUpdate.iso;
    else
      problems.push(
        warning(file, `${parsedUpdate.message}; the update date is not shown`, lineOf('updated')),
      );
  }
  return date.ok ? { iso: date.iso, yearInferred: date.yearInferred, updated } : null;
}

/** The body as the reader shows it: nesting capped, templates expanded, the title once. */
function bodyOf(
  { file, parsed, archive, problems }: Derivation,
  title: string,
): { markdown: string; excerpt: string | null; bodyLine: number } {
  const mdx = /\.mdx$/i.test(file) ? mdxAsMarkdown(parsed.body, file, parsed.bodyLine) : null;
  if (mdx) problems.push(...mdx.problems);
  const capped = capNesting(mdx?.markdown ?? parsed.body, file, parsed.bodyLine);
  problems.push(...capped.problems);
  const template = expandTemplates(capped.markdown, file, parsed.bodyLine);
  problems.push(...template.problems);
  const started = stripRepeatedTitle(template.markdown, title).replace(/^\s*\n/, '');
  const skipped = template.markdown.slice(0, template.markdown.length - started.length);
  const bodyLine = parsed.bodyLine + (skipped.match(/\n/g)?.length ?? 0);
  let markdown = started.trimEnd();
  // A note that is all properties (a book, a person) or a post that is only a link: its
  // properties are what there is to read.
  if (markdown.trim() === '') markdown = propertiesAsMarkdown(parsed.data, archive);
  if (markdown.trim() === '')
    problems.push(
      error(file, 'the body is empty: write the essay below the second "---"', parsed.bodyLine),
    );
  return { markdown, excerpt: template.excerpt, bodyLine };
}

/** Keys shown elsewhere (title, date, tags…) or meant for the generator's templates. */
const NOT_SHOWN = new Set([
  'layout',
  'permalink',
  'slug',
  'cssclasses',
  'cssclass',
  'eleventyNavigation',
  'templateEngineOverride',
  'type',
  'weight',
  'image',
  'cover',
  'thumbnail',
  'share',
  'comments',
  'toc',
  'math',
  'uid',
  'id',
]);

const sentenceCase = (key: string) => {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
};

/** One property's value as Markdown: a link for an address, lists joined by commas. */
function propertyValue(value: unknown): string | null {
  if (Array.isArray(value)) {
    const parts = value.map(propertyValue).filter((v): v is string => v !== null);
    return parts.length ? parts.join(', ') : null;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  return /^https?:\/\/\S+$/.test(text) ? `<${text}>` : text.replace(/\n+/g, ' ');
}

/** The file's own properties, as a list, for a file with nothing below them. */
export function propertiesAsMarkdown(
  data: Record<string, unknown>,
  archive: ArchiveOptions,
): string {
  const known = new Set(Object.values(archive.fields).flat());
  const items: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (known.has(key) || NOT_SHOWN.has(key) || key === 'published') continue;
    const shown = propertyValue(value);
    if (shown !== null) items.push(`- **${sentenceCase(key)}:** ${shown}`);
  }
  return items.join('\n');
}

/** Tags (cleaned), categories, and the theme (or its fallback), each short enough for a page. */
function termsOf(
  { file, data, parsed, archive, problems, lineOf }: Derivation,
  fm: FrontMatter,
): { tags: string[]; theme: string } {
  if (typeof data.tags === 'string' && data.tags.includes(',')) {
    problems.push(
      warning(
        file,
        'tags is not a list; read it as comma-separated. Write ["one", "two"]',
        lineOf('tags'),
        'tags is not a list; read it as comma-separated',
      ),
    );
  }
  const { tags, dropped } = cleanTags(fm.tags ?? []);
  if (dropped > 0)
    problems.push(warning(file, `${dropped} empty or repeated tag(s) ignored`, lineOf('tags')));
  const categories = cleanTags(fm.categories ?? []).tags;

  let theme = fm.primary_theme !== undefined ? termText(fm.primary_theme) : '';
  if (theme === '') {
    theme = fallbackTheme(archive.themeFallback, categories, tags, file);
    problems.push(
      derived(
        file,
        `primary_theme is missing; using "${theme}"`,
        parsed.startLine,
        `primary_theme is missing; using the ${archive.themeFallback === 'category' ? 'first category or tag' : archive.themeFallback}`,
      ),
    );
  }

  // A tag or theme becomes a page file (`tags/<slug>.html`); file systems refuse names over
  // 255 bytes, and no real tag is that long, so a runaway value is reported here.
  for (const [key, value] of [
    ...tags.map((t) => ['tags', t] as const),
    ['primary_theme', theme] as const,
  ]) {
    const bytes = new TextEncoder().encode(termSlug(value)).length;
    if (bytes > MAX_TERM_SLUG_BYTES)
      problems.push(
        error(
          file,
          `the ${key === 'tags' ? 'tag' : 'theme'} "${value.slice(0, 40)}…" is too long for a page address (${value.length} characters); keep it under 100`,
          lineOf(key),
        ),
      );
  }
  return { tags, theme };
}

function threadIdOf({ file, parsed, problems }: Derivation, fm: FrontMatter): string {
  if (fm.thread_id !== undefined) return fm.thread_id;
  const threadId = `file:${file}`;
  problems.push(
    derived(
      file,
      `thread_id is missing; using "${threadId}", which changes if the file is renamed`,
      parsed.startLine,
      "thread_id is missing; using the file's path, which changes if the file is renamed",
    ),
  );
  return threadId;
}

/** Word count and reading time: as the file says, or counted and estimated from the body. */
function lengthOf(
  { file, parsed, problems }: Derivation,
  fm: FrontMatter,
  markdown: string,
): { wordCount: number; readingTime: number } {
  const text = countPlain(bodyText(wikiLinksAsText(markdown)));
  const counted = text.words;
  const wordCount = fm.word_count ?? counted;
  if (fm.word_count === undefined)
    problems.push(
      derived(
        file,
        `word_count is missing; counted ${counted}`,
        parsed.startLine,
        'word_count is missing; counted from the body',
      ),
    );
  const readingTime =
    fm.reading_time ?? readingMinutes(wordCount, fm.word_count === undefined ? text.cjk : 0);
  if (fm.reading_time === undefined) {
    problems.push(
      derived(
        file,
        `reading_time is missing; estimated ${readingTime} min`,
        parsed.startLine,
        'reading_time is missing; estimated from the word count',
      ),
    );
  }
  return { wordCount, readingTime };
}

/** The description, or the excerpt above `<!--more-->` (Jekyll, Hugo, Eleventy), or the start. */
function descriptionOf(
  { file, parsed, problems }: Derivation,
  fm: FrontMatter,
  body: { markdown: string; excerpt: string | null },
): string {
  const given = fm.description?.trim() ?? '';
  if (given !== '') return given;
  const description = describePlain(
    bodyText(
      wikiLinksAsText(
        body.excerpt !== null ? stripRepeatedTitle(body.excerpt, fm.title) : body.markdown,
      ),
    ),
  );
  const said =
    body.excerpt !== null
      ? 'description is missing; using the excerpt above <!--more-->'
      : 'description is missing; using the start of the body';
  problems.push(derived(file, said, parsed.startLine, said));
  return description;
}

function fallbackTheme(
  rule: ArchiveOptions['themeFallback'],
  categories: readonly string[],
  tags: readonly string[],
  file: string,
): string {
  const folder = file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined;
  const pick =
    rule === 'category'
      ? (categories[0] ?? tags[0])
      : rule === 'tag'
        ? tags[0]
        : rule === 'folder'
          ? folder
          : undefined;
  return pick ?? 'uncategorized';
}
