import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { essayText } from './frontMatter';

/**
 * The torture corpus: essay files broken in every way seen in the wild, and some that only
 * look broken. Written to a folder at test time (a 200,000-word body, binary bytes and a
 * symlink loop do not belong in git). Each case says what the pipeline must answer.
 */

export type Expect =
  /** Builds with no problem at all. */
  | { outcome: 'ok' }
  /** Builds, with a warning naming the file. */
  | { outcome: 'warning'; message: RegExp; line?: number }
  /** Fails the build with an error naming the file (and its line where there is one). */
  | { outcome: 'error'; message: RegExp; line?: number };

export interface TortureCase {
  kind: string;
  /** Path inside the corpus folder. */
  file: string;
  content: string | Uint8Array | { symlinkTo: string } | { folder: true };
  expect: Expect;
  /** How many essays this entry adds when it builds (a folder may hold several). */
  essays?: number;
}

let threadSeq = 0;

/** A whole, valid essay file with `fields` replacing or adding front matter lines. */
export function essayFile(
  fields: Record<string, string | null> = {},
  body = 'A plain paragraph of the essay, long enough to read.',
): string {
  threadSeq++;
  const base: Record<string, string> = {
    title: `"Torture essay ${threadSeq}"`,
    date: 'Thu Mar 14',
    description: '"A file from the torture corpus."',
    thread_id: `torture_${String(threadSeq).padStart(4, '0')}`,
    word_count: '10',
    reading_time: '1',
    primary_theme: 'testing',
    tags: '["torture", "fixtures"]',
  };
  return essayText(base, fields, body);
}

const ok: Expect = { outcome: 'ok' };
const err = (message: RegExp, line?: number): Expect => ({ outcome: 'error', message, line });
const warn = (message: RegExp, line?: number): Expect => ({ outcome: 'warning', message, line });

function hugeBody(words: number): string {
  const vocabulary = [
    'reading',
    'slowly',
    'archive',
    'thread',
    'essay',
    'margin',
    'quiet',
    'notes',
  ];
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    out.push(vocabulary[i % vocabulary.length]!);
    if (i % 120 === 119) out.push('\n\n');
  }
  return out.join(' ');
}

export function tortureCases(): TortureCase[] {
  threadSeq = 0;
  const latin1 = Buffer.concat([
    Buffer.from(essayFile({ title: '"Caf' }).split('\n').slice(0, 2).join('\n')),
    Buffer.from([0xe9, 0x22, 0x0a]), // "Café" in Latin-1, on line 2
    Buffer.from(essayFile().split('\n').slice(2).join('\n')),
  ]);
  const png = Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0xff, 0xfe,
  ]);
  const shared = 'torture_shared_thread';
  return [
    // Structure of the file.
    {
      kind: 'no front matter',
      file: 'no-front-matter.md',
      content: 'Just words.\n',
      expect: err(/has no front matter/, 1),
    },
    {
      kind: 'front matter never closed',
      file: 'unclosed.md',
      content: '---\ntitle: "Open"\ndate: Thu Mar 14\n\nBody.\n',
      expect: err(/never closed/, 1),
    },
    { kind: 'empty file', file: 'empty.md', content: '', expect: err(/the file is empty/) },
    {
      kind: 'only whitespace',
      file: 'blank.md',
      content: '\n \n\t\n',
      expect: err(/the file is empty/),
    },
    {
      kind: 'front matter is a list',
      file: 'fm-list.md',
      content: '---\n- title\n- date\n---\n\nBody.\n',
      expect: err(/must be "key: value" lines/, 1),
    },
    {
      kind: 'front matter is one word',
      file: 'fm-scalar.md',
      content: '---\njust some words\n---\n\nBody.\n',
      expect: err(/must be "key: value" lines/, 1),
    },
    {
      kind: 'empty body',
      file: 'empty-body.md',
      content: essayFile({}, ''),
      expect: err(/the body is empty/, 11),
    },
    {
      kind: 'body is only the title heading',
      file: 'title-only-body.md',
      content: essayFile({ title: '"Only a heading"' }, '# Only a heading'),
      expect: err(/the body is empty/),
    },
    // YAML.
    {
      kind: 'invalid YAML (unterminated quote)',
      file: 'bad-yaml.md',
      content: '---\ntitle: "Never ends\ndate: Thu Mar 14\n---\n\nBody.\n',
      expect: err(/not valid YAML/),
    },
    {
      kind: 'YAML alias bomb (nested anchors)',
      file: 'alias-bomb.md',
      content: `---\n${Array.from({ length: 9 }, (_, i) =>
        i === 0
          ? 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'
          : `a${i}: &a${i} [${Array(9)
              .fill(`*a${i - 1}`)
              .join(', ')}]`,
      ).join('\n')}\ntitle: "Bomb"\ndate: Thu Mar 14\n---\n\nBody.\n`,
      expect: err(/repeats aliases/, 1),
    },
    {
      kind: 'a 300-character tag',
      file: 'long-tag.md',
      content: essayFile({ tags: `["fine", "${'very long tag '.repeat(22)}"]` }),
      expect: err(/tag ".*" is too long for a page address/, 9),
    },
    {
      kind: 'a 300-character theme',
      file: 'long-theme.md',
      content: essayFile({ primary_theme: 'étude '.repeat(50) }),
      expect: err(/theme ".*" is too long for a page address/, 8),
    },
    {
      kind: 'tab indentation',
      file: 'tabs.md',
      content: '---\ntitle: "Tabs"\ntags:\n\t- one\n\t- two\ndate: Thu Mar 14\n---\n\nBody.\n',
      expect: err(/not valid YAML/, 4),
    },
    {
      kind: 'a key given twice',
      file: 'duplicate-key.md',
      content: essayFile({ title: '"One"\ntitle: "Two"' }),
      expect: err(/not valid YAML/, 3),
    },
    // Fields of the wrong shape.
    {
      kind: 'title is a list',
      file: 'title-list.md',
      content: essayFile({ title: '["a", "b"]' }),
      expect: err(/title must be text, not a list/, 2),
    },
    {
      kind: 'title is a mapping',
      file: 'title-map.md',
      content: essayFile({ title: '{ a: 1 }' }),
      expect: err(/not a set of fields/, 2),
    },
    {
      kind: 'title is empty',
      file: 'title-empty.md',
      content: essayFile({ title: '""' }),
      expect: err(/the title is empty/, 2),
    },
    {
      kind: 'title missing',
      file: 'title-missing.md',
      content: essayFile({ title: null }),
      expect: err(/the title is missing/),
    },
    {
      kind: 'tags is a mapping',
      file: 'tags-map.md',
      content: essayFile({ tags: '{ a: 1 }' }),
      expect: err(/tags must be a list/, 9),
    },
    {
      kind: 'word_count is a word',
      file: 'words-text.md',
      content: essayFile({ word_count: 'many' }),
      expect: err(/word_count must be a whole number/, 6),
    },
    {
      kind: 'word_count is negative',
      file: 'words-negative.md',
      content: essayFile({ word_count: '-5' }),
      expect: err(/cannot be negative/, 6),
    },
    {
      kind: 'reading_time is fractional',
      file: 'reading-fraction.md',
      content: essayFile({ reading_time: '2.5' }),
      expect: err(/reading_time must be a whole number/, 7),
    },
    // Dates: every format seen in the wild, and impossible ones.
    {
      kind: 'date missing',
      file: 'date-missing.md',
      content: essayFile({ date: null }),
      expect: err(/the date is missing/),
    },
    {
      kind: 'date empty',
      file: 'date-empty.md',
      content: essayFile({ date: '""' }),
      expect: err(/the date is empty/, 3),
    },
    {
      kind: 'date with slashes',
      file: 'date-slashes.md',
      content: essayFile({ date: '03/14/2024' }),
      expect: err(/cannot read the date "03\/14\/2024"/, 3),
    },
    {
      kind: 'date as a unix timestamp',
      file: 'date-unix.md',
      content: essayFile({ date: '1710412800' }),
      expect: err(/cannot read the date/, 3),
    },
    {
      kind: 'date in words',
      file: 'date-words.md',
      content: essayFile({ date: 'yesterday' }),
      expect: err(/cannot read the date/, 3),
    },
    {
      kind: 'February 30th',
      file: 'date-feb-30.md',
      content: essayFile({ date: '2024-02-30' }),
      expect: err(/not a day that exists/, 3),
    },
    {
      kind: 'month 13',
      file: 'date-month-13.md',
      content: essayFile({ date: '2024-13-01' }),
      expect: err(/not a day that exists/, 3),
    },
    {
      kind: 'yearless impossible day',
      file: 'date-thu-feb-31.md',
      content: essayFile({ date: 'Thu Feb 31' }),
      expect: err(/not a day that exists/, 3),
    },
    {
      kind: 'unknown month name',
      file: 'date-bad-month.md',
      content: essayFile({ date: 'Thu Smarch 14' }),
      expect: err(/cannot read the date/, 3),
    },
    {
      kind: 'yearless with weekday',
      file: 'date-yearless.md',
      content: essayFile({ date: 'Thu Mar 14' }),
      expect: ok,
    },
    {
      kind: 'ISO date',
      file: 'date-iso.md',
      content: essayFile({ date: '2024-03-14' }),
      expect: ok,
    },
    {
      kind: 'ISO date and time',
      file: 'date-iso-time.md',
      content: essayFile({ date: '2024-03-14T10:30:00Z' }),
      expect: ok,
    },
    {
      kind: 'RFC 2822 (feeds, mail)',
      file: 'date-rfc2822.md',
      content: essayFile({ date: '"Thu, 14 Mar 2024 10:30:00 +0000"' }),
      expect: ok,
    },
    {
      kind: 'month day, year',
      file: 'date-us-long.md',
      content: essayFile({ date: '"March 14, 2024"' }),
      expect: ok,
    },
    {
      kind: 'day month year',
      file: 'date-eu-long.md',
      content: essayFile({ date: '14 March 2024' }),
      expect: ok,
    },
    {
      kind: 'ordinal day',
      file: 'date-ordinal.md',
      content: essayFile({ date: 'Mar 14th 2024' }),
      expect: ok,
    },
    {
      kind: 'weekday that does not match the year',
      file: 'date-wrong-weekday.md',
      content: essayFile({ date: 'Mon Mar 14 2024' }),
      expect: warn(/was a Thursday, not a Monday/, 3),
    },
    // Identity across files.
    {
      kind: 'duplicate thread_id (first)',
      file: 'dup-thread-a.md',
      content: essayFile({ thread_id: shared }),
      expect: err(/also used by dup-thread-b\.md/),
    },
    {
      kind: 'duplicate thread_id (second)',
      file: 'dup-thread-b.md',
      content: essayFile({ thread_id: shared }),
      expect: err(/also used by dup-thread-a\.md/),
    },
    {
      kind: 'duplicate title (first)',
      file: 'dup-title-a.md',
      content: essayFile({ title: '"Same title twice"', date: '2024-01-01' }),
      expect: ok,
    },
    {
      kind: 'duplicate title (second)',
      file: 'dup-title-b.md',
      content: essayFile({ title: '"Same title twice"', date: '2024-02-01' }),
      expect: ok,
    },
    // Bytes and encodings.
    { kind: 'byte order mark', file: 'bom.md', content: `\ufeff${essayFile()}`, expect: ok },
    {
      kind: 'CRLF line ends',
      file: 'crlf.md',
      content: essayFile().replace(/\n/g, '\r\n'),
      expect: ok,
    },
    {
      kind: 'old Mac CR line ends',
      file: 'cr.md',
      content: essayFile().replace(/\n/g, '\r'),
      expect: ok,
    },
    { kind: 'Latin-1 bytes', file: 'latin1.md', content: latin1, expect: err(/not UTF-8/, 2) },
    {
      kind: 'NUL bytes',
      file: 'nul.md',
      content: essayFile({}, 'Text\n\nmore\u0000text'),
      expect: err(/NUL byte/, 14),
    },
    {
      kind: 'a PNG named .md',
      file: 'image.md',
      content: png,
      expect: err(/not UTF-8|NUL byte/, 1),
    },
    // The file system.
    {
      kind: 'symlink loop',
      file: 'loop/back',
      content: { symlinkTo: '..' },
      essays: 0,
      expect: warn(/links back to a folder already read/),
    },
    {
      kind: 'dangling symlink',
      file: 'dangling.md',
      content: { symlinkTo: 'nowhere.md' },
      expect: err(/cannot be read/),
    },
    {
      kind: 'folder named like an essay',
      file: 'folder.md',
      content: { folder: true },
      expect: warn(/is a folder, not an essay file/),
      essays: 0,
    },
    {
      kind: 'essay inside that folder',
      file: 'folder.md/inside.md',
      content: essayFile(),
      expect: ok,
    },
    {
      kind: 'hidden essay file',
      file: '.draft.md',
      content: essayFile(),
      expect: warn(/hidden file/),
      essays: 0,
    },
    // Tags.
    {
      kind: 'tags as a comma string',
      file: 'tags-string.md',
      content: essayFile({ tags: 'one, two' }),
      expect: warn(/tags is not a list/, 9),
    },
    {
      kind: 'an empty and a repeated tag',
      file: 'tags-empty.md',
      content: essayFile({ tags: '["a", "", "A", " "]' }),
      expect: warn(/3 empty or repeated tag/, 9),
    },
    {
      kind: '500 tags',
      file: 'tags-500.md',
      content: essayFile({
        tags: JSON.stringify(Array.from({ length: 500 }, (_, i) => `tag ${i}`)),
      }),
      expect: ok,
    },
    {
      kind: 'emoji in title and tags',
      file: 'emoji.md',
      content: essayFile({ title: '"🔥 Hot takes on reading 📚"', tags: '["📚 books", "🔥"]' }),
      expect: ok,
    },
    {
      kind: 'right-to-left title and tags',
      file: 'rtl.md',
      content: essayFile({
        title: '"القراءة البطيئة"',
        tags: '["قراءة", "עברית"]',
        primary_theme: 'אוסף',
      }),
      expect: ok,
    },
    // Sizes and leftovers.
    {
      kind: 'a 200,000-word body',
      file: 'huge.md',
      content: essayFile({ word_count: '200000' }, hugeBody(200_000)),
      expect: ok,
    },
    {
      kind: 'a 1,000-character title',
      file: 'long-title.md',
      content: essayFile({ title: `"${'Very long title '.repeat(62)}"` }),
      expect: ok,
    },
    {
      kind: 'numeric title',
      file: 'numeric-title.md',
      content: essayFile({ title: '1984' }),
      expect: ok,
    },
    {
      kind: 'only title and date (the rest derived)',
      file: 'minimal.md',
      content: '---\ntitle: "Minimal"\ndate: Thu Mar 14\n---\n\nShort body here.\n',
      expect: warn(/thread_id is missing/, 1),
    },
    {
      kind: 'blank lines before the front matter',
      file: 'leading-blank.md',
      content: `\n\n${essayFile()}`,
      expect: ok,
    },
    {
      kind: 'horizontal rules in the body',
      file: 'rules.md',
      content: essayFile({}, 'One\n\n---\n\nTwo\n\n---\n'),
      expect: ok,
    },
    {
      kind: 'unknown extra fields and comments',
      file: 'extra-fields.md',
      content: essayFile({ mood: 'calm # a comment', 'x-source': 'twitter' }),
      expect: ok,
    },
    { kind: 'a plain .txt essay', file: 'plain.txt', content: essayFile(), expect: ok },
    { kind: 'upper-case extension', file: 'SHOUTING.MD', content: essayFile(), expect: ok },
  ];
}

/** Writes the cases into `dir` (which must exist and be empty). */
export function writeTortureCorpus(dir: string, cases: readonly TortureCase[]): void {
  for (const c of cases) {
    const full = path.join(dir, c.file);
    mkdirSync(path.dirname(full), { recursive: true });
    if (typeof c.content === 'string' || c.content instanceof Uint8Array)
      writeFileSync(full, c.content);
    else if ('symlinkTo' in c.content) symlinkSync(c.content.symlinkTo, full);
    else mkdirSync(full, { recursive: true });
  }
}
