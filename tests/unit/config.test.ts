import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/domain/site';
import {
  archiveOptionsFor,
  essaysDirOf,
  loadEssaysConfig,
  siteEnv,
} from '../../src/pipeline/read/config';
import { buildReport } from '../../src/pipeline/problems';
import { runOnTexts, runPipeline } from '../../src/pipeline/run';

/** essays.config.json / .ts: typed, checked, and overridden by the environment. */

const folder = (files: Record<string, string>) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'essays-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
};

describe('the config file', () => {
  it('is optional', async () => {
    expect(await loadEssaysConfig(folder({}), {})).toEqual({ config: {}, file: null });
  });

  it('reads JSON: site, content folder relative to the file, fields in front of the usual keys', async () => {
    const dir = folder({
      'essays.config.json': JSON.stringify({
        site: { name: 'Field notes', url: 'https://example.org/notes/', lang: 'ja' },
        content: 'posts',
        fields: { date: 'posted' },
        themeFallback: 'folder',
      }),
    });
    const loaded = await loadEssaysConfig(dir, {});
    const site = siteConfig(siteEnv(loaded, {}));
    expect(site).toMatchObject({
      name: 'Field notes',
      url: 'https://example.org/notes/',
      basePath: '/notes/',
      language: 'ja',
    });
    expect(essaysDirOf(loaded, 'content/essays', {})).toBe(path.join(dir, 'posts'));
    const archive = archiveOptionsFor(loaded, path.join(dir, 'posts'), {});
    expect(archive.fields.date.slice(0, 2)).toEqual(['posted', 'date']);
    expect(archive.themeFallback).toBe('folder');
  });

  it('reads TypeScript the way Vite reads vite.config.ts', async () => {
    const dir = folder({
      'essays.config.ts':
        "const name: string = 'Typed';\nexport default { site: { name }, onProblem: 'skip' as const };\n",
    });
    const loaded = await loadEssaysConfig(dir, {});
    expect(loaded.config).toEqual({ site: { name: 'Typed' }, onProblem: 'skip' });
  });

  it('names every wrong key, and refuses two config files', async () => {
    const dir = folder({
      'essays.config.json': JSON.stringify({
        site: { url: 'not a url' },
        themeFallback: 'colour',
        contnet: 'x',
      }),
    });
    const failure = loadEssaysConfig(dir, {});
    await expect(failure).rejects.toThrow(/essays\.config\.json has problems/);
    await expect(failure).rejects.toThrow(/site\.url/);
    await expect(failure).rejects.toThrow(/themeFallback/);
    await expect(failure).rejects.toThrow(/contnet/);
    const both = folder({ 'essays.config.json': '{}', 'essays.config.ts': 'export default {}' });
    await expect(loadEssaysConfig(both, {})).rejects.toThrow(/keep one/);
    const broken = folder({ 'essays.config.json': '{ "site": ' });
    await expect(loadEssaysConfig(broken, {})).rejects.toThrow(/not valid JSON/);
  });

  it('is overridden by the environment', async () => {
    const dir = folder({
      'essays.config.json': JSON.stringify({
        site: { name: 'From file' },
        content: 'posts',
        onProblem: 'skip',
      }),
    });
    const loaded = await loadEssaysConfig(dir, {});
    const env = { SITE_NAME: 'From env', ESSAYS_DIR: '/elsewhere', ESSAYS_ON_PROBLEM: 'stop' };
    expect(siteConfig(siteEnv(loaded, env)).name).toBe('From env');
    expect(essaysDirOf(loaded, 'content/essays', env)).toBe('/elsewhere');
    expect(archiveOptionsFor(loaded, dir, env).onProblem).toBe('stop');
    expect(() => archiveOptionsFor(loaded, dir, { ESSAYS_ON_PROBLEM: 'sometimes' })).toThrow(
      /must be "stop" or "skip"/,
    );
  });
});

describe('what the settings do', () => {
  const good = '---\ntitle: "Good"\nposted: 2024-03-14\n---\n\nBody.\n';
  const bad = '---\ntitle: "Bad"\ndate: the other day\n---\n\nBody.\n';

  it('a mapped key gives the field', async () => {
    const dir = folder({
      'essays.config.json': JSON.stringify({ fields: { date: 'posted' } }),
      'posts/a.md': good,
    });
    const loaded = await loadEssaysConfig(dir, {});
    const archive = archiveOptionsFor(loaded, path.join(dir, 'posts'), {});
    const result = await runPipeline(path.join(dir, 'posts'), { archive, emitters: [] });
    expect(result.ok).toBe(true);
    expect(result.essays[0]!.date.iso).toBe('2024-03-14');
  });

  it("a vault dates a note by a mapped key, or else by the file's time, never by a folder's name", async () => {
    const dir = folder({
      'essays.config.json': JSON.stringify({ fields: { date: 'posted' } }),
      'vault/.obsidian/app.json': '{}',
      'vault/a.md': good,
      'vault/2021-01-01-trip/day one.md': '# Day one\n\nWalked.\n',
    });
    const vault = path.join(dir, 'vault');
    const archive = archiveOptionsFor(await loadEssaysConfig(dir, {}), vault, {});
    const result = await runPipeline(vault, { archive, emitters: [] });
    expect(result.ok).toBe(true);
    const dates = Object.fromEntries(result.essays.map((e) => [e.title, e.date.iso]));
    expect(dates['Good']).toBe('2024-03-14');
    expect(dates['Day one']).toBe(new Date().toISOString().slice(0, 10));
    expect(result.problems.map((p) => `${p.file}: ${p.message}`)).toContainEqual(
      expect.stringMatching(
        /^2021-01-01-trip\/day one\.md: has no date; using the day the file last changed/,
      ),
    );
  });

  it('skip leaves a broken file out, lists it with its reason, and builds the rest', async () => {
    const dir = folder({ 'essays.config.json': JSON.stringify({ onProblem: 'skip' }) });
    const archive = archiveOptionsFor(await loadEssaysConfig(dir, {}), dir, {});
    const files = { 'a.md': good.replace('posted', 'date'), 'b.md': bad };
    const result = runOnTexts(files, { archive });
    expect(result.ok).toBe(true);
    expect(result.essays.map((e) => e.title)).toEqual(['Good']);
    expect(result.leftOut).toEqual([
      { file: 'b.md', reason: expect.stringMatching(/cannot read the date "the other day"/) },
    ]);
    const report = buildReport(result.essays.length, result.leftOut, result.problems);
    expect(report).toContain('Built 1 essay(s).');
    expect(report).toMatch(/Left out \(1\):\n {2}b\.md: cannot read the date/);
    expect(runOnTexts(files).ok).toBe(false); // stop, the default
  });

  it('ignore leaves named folders out, saying so', async () => {
    const dir = folder({
      'essays.config.json': JSON.stringify({ ignore: ['drafts'] }),
      'a.md': good.replace('posted', 'date'),
      'drafts/b.md': bad,
    });
    const archive = archiveOptionsFor(await loadEssaysConfig(dir, {}), dir, {});
    const result = await runPipeline(dir, { archive, emitters: [] });
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => `${p.file}: ${p.message}`)).toContain(
      'drafts: is an ignored folder (templates, private notes, or the ignore list); skipped',
    );
  });
});
