import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../src/pipeline/run';
import { tortureCases, writeTortureCorpus, type TortureCase } from '../corpora/torture';

/**
 * The torture corpus through the real pipeline (files on disk, symlinks and all): every bad
 * file is named with a plain message (and its line where there is one), every file that
 * only warrants warnings still becomes an essay, and nothing disappears without a word.
 */

const cases = tortureCases();
const ANCHOR = { anchorDate: '2026-11-24' };

function corpus(selected: readonly TortureCase[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'torture-'));
  writeTortureCorpus(dir, selected);
  return dir;
}

let all: PipelineResult;
beforeAll(async () => {
  all = await runPipeline(corpus(cases), ANCHOR);
}, 60_000);

describe('the torture corpus', () => {
  it('fails the build as a whole and emits nothing', () => {
    expect(all.ok).toBe(false);
    expect(all.outputs).toEqual([]);
  });

  describe.each(cases.filter((c) => c.expect.outcome !== 'ok'))('$kind ($file)', (c) => {
    it(`is reported as ${c.expect.outcome === 'error' ? 'an error' : 'a warning'} naming the file`, () => {
      const mine = all.problems.filter((p) => p.file === c.file);
      const wanted = c.expect as Exclude<TortureCase['expect'], { outcome: 'ok' }>;
      const severity = wanted.outcome;
      const match = mine.find((p) => p.severity === severity && wanted.message.test(p.message));
      expect(match, `problems for ${c.file}: ${JSON.stringify(mine)}`).toBeDefined();
      if (wanted.line !== undefined) expect(match!.line).toBe(wanted.line);
    });
  });

  it('reports no error for files that are fine or only warrant warnings', () => {
    const clean = new Set(cases.filter((c) => c.expect.outcome !== 'error').map((c) => c.file));
    const wrong = all.problems.filter((p) => p.severity === 'error' && clean.has(p.file));
    expect(wrong).toEqual([]);
  });

  it('accounts for every file: an essay or a problem naming it', () => {
    const named = new Set([...all.essays.map((e) => e.file), ...all.problems.map((p) => p.file)]);
    const silent = cases.filter((c) => !named.has(c.file));
    expect(silent.map((c) => c.file)).toEqual([]);
  });

  it('builds every file that has only warnings, once the errors are removed', async () => {
    const good = cases.filter((c) => c.expect.outcome !== 'error');
    const result = await runPipeline(corpus(good), ANCHOR);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    const expected = good.filter((c) => (c.essays ?? 1) > 0).map((c) => c.file);
    expect(result.essays.map((e) => e.file).sort()).toEqual(expected.sort());
    expect(result.outputs.length).toBeGreaterThan(expected.length); // a body per essay + indexes

    const byFile = new Map(result.essays.map((e) => [e.file, e]));
    // Spot checks that the odd ones came through intact, not just present.
    expect(byFile.get('tags-500.md')!.tags).toHaveLength(500);
    expect(byFile.get('huge.md')!.wordCount).toBe(200_000);
    expect(byFile.get('rtl.md')!.title).toBe('القراءة البطيئة');
    expect(byFile.get('emoji.md')!.tags).toEqual(['📚 books', '🔥']);
    expect(byFile.get('crlf.md')!.markdown).not.toContain('\r');
    expect(byFile.get('rules.md')!.markdown).toContain('Two');
    expect(byFile.get('date-rfc2822.md')!.date.iso).toBe('2024-03-14');
    expect(byFile.get('date-us-long.md')!.date.iso).toBe('2024-03-14');
    expect(byFile.get('date-eu-long.md')!.date.iso).toBe('2024-03-14');
    expect(byFile.get('date-ordinal.md')!.date.iso).toBe('2024-03-14');
    expect(byFile.get('date-iso-time.md')!.date.iso).toBe('2024-03-14');
    const sameTitle = ['dup-title-a.md', 'dup-title-b.md'].map((f) => byFile.get(f)!.slug);
    expect(new Set(sameTitle).size).toBe(2);
    expect(result.essays.every((e) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(e.slug))).toBe(true);
  }, 60_000);
});
