import { readdirSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../src/components/Markdown';
import { siteConfig } from '../../src/domain/site';
import { plainText } from '../../src/domain/text';
import { aliasFileName } from '../../src/pipeline/emit/aliases';
import { buildEpub, epubBooks, essayBodyXhtml } from '../../src/pipeline/emit/epub';
import { checkImage, isRasterImage } from '../../src/pipeline/read/mediaCheck';
import { runOnTexts, runPipeline } from '../../src/pipeline/run';
import { parseAnnotation } from '../../src/reading/annotations';
import { asProse, highlightsMarkdown } from '../../src/reading/readingData';

/** Odd input that once stopped the build or broke what it wrote (issue 21). */

const essay = (body: string, extra = '') =>
  `---\ntitle: "odd input"\ndate: 2024-05-06\ntags: [testing]\n${extra}---\n\n${body}\n`;
const ANCHOR = { anchorDate: '2026-01-01' };

describe('the folder itself', () => {
  it('says that a missing essays folder does not exist, and names it', async () => {
    const result = await runPipeline('/no/such/folder', ANCHOR);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.message)).toEqual([
      'the essays folder /no/such/folder does not exist; set ESSAYS_DIR to a folder of essays',
    ]);
  });
});

describe('images are checked for what they are', () => {
  it('knows raster images by their bytes, not their names', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(isRasterImage(png)).toBe(true);
    expect(isRasterImage(Buffer.from('ffd8ffe000104a464946', 'hex'))).toBe(true);
    expect(isRasterImage(Buffer.from('GIF89a\x01\x00'))).toBe(true);
    expect(isRasterImage(Buffer.from('HOSTNAME=build-42\nCI_TOKEN=x'))).toBe(false);
    expect(checkImage('env.png', Buffer.from('PATH=/usr/bin')).ok).toBe(false);
  });

  it('cleans an SVG of scripts, handlers, foreign objects and outside references', () => {
    const result = checkImage(
      'chart.svg',
      Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="steal()">
<script>steal()</script><a href="javascript:steal()"><circle r="4" onclick="steal()"/></a>
<style>@import url(https://tracker.example/x.css);</style><rect style="fill:url(https://tracker.example/f)"/>
<use xlink:href="https://tracker.example/sprite.svg#i"/><foreignObject><iframe src="https://x.example"/></foreignObject>
<linearGradient id="g"/><rect fill="url(#g)" width="9" height="9"/></svg>`),
    );
    expect(result.ok).toBe(true);
    const svg = result.ok ? Buffer.from(result.bytes).toString() : '';
    for (const gone of [
      'steal',
      'script',
      'tracker.example',
      'foreignObject',
      'iframe',
      'javascript',
    ])
      expect(svg).not.toContain(gone);
    expect(svg).toContain('fill="url(#g)"');
    expect(svg).toContain('<circle');
  });

  it('refuses a file named .svg that is not an SVG', () => {
    expect(checkImage('x.svg', Buffer.from('<html><script>1</script></html>')).ok).toBe(false);
    expect(checkImage('x.svg', Buffer.from([0xff, 0xfe, 0x00]))).toMatchObject({ ok: false });
  });
});

describe('old addresses (aliases)', () => {
  it('never get a page where the build writes one of its own files, public/ included', () => {
    for (const name of readdirSync('public')) {
      expect(aliasFileName(`/${name}`), name).toBeNull();
      expect(aliasFileName(`/${name}/`), name).toBeNull();
    }
    for (const alias of ['/sw.js', '/feed.xml', '/manifest.webmanifest', '/epub/archive.epub'])
      expect(aliasFileName(alias), alias).toBeNull();
    expect(aliasFileName('/old/post.php')).toBe('old/post.php/index.html');
  });
});

describe('template syntax written oddly', () => {
  it('reads `{{< gist _=octocat 12345 >}}` and `__proto__=` as names, without crashing', () => {
    const result = runOnTexts(
      {
        'a.md': essay(
          '{{< gist _=octocat 12345 >}}\n\n{{< figure __proto__="x" src="a.png" >}}\n\n{{< gist octocat 42 >}}',
        ),
      },
      ANCHOR,
    );
    expect(result.ok).toBe(true);
    expect(result.essays[0]!.markdown).toContain('https://gist.github.com/octocat/42');
  });
});

describe('deep nesting', () => {
  const deep = {
    quotes: '>'.repeat(20_000) + ' deep quote',
    lists: '- '.repeat(4_000) + 'deep item',
    mixed: '> - '.repeat(2_000) + 'deep mix',
    stars: '*'.repeat(20_000) + 'deep stars' + '*'.repeat(20_000),
  };

  it.each(Object.entries(deep))(
    '%s: kept to a readable depth with a warning; the book and the page still render',
    (_name, body) => {
      const result = runOnTexts({ 'deep.md': essay(`Before.\n\n${body}\n\nAfter.`) }, ANCHOR);
      expect(result.ok).toBe(true);
      const warned = result.problems.find((p) => p.message.includes('kept to'));
      expect(warned).toMatchObject({ file: 'deep.md', line: 9, severity: 'warning' });
      const [essayOut] = result.essays;
      const xhtml = essayBodyXhtml(essayOut!, new Set());
      expect(xhtml).toContain('deep');
      expect(xhtml).toContain('After.');
      const html = renderToString(createElement(Markdown, { markdown: essayOut!.markdown }));
      expect(html).toContain('After.');
    },
  );
});

describe('every pattern over essay text runs in linear time', () => {
  // Quadratic patterns took 47 s on 40,000 brackets and did not finish a 200 KB file in four
  // minutes; linear ones take well under a second. The timeout is the bound, with room to
  // spare on a busy machine.
  const SIZE = 200_000;
  const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
  const inputs = {
    brackets: '['.repeat(SIZE / 2) + 'x' + ']'.repeat(SIZE / 2),
    'image openers': fill('!['),
    'wiki openers': fill('[[|'),
    'an address never closed': '[x](' + 'a'.repeat(SIZE),
    'angle brackets': fill('<'),
    'template openers': fill('{{'),
    'shortcode openers': fill('{{< x '),
    'liquid openers': fill('{% x '),
    'footnote openers': fill('[^'),
    dashes: '-'.repeat(SIZE) + 'x',
  };
  it.each(Object.entries(inputs))(
    '%s',
    (_name, body) => {
      const result = runOnTexts({ 'long.md': essay(body) }, ANCHOR);
      expect(result.essays).toHaveLength(1);
      expect(plainText(body).length).toBeGreaterThan(0);
    },
    20_000,
  );
});

describe('EPUB chapters are XML whatever the text holds', () => {
  it('escapes < and > in attributes and drops characters XML cannot hold', () => {
    const result = runOnTexts(
      {
        'a.md': essay(
          'Costs ![Income < costs > 0](https://example.org/c.png) and [a link](https://example.org/ "a <b> title").\n\nPasted\ffrom\vWord\u0001.',
        ),
      },
      ANCHOR,
    );
    const xhtml = essayBodyXhtml(result.essays[0]!, new Set());
    expect(xhtml).toContain('title="a &lt;b&gt; title"');
    expect(xhtml).toMatch(/Pasted ?from ?Word/);
    // eslint-disable-next-line no-control-regex -- the characters that must be gone
    expect(xhtml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    // An XML parser accepts the chapter (jsdom's throws on what is not well-formed), and the
    // book is made.
    const wrapped = `<div xmlns="http://www.w3.org/1999/xhtml">${xhtml}</div>`;
    expect(() => new JSDOM(wrapped, { contentType: 'application/xhtml+xml' })).not.toThrow();
    const book = buildEpub(
      epubBooks(result.essays, 'S')[0]!,
      result.essays,
      siteConfig({}),
      new Map(),
    );
    expect(book.length).toBeGreaterThan(0);
  });
});

describe('reading data from elsewhere', () => {
  const good = {
    id: 'a1',
    threadId: 't1',
    slug: 'x',
    title: 'X',
    theme: 'y',
    tags: [],
    colour: 'yellow' as const,
    note: '',
    anchor: { exact: 'words', prefix: '', suffix: '', start: 3, end: 8 },
    created: 1_700_000_000_000,
    updated: 1_700_000_000_000,
  };

  it('refuses a highlight whose times or offsets a page cannot show', () => {
    expect(parseAnnotation(good)).not.toBeNull();
    for (const bad of [
      { created: 1e20 },
      { updated: -1 },
      { created: Number.NaN },
      { anchor: { ...good.anchor, start: 1.5 } },
      { anchor: { ...good.anchor, start: 9, end: 3 } },
    ])
      expect(parseAnnotation({ ...good, ...bad }), JSON.stringify(bad)).toBeNull();
  });

  it('writes a note so that it cannot open a heading, quote, list or rule', () => {
    for (const [line, written] of [
      ['## Forged heading', '\\## Forged heading'],
      ['> Forged quote', '\\> Forged quote'],
      ['- item', '\\- item'],
      ['1. item', '1\\. item'],
      ['---', '\\---'],
      ['    indented code', 'indented code'],
      ['[ref]: https://example.org', '\\[ref]: https://example.org'],
      ['plain words', 'plain words'],
    ])
      expect(asProse(line!)).toBe(written);
    const markdown = highlightsMarkdown(
      [{ ...good, note: '## Forged\n> quote', anchor: { ...good.anchor, exact: '# not a title' } }],
      { name: 'Site', url: null },
    );
    expect(markdown.split('\n').filter((l) => /^#{1,6} /.test(l))).toEqual([
      '# Highlights from Site',
      '## X',
    ]);
  });
});
