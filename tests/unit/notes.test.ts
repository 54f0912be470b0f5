import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ARCHIVE } from '../../src/pipeline/read/archiveOptions';
import { runOnTexts, runPipeline } from '../../src/pipeline/run';

const ANCHOR = '2026-11-24';
const vault = { ...DEFAULT_ARCHIVE, notes: true };

describe('notes and posts with nothing below their properties', () => {
  it('show a properties-only note’s properties, links and wiki links included', () => {
    const result = runOnTexts(
      {
        'Books/Dune.md':
          '---\ncreated: 2024-01-05\ncategories: "[[Books]]"\nauthor: "[[Frank Herbert]]"\nrating: 4\nurl: https://example.org/dune\ncssclasses: wide\n---\n',
        'Books.md': '---\ncreated: 2024-01-01\n---\n# Books\n\nAll the books.\n',
        'Frank Herbert.md': '---\ncreated: 2024-01-01\n---\n# Frank Herbert\n\nAn author.\n',
      },
      { anchorDate: ANCHOR, archive: vault },
    );
    expect(result.ok).toBe(true);
    const dune = result.essays.find((e) => e.title === 'Dune')!;
    expect(dune.markdown).toBe(
      '- **Author:** [Frank Herbert](frank-herbert)\n- **Rating:** 4\n- **Url:** <https://example.org/dune>',
    );
    // The category is a wiki link: the theme is its name, not `[[Books]]`.
    expect(dune.theme).toBe('Books');
  });

  it('read a link-only post as its link', () => {
    const result = runOnTexts(
      {
        'blog/elsewhere.md':
          '---\ntitle: Written elsewhere\ndate: 2024-02-02\nexternalUrl: https://example.com/post\n---\n',
      },
      { anchorDate: ANCHOR },
    );
    expect(result.ok).toBe(true);
    expect(result.essays[0]!.markdown).toBe('- **External url:** <https://example.com/post>');
  });

  it('still stop on a seed-format essay with no body', () => {
    const result = runOnTexts(
      { '001_x.txt': '---\ntitle: "x"\ndate: Thu Mar 14\nthread_id: t1\n---\n' },
      { anchorDate: ANCHOR },
    );
    expect(result.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/^the body is empty/),
    );
  });

  it('take no title from a heading inside a code block', () => {
    const result = runOnTexts(
      {
        'Snippets.md':
          '---\ncreated: 2024-01-01\n---\n```bash\n# install it\nnpm i\n```\n\n# The real title\n\nText.\n',
      },
      { anchorDate: ANCHOR, archive: vault },
    );
    expect(result.essays[0]!.title).toBe('The real title');
  });
});

describe('a note with no date', () => {
  it('is dated by its file, not by a `date:` shown in its body, in any archive', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'undated-'));
    mkdirSync(path.join(dir, 'notes'));
    const file = path.join(dir, 'notes', 'Template tips.md');
    writeFileSync(
      file,
      '---\ntitle: Template tips\n---\n\nA template:\n\n```yaml\ndate: "{{date}}"\n```\n',
    );
    const day = new Date('2025-05-04T12:00:00Z');
    utimesSync(file, day, day);
    const result = await runPipeline(dir, { anchorDate: ANCHOR });
    expect(result.ok).toBe(true);
    expect(result.essays[0]!.date.iso).toBe('2025-05-04');
    expect(result.problems.map((p) => p.message)).toContainEqual(
      'has no date; using the day the file last changed, 2025-05-04',
    );
  });
});

describe('images the old site kept at its root', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

  it('are found in the folder or its static folder, in Markdown and in HTML; a missing one is named with its line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'static-'));
    mkdirSync(path.join(dir, 'static', 'img'), { recursive: true });
    mkdirSync(path.join(dir, 'content', 'post'), { recursive: true });
    writeFileSync(path.join(dir, 'static', 'img', 'cat.png'), PNG);
    writeFileSync(
      path.join(dir, 'content', 'post', 'cats.md'),
      [
        '---',
        'title: Cats',
        'date: 2024-01-01',
        '---',
        '',
        '![a cat](/img/cat.png)',
        '',
        '<figure><img src="/img/cat.png" alt="the same cat"></figure>',
        '',
        '![gone](/img/dog.png)',
        '',
      ].join('\n'),
    );
    const result = await runPipeline(dir, { anchorDate: ANCHOR });
    expect(result.ok).toBe(true);
    const md = result.essays[0]!.markdown;
    expect(md).toMatch(/!\[a cat\]\(\.\.\/media\/cat\.[0-9a-f]{10}\.png\)/);
    expect(md).toMatch(/<img src="\.\.\/media\/cat\.[0-9a-f]{10}\.png" alt="the same cat">/);
    // Never a broken image: what it showed, in words.
    expect(md).toContain('\n*gone*');
    expect(result.media.map((m) => m.fileName)).toEqual([expect.stringMatching(/^media\/cat\./)]);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        file: 'content/post/cats.md',
        line: 10,
        message: expect.stringMatching(
          /^the image \/img\/dog\.png is not in the folder .*; its description is shown instead$/,
        ),
      }),
    );
  });
});

describe('small things real posts do', () => {
  it('read `{% highlight "bash" %}` as a bash block, and `[[label]](url)` as a link', () => {
    const result = runOnTexts(
      {
        'post.md':
          '---\ntitle: T\ndate: 2024-01-01\n---\n\n{% highlight "bash" %}\nls\n{% endhighlight %}\n\nSee [[**Use case**]](https://example.com/u).\n',
      },
      { anchorDate: ANCHOR },
    );
    const md = result.essays[0]!.markdown;
    expect(md).toContain('```bash\nls\n```');
    expect(md).toContain('[[**Use case**]](https://example.com/u)');
    expect(result.problems.map((p) => p.message).join('\n')).not.toMatch(/names no essay/);
  });
});

describe('a translation named by its file (Hugo)', () => {
  it('takes its language from the name: index.es.md is Spanish', () => {
    const result = runOnTexts(
      {
        'post/hola/index.es.md': '---\ntitle: Hola\ndate: 2024-01-01\n---\n\nUn texto.\n',
        'post/hola/index.md': '---\ntitle: Hello\ndate: 2024-01-01\n---\n\nA text.\n',
      },
      { anchorDate: ANCHOR },
    );
    const byTitle = Object.fromEntries(result.essays.map((e) => [e.title, e.lang]));
    expect(byTitle).toEqual({ Hola: 'es', Hello: undefined });
  });
});
