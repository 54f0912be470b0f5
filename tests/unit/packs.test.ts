import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveManifest } from '../../src/domain/archive';
import {
  autoSaveBytesFrom,
  decodePack,
  encodePack,
  essayPackCount,
  packFile,
  packLocator,
  type PackTable,
} from '../../src/domain/packs';
import { packReader } from '../../src/offline/packReader';
import { runPipeline, type PipelineResult } from '../../src/pipeline/run';
import { writeCorpus } from '../../scripts/corpusLib';

/**
 * Offline packs (docs/decisions/0012-offline-packs.md) on a synthetic archive of 600 essays:
 * every file a reader needs offline is in exactly the pack the table names for it, byte for
 * byte, and one new essay changes a few packs, not all of them.
 */

const outputsOf = (result: PipelineResult) =>
  new Map(result.outputs.map((o) => [o.fileName, o.source]));
const find = (files: Map<string, string>, pattern: RegExp) =>
  [...files.keys()].filter((f) => pattern.test(f));
function tableOf(files: Map<string, string>): PackTable {
  const manifest = JSON.parse(files.get(find(files, /^data\/manifest\./)[0]!)!) as ArchiveManifest;
  return JSON.parse(files.get(manifest.packs)!) as PackTable;
}

let dir: string;
let files: Map<string, string>;
let table: PackTable;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'packs-'));
  writeCorpus({ count: 600, out: dir });
  files = outputsOf(await runPipeline(dir, { anchorDate: '2026-11-24' }));
  table = tableOf(files);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pack format', () => {
  it('gives back every file as written, whatever its characters', () => {
    const members = [
      { fileName: 'data/essays/café.0123456789.json', source: '{"t":"résumé — 東京 😀"}' },
      { fileName: 'data/pages/b.0123456789.json', source: '{"x":"$& $$ \\n"}' },
      { fileName: 'data/words/0.0123456789.json', source: '' },
    ];
    const decoded = decodePack(encodePack(members));
    expect(decoded && [...decoded]).toEqual(members.map((m) => [m.fileName, m.source]));
  });

  it('refuses what is not a whole pack: a host’s HTML page, a cut-off download', () => {
    const pack = encodePack([{ fileName: 'data/pages/a.0123456789.json', source: '{"a":1}' }]);
    expect(decodePack('<!doctype html><title>Not found</title>\n')).toBeNull();
    expect(decodePack(pack.slice(0, -1))).toBeNull();
    expect(decodePack(`${pack}x`)).toBeNull();
    expect(decodePack('')).toBeNull();
  });
});

describe('the packs of an archive', () => {
  it('hold every page file and body in the pack its slug names, and nothing twice', () => {
    const locate = packLocator(table);
    const decoded = new Map(
      [...table.essays, ...table.shared].map((p) => [p.file, decodePack(files.get(p.file)!)!]),
    );
    const members = [...decoded.values()].flatMap((m) => [...m.keys()]);
    expect(new Set(members).size).toBe(members.length);

    const essayFiles = find(files, /^data\/(pages|essays)\//);
    expect(essayFiles).toHaveLength(1200);
    const shared = find(
      files,
      /^data\/(summaries|slugs|threads|words|tails|postings|tags|themes)\//,
    );
    expect(shared.length).toBeGreaterThan(30 + 3); // 30 chunks, 3 buckets, search shards
    for (const name of [...essayFiles, ...shared]) {
      const ref = locate(name);
      expect(ref, name).not.toBeNull();
      expect(decoded.get(packFile(ref!, table))!.get(name), name).toBe(files.get(name));
    }
    expect(members).toHaveLength(essayFiles.length + shared.length);
    expect(table.essays.reduce((sum, p) => sum + p.essays, 0)).toBe(600);
    expect(table.essays).toHaveLength(essayPackCount(600));
    expect(table.bytes).toBe(
      [...table.essays, ...table.shared].reduce(
        (sum, p) => sum + Buffer.byteLength(files.get(p.file)!),
        0,
      ),
    );
  });

  it('are a few hundred requests at 100,000 essays, each a modest download', () => {
    expect(essayPackCount(24)).toBe(1);
    expect(essayPackCount(10_000)).toBe(256);
    expect(essayPackCount(100_000)).toBe(4096);
    const largest = Math.max(...table.essays.map((p) => p.bytes));
    expect(largest).toBeLessThan(400 * 1024);
  });

  it('one new essay changes only the packs holding a file it changed, and few files change', async () => {
    writeFileSync(
      path.join(dir, '999_00000000000000aa.txt'),
      [
        '---',
        'title: "a late addition"',
        'date: 2026-11-23',
        'description: "Added after the others."',
        'thread_id: thread_late',
        'primary_theme: organizing_study groups',
        'tags: ["pedagogy"]',
        '---',
        '',
        'A short body.',
      ].join('\n'),
    );
    const later = outputsOf(await runPipeline(dir, { anchorDate: '2026-11-24' }));
    const after = tableOf(later);
    expect(after.essays).toHaveLength(table.essays.length);
    // Page files do not carry the essay's number, which the newcomer shifts for every essay.
    const changedFiles = find(later, /^data\/(pages|essays)\//).filter((f) => !files.has(f));
    expect(changedFiles.length).toBeGreaterThan(1); // its own two, and neighbours' pages
    expect(changedFiles.length).toBeLessThan(60);
    const changedPacks = new Set(changedFiles.map((f) => packFile(packLocator(after)(f)!, after)));
    after.essays.forEach((p, k) => {
      expect(p.file !== table.essays[k]!.file, p.file).toBe(changedPacks.has(p.file));
    });
  });

  it('the saving limit comes from OFFLINE_AUTO_SAVE_MB, checked', () => {
    expect(autoSaveBytesFrom({})).toBe(40 * 1024 * 1024);
    expect(autoSaveBytesFrom({ OFFLINE_AUTO_SAVE_MB: '0.5' })).toBe(512 * 1024);
    expect(() => autoSaveBytesFrom({ OFFLINE_AUTO_SAVE_MB: 'lots' })).toThrow(/megabytes/);
  });
});

describe('reading a file out of its saved pack (the service worker)', () => {
  it('answers from the saved pack, and nothing for a pack not saved or a file no pack holds', async () => {
    const base = 'https://example.org/library/';
    const saved = new Map([[table.essays[0]!.file, files.get(table.essays[0]!.file)!]]);
    const asked: string[] = [];
    const reader = packReader(table, base, async (url) => {
      asked.push(url);
      const name = url.slice(base.length);
      return saved.has(name) ? new Response(saved.get(name)) : undefined;
    });
    const inFirst = [...decodePack(saved.get(table.essays[0]!.file)!)!.keys()];
    for (const name of inFirst) expect(await reader.read(name)).toBe(files.get(name));
    expect(asked).toEqual([`${base}${table.essays[0]!.file}`]); // decoded once, then kept

    const elsewhere = find(files, /^data\/essays\//).find((n) => !inFirst.includes(n))!;
    expect(await reader.read(elsewhere)).toBeNull();
    expect(await reader.read('data/summaries/9999.0123456789.json')).toBeNull();
  });
});
