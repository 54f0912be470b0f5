import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run';

/** The real `vite build`, pointed by ESSAYS_DIR at folders made here. */

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const viteBin = path.join(root, 'node_modules/vite/bin/vite.js');

function essay(n: number, extra = ''): string {
  return `---
title: "essay number ${n}"
date: Thu Mar 14
description: "a test essay"
thread_id: thread_${String(n).padStart(4, '0')}
word_count: 5
reading_time: 1
primary_theme: testing_builds
tags: ["testing_builds", "fixtures"]
${extra}---

# essay number ${n}

Body text of essay ${n}, with a link https://t.co/abc${n}.
`;
}

function makeFolder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'essays-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

async function viteBuild(essaysDir: string, env: Record<string, string> = {}) {
  const outDir = mkdtempSync(path.join(tmpdir(), 'dist-'));
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [viteBin, 'build', '--outDir', outDir, '--emptyOutDir'],
      {
        cwd: root,
        env: { ...process.env, ESSAYS_DIR: essaysDir, ESSAYS_DATE_ANCHOR: '2026-11-24', ...env },
      },
    );
    return { code: 0, output: stdout + stderr, outDir };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, output: err.stdout + err.stderr, outDir };
  }
}

describe('ESSAYS_DIR builds', () => {
  it('builds every essay of a real-format folder, nested folders and all extensions included', async () => {
    const dir = makeFolder({
      '000_aaaa.txt': essay(0),
      '001_bbbb.md': essay(1),
      'more/002_cccc.markdown': essay(2),
      'notes.json': '{"not": "an essay"}',
    });
    const { code, output, outDir } = await viteBuild(dir);
    expect(code, output).toBe(0);
    expect(output).toContain('essays: 3 from');
    const bodies = readdirSync(path.join(outDir, 'data/essays'));
    expect(bodies.map((b) => b.replace(/\.[0-9a-f]+\.json$/, '')).sort()).toEqual([
      'essay-number-0',
      'essay-number-1',
      'essay-number-2',
    ]);
  }, 60_000);

  it('fails on a folder with broken files, listing every problem with its file and line', async () => {
    const dir = makeFolder({
      '000_good.txt': essay(0),
      '001_nofm.txt': 'no front matter here\n',
      '002_baddate.txt': essay(2).replace('Thu Mar 14', 'the other day'),
      '003_dup.txt': essay(0).replace('essay number 0', 'another title'),
      '004_latin1.txt': Buffer.concat([
        Buffer.from(essay(4).slice(0, 30)),
        Buffer.from([0xe9]),
        Buffer.from(essay(4).slice(30)),
      ]),
      '005_empty.txt': essay(5).replace(/# essay number 5[\s\S]*$/, ''),
      '006_notitle.txt': essay(6).replace('title: "essay number 6"\n', ''),
    });
    const { code, output } = await viteBuild(dir);
    expect(code).not.toBe(0);
    for (const expected of [
      '001_nofm.txt:1: error: has no front matter',
      '002_baddate.txt:3: error: cannot read the date "the other day"',
      '000_good.txt: error: thread_id "thread_0000" is also used by 003_dup.txt',
      '003_dup.txt: error: thread_id "thread_0000" is also used by 000_good.txt',
      '004_latin1.txt:3: error: holds bytes that are not UTF-8',
      '005_empty.txt:11: error: the body is empty',
      '006_notitle.txt:1: error: the title is missing',
      '7 error(s) in 7 file(s)',
    ]) {
      expect(output).toContain(expected);
    }
  }, 60_000);

  it('ends a failed build with the problems and one line saying what to do, and no stack', async () => {
    const dir = makeFolder({
      '000_good.txt': essay(0),
      'posts/a.md': '---\nnewstitle: "A"\ndate: 2024-01-01\n---\n\nWords.\n',
      'posts/b.md': '---\nnewstitle: "B"\ndate: 2024-01-02\n---\n\nWords.\n',
      // A warning on a good file: printed once, not once by the bundler and again in the report.
      '001_tags.txt': essay(1).replace('tags: ["testing_builds", "fixtures"]', 'tags: "one, two"'),
    });
    const { code, output } = await viteBuild(dir);
    expect(code).toBe(1);
    const lines = output.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(
      /^hint: .*"fields": \{"title": "newstitle"\}.*ESSAYS_ON_PROBLEM=skip/,
    );
    expect(lines.at(-2)).toBe(
      '2 error(s) in 2 file(s), 1 warning(s). No essay was dropped: the build stopped instead.',
    );
    expect(lines.at(-3)).toBe('posts/b.md:1: error: the title is missing');
    expect(output).not.toMatch(/^\s+at |RolldownError|error during build|service worker|sw\.js/m);
    expect(output.match(/tags is not a list/g)).toHaveLength(1);
  }, 60_000);
});

/** A PNG of one pixel, as real image bytes (the build checks what an image is). */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const EVIL_SVG = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="20" height="20" onload="alert(1)">
<script>indexedDB.open('essays')</script>
<rect width="20" height="20" fill="teal"/>
<image xlink:href="https://tracker.example/p.png"/>
<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(2)</script></body></foreignObject>
</svg>`;

/** Every file under a folder, as text, EPUB entries unzipped, so a secret is found anywhere. */
function everyFileText(dir: string): string {
  const texts: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const bytes = readFileSync(path.join(entry.parentPath, entry.name));
    texts.push(bytes.toString('latin1'));
    if (entry.name.endsWith('.epub')) texts.push(unzipText(bytes));
  }
  return texts.join('\n');
}

/** The entries of a ZIP, stored or deflated, as one text. */
function unzipText(buffer: Buffer): string {
  const out: string[] = [];
  let at = 0;
  while (buffer.readUInt32LE(at) === 0x04034b50) {
    const method = buffer.readUInt16LE(at + 8);
    const size = buffer.readUInt32LE(at + 18);
    const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
    const body = buffer.subarray(start, start + size);
    out.push((method === 0 ? body : inflateRawSync(body)).toString('latin1'));
    at = start + size;
  }
  return out.join('\n');
}

describe('nothing from outside the folder, and no script in an image, is published', () => {
  it('refuses links out of the folder and publishes an SVG without its scripts, site and EPUB alike', async () => {
    const outside = makeFolder({
      'secret.txt': 'CI_SECRET=do-not-publish-4711\n',
      'outside-essay.md': essay(9).replace('Body text', 'OUTSIDE-ESSAY-TEXT'),
      'folder/003_x.md': essay(8).replace('Body text', 'OUTSIDE-FOLDER-TEXT'),
    });
    const dir = makeFolder({
      '000_a.md': essay(
        0,
        'aliases: ["/sw.js", "/robots.txt", "/epub/archive.epub", "/old/zero/"]\n',
      ).replace(
        'Body text',
        '![chart](chart.svg) ![a pixel](pixel.png) ![env](env.png) ![host](host.gif) ![fake](fake.png)\n\nBody text',
      ),
      '001_b.md': essay(1),
      'chart.svg': EVIL_SVG,
      'pixel.png': PIXEL_PNG,
      'fake.png': 'CI_SECRET=do-not-publish-4711 (a text file named like an image)',
    });
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'env.png'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'host.gif'));
    symlinkSync(path.join(outside, 'outside-essay.md'), path.join(dir, '002_linked.md'));
    symlinkSync(path.join(outside, 'folder'), path.join(dir, 'linked-folder'));
    const { code, output, outDir } = await viteBuild(dir, { SITE_URL: 'https://example.org/' });
    expect(code, output).toBe(0);
    const published = everyFileText(outDir);
    expect(published).toContain('essay number 0');
    expect(published).not.toContain('do-not-publish-4711');
    expect(published).not.toContain('OUTSIDE-ESSAY-TEXT');
    expect(published).not.toContain('OUTSIDE-FOLDER-TEXT');
    for (const link of ['env.png', 'host.gif', '002_linked.md', 'linked-folder'])
      expect(output).toContain(`${link}: warning: is a link to a file outside the essays folder`);
    expect(output).toContain('fake.png: warning: is not an image');
    // The real picture and the cleaned SVG are published, in the site and in the book.
    const media = readdirSync(path.join(outDir, 'media'));
    expect(media.some((m) => /^pixel\.[0-9a-f]+\.png$/.test(m))).toBe(true);
    const svgName = media.find((m) => m.endsWith('.svg'))!;
    const svg = readFileSync(path.join(outDir, 'media', svgName), 'utf8');
    expect(svg).toContain('<rect');
    for (const gone of ['<script', 'onload', 'foreignObject', 'tracker.example', 'indexedDB'])
      expect(svg).not.toContain(gone);
    expect(output).toContain('chart.svg: warning: held what an image must not');
    // Aliases on the build's own files are skipped with a word; the others are written.
    for (const alias of ['/sw.js', '/robots.txt', '/epub/archive.epub'])
      expect(output).toContain(`the old address ${alias} (aliases) gets no redirect page`);
    expect(readFileSync(path.join(outDir, 'sw.js'), 'utf8')).not.toContain('now at');
    expect(readFileSync(path.join(outDir, 'old/zero/index.html'), 'utf8')).toContain('now at');
  }, 90_000);
});

describe('the folder walk', () => {
  it('reports a symlink loop and a folder named like an essay, and still reads the rest', async () => {
    const dir = makeFolder({
      '000_a.txt': essay(0),
      'sub/001_b.txt': essay(1),
      '002_dir.txt/003_c.txt': essay(3),
    });
    symlinkSync(dir, path.join(dir, 'sub/loop'));
    const result = await runPipeline(dir, { anchorDate: '2026-11-24' });
    expect(result.essays.map((e) => e.title).sort()).toEqual([
      'essay number 0',
      'essay number 1',
      'essay number 3',
    ]);
    const messages = result.problems.map((p) => `${p.file}: ${p.message}`);
    expect(messages).toContain(
      'sub/loop: this folder links back to a folder already read; skipped',
    );
    expect(messages.some((m) => m.startsWith('002_dir.txt: is a folder'))).toBe(true);
  });

  it('reports unreadable and vanished files by name instead of crashing', async () => {
    const dir = makeFolder({ '000_a.txt': essay(0), '001_b.txt': essay(1), '002_c.txt': essay(2) });
    // As root (CI), chmod cannot make a file unreadable: the reader fails as the OS would.
    const failing = (code: string) => Object.assign(new Error(`${code}: failed`), { code });
    const result = await runPipeline(dir, {
      anchorDate: '2026-11-24',
      readBytes: async (file) => {
        if (file.endsWith('001_b.txt')) throw failing('EACCES');
        if (file.endsWith('002_c.txt')) throw failing('ENOENT');
        return readFileSync(file);
      },
    });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => `${p.file}: ${p.severity}: ${p.message}`)).toEqual([
      '001_b.txt: error: cannot be read: permission denied; make the file readable (chmod a+r)',
      '002_c.txt: error: cannot be read: it was removed or renamed while the build was reading',
    ]);
  });

  it('reports an empty folder instead of building an empty site', async () => {
    const result = await runPipeline(makeFolder({}), { anchorDate: '2026-11-24' });
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.message).toMatch(/no essay files/);
  });
});

describe('prerendering on several threads', () => {
  it('writes the very same pages as on one thread', async () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 12; n++) files[`essay-${n}.md`] = essay(n);
    const dir = makeFolder(files);
    const one = await viteBuild(dir, { PRERENDER_THREADS: '1' });
    const three = await viteBuild(dir, { PRERENDER_THREADS: '3' });
    expect(one.code).toBe(0);
    expect(three.code).toBe(0);
    expect(three.output).toMatch(/prerendered \d+ pages in [\d.]+ s on 3 threads/);
    const pages = (out: string) =>
      readdirSync(out, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.html'))
        .sort();
    expect(pages(three.outDir)).toEqual(pages(one.outDir));
    expect(pages(one.outDir).length).toBeGreaterThan(12 + 5);
    for (const file of pages(one.outDir))
      expect(readFileSync(path.join(three.outDir, file), 'utf8'), file).toBe(
        readFileSync(path.join(one.outDir, file), 'utf8'),
      );
  }, 120_000);
});
