import { describe, expect, it } from 'vitest';
import { essayText } from '../corpora/frontMatter';
import { formatReport } from '../../src/pipeline/problems';
import { runOnTexts } from '../../src/pipeline/run';
import { stripRepeatedTitle } from '../../src/pipeline/derive/fields';

const ANCHOR = { anchorDate: '2026-11-24' };

/** A real-format essay, with any field overridden or removed (`null`). */
function essay(fields: Record<string, string | null> = {}, body?: string): string {
  const defaults: Record<string, string> = {
    title: '"notes on keeping a reading group alive"',
    date: 'Thu Mar 14',
    description:
      '"Most reading groups die in the third month, and not for the reason people think. Three things"',
    thread_id: 'thread_0412',
    word_count: '287',
    reading_time: '2',
    primary_theme: 'organizing_study groups',
    tags: '["organizing_study groups", "pedagogy", "group dynamics"]',
  };
  const text =
    body ??
    `# notes on keeping a reading group alive

Most reading groups die in the third month, and not for the reason people think:

1) The text gets hard before the habit is formed.

2) Nobody owns the *next* meeting. https://t.co/AbCdEf1234 Keep the link.

The rest -- paragraphs, **bold**, quotes.`;
  return essayText(defaults, fields, text);
}

describe('the real format, quirks and all', () => {
  const result = runOnTexts({ '000_7b0585d90bfc9d21.txt': essay() }, ANCHOR);
  const e = result.essays[0]!;

  it('accepts the file with no errors or warnings', () => {
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
  });
  it.each([
    ['title as written', e.title, 'notes on keeping a reading group alive'],
    ['date text as written', e.date.text, 'Thu Mar 14'],
    ['inferred sort date', e.date.iso, '2024-03-14'],
    ['year marked as inferred', e.date.yearInferred, true],
    ['theme with underscore and space', e.theme, 'organizing_study groups'],
    ['tags with spaces', e.tags, ['organizing_study groups', 'pedagogy', 'group dynamics']],
    ['order from the file name', e.order, 0],
    ['slug from the title', e.slug, 'notes-on-keeping-a-reading-group-alive'],
    ['word count as given', e.wordCount, 287],
    ['reading time as given', e.readingTime, 2],
  ])('%s', (_, actual, expected) => {
    expect(actual).toEqual(expected);
  });
  it('drops the heading that repeats the title and keeps the rest verbatim', () => {
    expect(e.markdown.startsWith('Most reading groups die')).toBe(true);
    expect(e.markdown).toContain('1) The text gets hard');
    expect(e.markdown).toContain('https://t.co/AbCdEf1234');
    expect(e.markdown).toContain('The rest -- paragraphs');
  });
  it('emits a hashed index without bodies, one hashed body file per essay, and a search index', () => {
    const names = result.outputs.map((o) => o.fileName);
    expect(names.slice(0, 6)).toEqual([
      expect.stringMatching(/^data\/index\.[0-9a-f]{10}\.json$/),
      expect.stringMatching(
        /^data\/essays\/notes-on-keeping-a-reading-group-alive\.[0-9a-f]{10}\.json$/,
      ),
      // The search index in shards (src/domain/searchShards.ts), then its manifest.
      expect.stringMatching(/^data\/words\/0\.[0-9a-f]{10}\.json$/),
      expect.stringMatching(/^data\/postings\/0\.[0-9a-f]{10}\.json$/),
      expect.stringMatching(/^data\/tails\/0\.[0-9a-f]{10}\.json$/),
      expect.stringMatching(/^data\/search\.[0-9a-f]{10}\.json$/),
    ]);
    // Then the archive in pieces (tests/unit/archive.test.ts) and its offline packs
    // (tests/unit/packs.test.ts), then robots.txt (no feed or sitemap without SITE_URL) and
    // no old-address pages (none asked for): the build's own emitter list.
    expect(names.slice(6).map((n) => n.replace(/[.\d][^/]*$/, ''))).toEqual([
      'data/summaries/',
      'data/pages/notes-on-keeping-a-reading-group-alive',
      'data/slugs/',
      'data/threads/',
      'data/terms',
      'data/facets',
      'data/summaries',
      'data/tags/',
      'data/tags/',
      'data/tags/',
      'data/themes/',
      'data/termlists',
      'data/packs/e',
      'data/packs/s',
      'data/packs',
      'data/manifest',
      'robots',
    ]);
    expect(result.built.index!.fileName).toBe(names[0]);
    expect(result.built.manifest!.fileName).toBe(names.at(-2));
    const index = JSON.parse(result.outputs[0]!.source);
    expect(result.built.index!.value).toEqual(index);
    expect(index.essays[0].bodyPath).toBe(names[1]);
    expect(result.outputs[0]!.source).not.toContain(
      'third month, and not for the reason people think:',
    );
  });
});

describe('file-level quirks that must still read', () => {
  it.each([
    ['CRLF line ends', essay().replace(/\n/g, '\r\n')],
    ['a UTF-8 byte order mark', '\uFEFF' + essay()],
    ['blank lines before the front matter', '\n\n' + essay()],
    ['an ISO date', essay({ date: '2024-03-14' })],
    ['a quoted date', essay({ date: '"Thu Mar 14"' })],
    [
      "a description holding ' quotes",
      essay({ description: `"it's the group's habit, not the text"` }),
    ],
    ['an unquoted title', essay({ title: 'notes on keeping a reading group alive' })],
    ['extra unknown fields', essay({ source: 'twitter', likes: '12' })],
    ['a .md file', essay()],
  ])('%s', (_, text) => {
    const result = runOnTexts({ '001_a.txt': text }, ANCHOR);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.essays).toHaveLength(1);
  });

  it('keeps a first heading that differs from the title', () => {
    expect(stripRepeatedTitle('# Part one\n\ntext', 'the essay')).toBe('# Part one\n\ntext');
    expect(stripRepeatedTitle('# The *Essay*!\n\ntext', 'the essay')).toBe('\ntext');
  });
});

describe('derivable fields are derived with a warning', () => {
  it.each([
    ['word_count', /word_count is missing; counted \d+/],
    ['reading_time', /reading_time is missing; estimated 2 min/],
    ['description', /description is missing/],
    ['primary_theme', /primary_theme is missing; using "organizing_study groups"/],
    ['thread_id', /thread_id is missing/],
  ])('missing %s', (field, message) => {
    const result = runOnTexts({ '002_b.txt': essay({ [field]: null }) }, ANCHOR);
    expect(result.ok).toBe(true);
    expect(result.essays).toHaveLength(1);
    const warnings = result.problems.filter((p) => p.severity === 'warning').map((p) => p.message);
    expect(warnings.some((m) => message.test(m))).toBe(true);
  });

  it('derives a description from the body text, not its markup', () => {
    const result = runOnTexts({ 'a.txt': essay({ description: null }) }, ANCHOR);
    expect(result.essays[0]!.description).toMatch(/^Most reading groups die in the third month/);
    expect(result.essays[0]!.description).not.toContain('#');
  });
});

describe('every error is reported with its file and line', () => {
  it.each([
    ['no front matter', 'just a body\n', 1, /has no front matter/],
    ['unclosed front matter', '---\ntitle: "x"\ndate: Thu Mar 14\n\nbody', 1, /never closed/],
    ['invalid YAML', essay({ tags: '["a", "b"' }), 9, /not valid YAML/],
    ['a missing title', essay({ title: null }), 1, /the title is missing/],
    ['an empty title', essay({ title: '""' }), 2, /the title is empty/],
    ['a title that is a list', essay({ title: '["a", "b"]' }), 2, /title must be text, not a list/],
    ['a missing date', essay({ date: null }), 1, /the date is missing/],
    ['an unreadable date', essay({ date: 'sometime in spring' }), 3, /cannot read the date/],
    ['an impossible date', essay({ date: 'Fri Feb 30' }), 3, /not a day that exists/],
    ['a negative word count', essay({ word_count: '-5' }), 6, /cannot be negative/],
    ['a word count that is text', essay({ word_count: 'many' }), 6, /whole number/],
    ['tags that are a mapping', essay({ tags: '{a: 1}' }), 9, /tags must be a list/],
    ['an empty body', essay({}, ''), 11, /the body is empty/],
    [
      'a body that only repeats the title',
      essay({}, '# notes on keeping a reading group alive'),
      11,
      /the body is empty/,
    ],
    ['a duplicated key', essay({ title: '"a"\ntitle: "b"' }), 3, /not valid YAML/],
  ])('%s', (_, text, line, message) => {
    const result = runOnTexts({ '003_c.txt': text }, ANCHOR);
    expect(result.ok).toBe(false);
    expect(result.outputs).toEqual([]);
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ file: '003_c.txt', line });
    expect(errors.map((e) => e.message).join('\n')).toMatch(message);
  });

  it('reports bytes that are not UTF-8 with their line', () => {
    const bytes = new TextEncoder().encode(essay());
    const latin1 = new Uint8Array([...bytes.slice(0, 20), 0xe9, ...bytes.slice(20)]);
    const result = runOnTexts({ 'latin1.txt': latin1 }, ANCHOR);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'latin1.txt',
        line: 2,
        message: expect.stringMatching(/not UTF-8/),
      }),
    ]);
  });

  it('reports NUL bytes as a binary file', () => {
    const result = runOnTexts({ 'bin.txt': 'ab\ncd\0ef' }, ANCHOR);
    expect(result.problems[0]).toMatchObject({
      file: 'bin.txt',
      line: 2,
      message: expect.stringMatching(/NUL/),
    });
  });

  it('lists every problem in every file in one run, and names both duplicates', () => {
    const result = runOnTexts(
      {
        '010_a.txt': essay({ thread_id: 'thread_0001', title: '"first"' }),
        '011_b.txt': essay({ thread_id: 'thread_0001', title: '"second"' }),
        '012_c.txt': essay({ date: 'never' }),
        '013_d.txt': 'no front matter at all',
        '014_e.txt': essay({ thread_id: 'thread_0002', title: '"fine"' }),
      },
      ANCHOR,
    );
    expect(result.ok).toBe(false);
    const byFile = (f: string) =>
      result.problems.filter((p) => p.file === f && p.severity === 'error');
    expect(byFile('010_a.txt')[0]!.message).toContain('011_b.txt');
    expect(byFile('011_b.txt')[0]!.message).toContain('010_a.txt');
    expect(byFile('012_c.txt')).toHaveLength(1);
    expect(byFile('013_d.txt')).toHaveLength(1);
    expect(byFile('014_e.txt')).toHaveLength(0);
    const report = formatReport(result.problems);
    expect(report).toContain('013_d.txt:1: error: has no front matter');
    expect(report).toMatch(/4 error\(s\) in 4 file\(s\)/);
  });
});

describe('slugs across the archive', () => {
  it('gives a repeated title a suffix from its thread number, oldest keeps the plain slug', () => {
    const result = runOnTexts(
      {
        '001_a.txt': essay({ thread_id: 'thread_0007', title: '"same title"', date: '2024-01-01' }),
        '002_b.txt': essay({ thread_id: 'thread_0009', title: '"same title"', date: '2024-05-01' }),
      },
      ANCHOR,
    );
    expect(result.ok).toBe(true);
    expect(result.essays.map((e) => e.slug).sort()).toEqual(['same-title', 'same-title-0009']);
  });

  it('keeps each URL on the same essay whatever day the archive is built', () => {
    // Yearless dates whose inferred order flips between two build days.
    const files = {
      '001_a.txt': essay({ thread_id: 'thread_0001', title: '"same title"', date: 'Mar 01' }),
      '002_b.txt': essay({ thread_id: 'thread_0002', title: '"same title"', date: 'Feb 01' }),
    };
    const slugs = (anchorDate: string) =>
      Object.fromEntries(runOnTexts(files, { anchorDate }).essays.map((e) => [e.threadId, e.slug]));
    // On 2025-02-15 "Mar 01" is 2024 (older than "Feb 01" 2025); on 2025-06-01 it is 2025.
    expect(slugs('2025-02-15')).toEqual(slugs('2025-06-01'));
    expect(slugs('2025-02-15')).toEqual({
      thread_0001: 'same-title',
      thread_0002: 'same-title-0002',
    });
  });

  it('falls back to the thread number when the title has no Latin letters', () => {
    const result = runOnTexts({ 'a.txt': essay({ title: '"日本語"' }) }, ANCHOR);
    expect(result.essays[0]!.slug).toBe('essay-0412');
  });

  it('sorts newest first by date, then by order number', () => {
    const result = runOnTexts(
      {
        '001_a.txt': essay({ thread_id: 'thread_1', title: '"one"', date: 'Mon Mar 11' }),
        '002_b.txt': essay({ thread_id: 'thread_2', title: '"two"', date: 'Thu Mar 14' }),
        '003_c.txt': essay({ thread_id: 'thread_3', title: '"three"', date: 'Thu Mar 14' }),
      },
      ANCHOR,
    );
    expect(result.essays.map((e) => e.title)).toEqual(['three', 'two', 'one']);
  });
});
