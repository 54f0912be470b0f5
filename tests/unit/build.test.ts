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
