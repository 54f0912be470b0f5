import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchiveManifest } from '../../src/domain/archive';
import type { PackTable } from '../../src/domain/packs';
import { siteConfig } from '../../src/domain/site';
import { aliasEmitter, aliasFileName } from '../../src/pipeline/emit/aliases';
import { runEmitters } from '../../src/pipeline/emit/context';
import { countText, readingMinutes } from '../../src/domain/text';
import { archiveOptionsFor } from '../../src/pipeline/read/config';
import { bodyFile } from '../../src/pipeline/emit/emitter';
import type { FinalEssay } from '../../src/pipeline/derive/records';
import { runOnTexts, runPipeline, type PipelineResult } from '../../src/pipeline/run';

/**
 * Each generator's own conventions, in small fixtures of our own text
 * (tests/fixtures/generators/<generator>), read as they are with no config.
 */

const ANCHOR = '2026-11-24';
const FIXTURES = 'tests/fixtures/generators';

async function build(generator: string): Promise<PipelineResult> {
  const dir = `${FIXTURES}/${generator}`;
  const archive = archiveOptionsFor({ config: {}, file: null }, dir, {});
  return runPipeline(dir, { anchorDate: ANCHOR, archive, emitters: [] });
}

const byTitle = (result: PipelineResult, title: string): FinalEssay => {
  const found = result.essays.find((e) => e.title === title);
  if (!found) throw new Error(`no essay titled ${title}: ${result.essays.map((e) => e.title)}`);
  return found;
};
const warnings = (result: PipelineResult) =>
  result.problems.filter((p) => p.severity === 'warning').map((p) => `${p.file}: ${p.message}`);

describe('Jekyll', async () => {
  const result = await build('jekyll');
  const welcome = byTitle(result, 'Welcome to the shed');
  const sharpening = byTitle(result, 'Sharpening, slowly');

  it('builds, leaving out the unpublished post and saying so', () => {
    expect(result.ok).toBe(true);
    expect(result.essays).toHaveLength(2);
    expect(result.leftOut).toEqual([
      { file: '_posts/2021-06-01-unfinished.md', reason: 'a draft' },
    ]);
  });

  it('dates a post by its file name, or by a timestamp with a zone', () => {
    expect(welcome.date).toMatchObject({ iso: '2021-03-04', yearInferred: false });
    expect(sharpening.date).toMatchObject({ text: '2021-05-06 10:30:00 +0100', iso: '2021-05-06' });
  });

  it('reads a single-word tag, categories as the theme and the uuid as the identity', () => {
    expect(sharpening.tags).toEqual(['tools']);
    expect(welcome.theme).toBe('workshop');
    expect(welcome.threadId).toBe('0b7c0f52-1a2b-4c3d-8e9f-001122334455');
  });

  it('takes the excerpt above <!--more--> as the description', () => {
    expect(welcome.description).toBe(
      'The shed has a bench, a vise and a stubborn door. This post is the excerpt that the list shows.',
    );
    expect(welcome.markdown).not.toContain('<!--more-->');
  });

  it('turns highlight tags into fences, unwraps raw blocks and keeps their inside exactly', () => {
    expect(welcome.markdown).toContain('```ruby\nchisels = %w[6mm 12mm 19mm]');
    expect(welcome.markdown).toMatch(/puts "#\{chisels.length\} chisels"\n```/);
    expect(welcome.markdown).toContain('```liquid\n{{ page.title | upcase }}\n```');
    expect(welcome.markdown).not.toMatch(/\{%|endraw|endhighlight/);
  });

  it('removes an include with a warning naming file and line', () => {
    expect(welcome.markdown).not.toContain('sidebar');
    expect(
      result.problems.find((p) => p.message.includes('{% include sidebar.html %}')),
    ).toMatchObject({ file: '_posts/2021-03-04-welcome-to-the-shed.markdown', line: 27 });
  });

  it('resolves post_url, relative_url, site.baseurl and a link to the old permalink', () => {
    expect(welcome.markdown).toContain('[sharpening](sharpening-slowly)');
    // The old site's own pages that are not essays here: their words, not dead links.
    expect(welcome.markdown).not.toMatch(/\]\(\/(shop\/)?\)/);
    expect(welcome.markdown).toMatch(/\bshop\b/);
    expect(sharpening.markdown).toContain('[first post](welcome-to-the-shed)');
  });
});

describe('Hugo', async () => {
  const result = await build('hugo');
  const first = byTitle(result, 'First light');

  it('reads TOML and JSON front matter, leaves the draft out and dates a bundle by folder', () => {
    expect(result.ok).toBe(true);
    expect(result.essays.map((e) => e.title).sort()).toEqual(
      ['First light', 'The second night', '夜空の観察'].sort(),
    );
    expect(result.leftOut).toEqual([
      { file: 'content/posts/_index.md', reason: 'a section page' },
      { file: 'content/posts/not-yet.md', reason: 'a draft' },
    ]);
    expect(byTitle(result, '夜空の観察').date.iso).toBe('2023-04-05');
    expect(byTitle(result, 'The second night').description).toBe('Clouds, then a gap in them.');
  });

  it('reads a TOML timestamp with its zone, lastmod, categories and aliases', () => {
    expect(first.date.iso).toBe('2022-01-02');
    expect(first.updated).toBe('2022-02-03');
    expect(first.theme).toBe('Night sky');
    expect(first.aliases).toEqual(['/old/first-light/']);
  });

  it('renders figure, ref and highlight shortcodes; keeps what a paired one wraps', () => {
    expect(first.markdown).toContain(
      // The site's static/images/ was not copied with its posts: the picture's description.
      '*The Orion nebula*\n\n*M42, ten minutes of exposure*',
    );
    expect(first.markdown).toContain('[the second night](the-second-night)');
    expect(first.markdown).toContain('```go\nfunc main() { fmt.Println("clear skies") }\n```');
    expect(first.markdown).toContain('Dew heaters are not optional in January.');
    expect(first.markdown).not.toMatch(/\{\{[<%]\s*(?:note|tweet|figure|ref)/);
    expect(warnings(result)).toContainEqual(
      expect.stringMatching(
        /first-light\.md: template syntax \{\{< tweet >\}\} has no meaning here; removed$/,
      ),
    );
    // Quoted as written, and saying what happens to what it wraps.
    expect(warnings(result)).toContainEqual(
      expect.stringMatching(
        /first-light\.md: template syntax \{\{% note %\}\} has no meaning here; removed \(the text it wraps is kept\)/,
      ),
    );
  });

  it('writes a page at each old address (aliases) that sends the reader on', () => {
    const pages = runEmitters([aliasEmitter(siteConfig({ BASE_PATH: '/library/' }))], {
      essays: result.essays,
      media: [],
    }).files;
    expect(pages.map((p) => p.fileName)).toEqual(['old/first-light/index.html']);
    expect(pages[0]!.source).toContain(
      '<meta http-equiv="refresh" content="0; url=/library/essays/first-light">',
    );
    expect(aliasFileName('/essays/first-light/')).toBeNull(); // the app's own address
    expect(aliasFileName('/../../etc/passwd')).toBeNull();
    expect(aliasFileName('/2019/old.html')).toBe('2019/old.html');
  });

  it('leaves an escaped shortcode in inline code as written', () => {
    expect(first.markdown).toContain('`{{</* figure src="x" */>}}`');
  });

  it('gives a title with no Latin letters a slug from its bundle, and keeps its language', () => {
    const ja = byTitle(result, '夜空の観察');
    expect(ja.slug).toBe('bundle');
    expect(ja.lang).toBe('ja');
    expect(JSON.parse(bodyFile(ja).source)).toMatchObject({ lang: 'ja' });
    expect(JSON.parse(bodyFile(first).source)).toMatchObject({ updated: '2022-02-03' });
  });

  it('counts Japanese by the character, for words and reading time', () => {
    const ja = byTitle(result, '夜空の観察');
    // 33 characters and two full stops, no spaces: 33 "words", as word processors count them.
    expect(ja.wordCount).toBe(33);
    expect(countText('東京の空 and Tokyo')).toEqual({ words: 6, cjk: 4 });
    expect(readingMinutes(1000, 1000)).toBe(2); // 500 characters a minute
    expect(readingMinutes(1000)).toBe(5); // 230 words a minute
  });
});

describe('Eleventy', async () => {
  const result = await build('eleventy');

  it('builds posts dated by file name, with one-word tags and Nunjucks removed', () => {
    expect(result.ok).toBe(true);
    const hello = byTitle(result, 'Hello, garden');
    expect(hello.date.iso).toBe('2020-02-03');
    expect(hello.tags).toEqual(['post']);
    expect(hello.markdown).not.toContain('{%');
    expect(hello.markdown).toContain('*Seedlings*');
    expect(hello.markdown).toContain('[the résumé of the season](season-review)');
    expect(byTitle(result, 'Season review').markdown).not.toContain('collections');
  });
});

describe('Astro', async () => {
  const result = await build('astro');

  it('reads pubDate and updatedDate and leaves drafts out', () => {
    expect(result.ok).toBe(true);
    const kite = byTitle(result, 'Building a kite');
    expect(kite.date.iso).toBe('2022-07-08');
    expect(kite.updated).toBe('2022-07-20');
    expect(result.leftOut.map((l) => l.file)).toEqual(['src/content/blog/second-flight.md']);
  });
});

describe('Obsidian', async () => {
  const result = await build('obsidian');
  const tides = byTitle(result, 'Reading the tides');

  it('builds a vault: notes without front matter, titled by heading or file name', () => {
    expect(result.ok).toBe(true);
    expect(result.essays.map((e) => e.title).sort()).toEqual([
      'Harbour walks',
      'Moon phases',
      'Reading the tides',
    ]);
    expect(byTitle(result, 'Moon phases').date.iso).toBe('2023-05-01');
  });

  it('dates a note with no date by its file time, with a warning', () => {
    expect(tides.date.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(warnings(result)).toContainEqual(
      expect.stringMatching(
        /Reading the tides\.md: has no date; using the day the file last changed/,
      ),
    );
  });

  it('skips templates and private folders, saying so', () => {
    expect(result.essays.some((e) => e.file.startsWith('templates/'))).toBe(false);
    expect(warnings(result)).toEqual(
      expect.arrayContaining([
        'templates: is an ignored folder (templates, private notes, or the ignore list); skipped',
        'private: is an ignored folder (templates, private notes, or the ignore list); skipped',
      ]),
    );
  });

  it('resolves wiki links by name, label, heading and alias, and relative .md links', () => {
    expect(tides.markdown).toContain(
      'See [Moon phases](moon-phases) and [the phases](moon-phases)',
    );
    expect(tides.markdown).toContain('[Moon phases](moon-phases#spring-tides)');
    expect(tides.markdown).toContain('[the harbour note](harbour-walks)');
    expect(byTitle(result, 'Harbour walks').markdown).toContain('[Lunar cycle](moon-phases)');
  });

  it('shows a link to nothing as text, with a warning', () => {
    expect(tides.markdown).toContain('A note I never wrote: Storm surges.');
    expect(warnings(result)).toContainEqual(
      'Reading the tides.md: [[Storm surges]] names no essay; shown as text',
    );
  });

  it('copies an embedded image into the build under a hashed name', () => {
    expect(tides.markdown).toMatch(/!\[\]\(\.\.\/media\/tide-chart\.[0-9a-f]{10}\.png\)/);
    expect(result.media).toEqual([
      {
        fileName: expect.stringMatching(/^media\/tide-chart\.[0-9a-f]{10}\.png$/),
        from: expect.stringMatching(/attachments\/tide-chart\.png$/),
        bytes: statSync(path.join(FIXTURES, 'obsidian/attachments/tide-chart.png')).size,
      },
    ]);
  });

  it('lists the image in the offline pack table, counted in what saving stores', async () => {
    const dir = path.join(FIXTURES, 'obsidian');
    const archive = archiveOptionsFor({ config: {}, file: null }, dir, {});
    const built = await runPipeline(dir, { anchorDate: ANCHOR, archive });
    const files = new Map(built.outputs.map((o) => [o.fileName, o.source]));
    const manifest = JSON.parse(
      files.get([...files.keys()].find((f) => /^data\/manifest\./.test(f))!)!,
    ) as ArchiveManifest;
    const table = JSON.parse(files.get(manifest.packs)!) as PackTable;
    const image = built.media[0]!;
    expect(table.media).toEqual([{ file: image.fileName, bytes: image.bytes }]);
    const packed = [...table.essays, ...table.shared].reduce((sum, p) => sum + p.bytes, 0);
    expect(table.bytes).toBe(packed + image.bytes);
  });

  it('does not read a file without front matter as a note outside a vault', async () => {
    const outside = runOnTexts({ 'note.md': '# A note\n\nWords.\n' }, { anchorDate: ANCHOR });
    expect(outside.ok).toBe(false);
    expect(outside.problems[0]!.message).toMatch(/has no front matter/);
  });
});

describe('template syntax in code and the seed format', () => {
  const essay = (body: string) =>
    `---\ntitle: "t"\ndate: 2024-03-14\nthread_id: thread_1\nprimary_theme: x\ndescription: "d"\n---\n\n${body}\n`;

  it('never changes code, fenced or inline', () => {
    const body = 'Use `{{ name }}` here.\n\n```html\n<p>{{ name }}</p>\n{% if x %}\n```';
    const result = runOnTexts({ '000_a.txt': essay(body) }, { anchorDate: ANCHOR });
    expect(result.essays[0]!.markdown).toBe(body);
  });

  it('leaves a wiki link in code alone, even after a line like ```js inside the block', () => {
    const body = 'See [[t]].\n\n```\nan example:\n```js\n[[t]]\n```\n\nAfter [[t]].';
    const result = runOnTexts({ '000_a.txt': essay(body) }, { anchorDate: ANCHOR });
    expect(result.essays[0]!.markdown).toBe(
      'See [t](t).\n\n```\nan example:\n```js\n[[t]]\n```\n\nAfter [t](t).',
    );
  });

  it('reads a seed essay exactly as before: no warnings, nothing rewritten', () => {
    const body = 'A [link](https://example.org/a.md) and text with [brackets].';
    const result = runOnTexts(
      {
        '000_a.txt': essay(body).replace(
          'description: "d"',
          'description: "d"\nword_count: 9\nreading_time: 1\ntags: [x]',
        ),
      },
      { anchorDate: ANCHOR },
    );
    expect(result.problems).toEqual([]);
    expect(result.essays[0]!.markdown).toBe(body);
  });
});
