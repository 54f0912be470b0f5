import { parseEssayDate } from '../domain/dates.ts';
import type { EssayDate } from '../domain/essay.ts';
import { essaySlugFromTitle, normalizeTerm, termSlug } from '../domain/slugs.ts';
import { countWords, describe, readingMinutes } from '../domain/text.ts';
import type { ParsedFile } from './frontMatter.ts';
import { error, warning, type Problem } from './problems.ts';
import { FrontMatterSchema } from './schema.ts';

/** Stage 3: validate one file's front matter and derive every field the app needs. */

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
}

export interface DeriveOptions {
  /** `YYYY-MM-DD`: the latest day a yearless date may be placed on. */
  anchorDate: string;
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

/** Tags trimmed, empty ones dropped, duplicates (ignoring case) collapsed. */
function cleanTags(raw: readonly string[]): { tags: string[]; dropped: number } {
  const seen = new Set<string>();
  const tags: string[] = [];
  let dropped = 0;
  for (const tag of raw) {
    const value = tag.trim().replace(/\s+/g, ' ');
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

export function deriveEssay(
  parsed: ParsedFile,
  options: DeriveOptions,
): { essay: EssayRecord | null; problems: Problem[] } {
  const { file, keyLines } = parsed;
  const problems: Problem[] = [];
  // An empty value (`description:`) means "not given", like a missing key.
  const data = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== null));
  const result = FrontMatterSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      problems.push(error(file, issue.message, keyLines[key] ?? parsed.startLine));
    }
    return { essay: null, problems };
  }
  const fm = result.data;
  const lineOf = (key: string) => keyLines[key] ?? parsed.startLine;

  const date = parseEssayDate(fm.date, options.anchorDate);
  if (!date.ok) problems.push(error(file, date.message, lineOf('date')));
  else if (date.warning) problems.push(warning(file, date.warning, lineOf('date')));

  const markdown = stripRepeatedTitle(parsed.body, fm.title)
    .replace(/^\s*\n/, '')
    .trimEnd();
  if (markdown.trim() === '')
    problems.push(
      error(file, 'the body is empty: write the essay below the second "---"', parsed.bodyLine),
    );

  if (typeof parsed.data.tags === 'string') {
    problems.push(
      warning(
        file,
        'tags is not a list; read it as comma-separated. Write ["one", "two"]',
        lineOf('tags'),
      ),
    );
  }
  const { tags, dropped } = cleanTags(fm.tags ?? []);
  if (dropped > 0)
    problems.push(warning(file, `${dropped} empty or repeated tag(s) ignored`, lineOf('tags')));

  let theme = fm.primary_theme?.trim().replace(/\s+/g, ' ') ?? '';
  if (theme === '') {
    theme = tags[0] ?? 'uncategorized';
    problems.push(warning(file, `primary_theme is missing; using "${theme}"`, parsed.startLine));
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

  let threadId = fm.thread_id;
  if (threadId === undefined) {
    threadId = `file:${file}`;
    problems.push(
      warning(
        file,
        `thread_id is missing; using "${threadId}", which changes if the file is renamed`,
        parsed.startLine,
      ),
    );
  }

  const counted = countWords(markdown);
  const wordCount = fm.word_count ?? counted;
  if (fm.word_count === undefined)
    problems.push(warning(file, `word_count is missing; counted ${counted}`, parsed.startLine));
  const readingTime = fm.reading_time ?? readingMinutes(wordCount);
  if (fm.reading_time === undefined) {
    problems.push(
      warning(file, `reading_time is missing; estimated ${readingTime} min`, parsed.startLine),
    );
  }
  let description = fm.description?.trim() ?? '';
  if (description === '') {
    description = describe(markdown);
    problems.push(
      warning(file, 'description is missing; using the start of the body', parsed.startLine),
    );
  }

  if (problems.some((p) => p.severity === 'error') || !date.ok) return { essay: null, problems };
  return {
    essay: {
      file,
      baseSlug: essaySlugFromTitle(fm.title),
      threadId,
      order: orderFromFileName(file),
      title: fm.title,
      date: { text: fm.date.trim(), iso: date.iso, yearInferred: date.yearInferred },
      description,
      wordCount,
      readingTime,
      theme,
      tags,
      markdown,
    },
    problems,
  };
}
