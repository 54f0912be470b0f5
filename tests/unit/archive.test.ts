import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bucketFile,
  chunkFile,
  slugBucket,
  type ArchiveManifest,
  type ArchiveTerms,
  type EssayPage,
  type SlugBucket,
} from '../../src/domain/archive';
import type { EssayIndex, EssaySummary } from '../../src/domain/essay';
import { relatedForAll } from '../../src/domain/related';
import { runPipeline, type PipelineResult } from '../../src/pipeline/run';
import { writeCorpus } from '../../scripts/corpusLib';

/**
 * The archive in pieces (docs/decisions/0011-archive-at-scale.md), on a synthetic archive of
 * 600 essays: every essay is found from the manifest by its slug alone, every chunk holds
 * the essays its number says, and no piece grows with the archive except the manifest's
 * lists (one hash per 100 essays and per 256 slugs).
 */

let result: PipelineResult;
const files = new Map<string, string>();
const json = <T>(name: string): T => JSON.parse(files.get(name)!) as T;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'archive-'));
  writeCorpus({ count: 600, out: dir });
  result = await runPipeline(dir, { anchorDate: '2026-11-24' });
  for (const o of result.outputs) files.set(o.fileName, o.source);
}, 60_000);

const manifestOf = () =>
  json<ArchiveManifest>([...files.keys()].find((f) => f.startsWith('data/manifest.'))!);

describe('the archive in pieces', () => {
  it('finds every essay from its slug: manifest → bucket → page file → summary and body', () => {
    const manifest = manifestOf();
    const index = json<EssayIndex>(manifest.index);
    expect(manifest.count).toBe(600);
    expect(manifest.slugBuckets).toHaveLength(3);
    index.essays.forEach((essay, id) => {
      const b = slugBucket(essay.slug, manifest.slugBuckets.length);
      const bucket = json<SlugBucket>(bucketFile(b, manifest.slugBuckets[b]!));
      const page = json<EssayPage>(bucket[essay.slug]!);
      expect(page.id).toBe(id);
      expect(page.essay).toEqual(essay);
      expect(files.has(page.essay.bodyPath)).toBe(true);
    });
  });

  it('puts essays id·100 to id·100+99 in chunk id, newest first', () => {
    const manifest = manifestOf();
    const index = json<EssayIndex>(manifest.index);
    expect(manifest.chunks).toHaveLength(6);
    const all = manifest.chunks.flatMap((hash, k) => json<EssaySummary[]>(chunkFile(k, hash)));
    expect(all).toEqual(index.essays);
  });

  it('gives each page its neighbours in the archive order and its related essays', () => {
    const manifest = manifestOf();
    const index = json<EssayIndex>(manifest.index);
    const pageOf = (slug: string) => {
      const b = slugBucket(slug, manifest.slugBuckets.length);
      return json<EssayPage>(json<SlugBucket>(bucketFile(b, manifest.slugBuckets[b]!))[slug]!);
    };
    const first = pageOf(index.essays[0]!.slug);
    expect(first.prev).toBeNull();
    expect(first.next?.slug).toBe(index.essays[1]!.slug);
    const middle = pageOf(index.essays[300]!.slug);
    expect(middle.prev?.slug).toBe(index.essays[299]!.slug);
    expect(middle.related.length).toBeGreaterThan(0);
    expect(middle.related.map((r) => r.slug)).not.toContain(middle.essay.slug);
    const theme = middle.essay.theme;
    for (const m of middle.more)
      expect(index.essays.find((e) => e.slug === m.slug)!.theme).toBe(theme);
  });

  it('counts every tag and theme once, with the date range and length buckets', () => {
    const manifest = manifestOf();
    const index = json<EssayIndex>(manifest.index);
    const terms = json<ArchiveTerms>(manifest.terms);
    const tagUses = index.essays.reduce((n, e) => n + e.tags.length, 0);
    expect(terms.tags.reduce((n, t) => n + t.count, 0)).toBe(tagUses);
    expect(terms.themes.reduce((n, t) => n + t.count, 0)).toBe(600);
    expect(Object.values(terms.lengths).reduce((a, b) => a + b, 0)).toBe(600);
    expect(terms.months.min <= terms.months.max).toBe(true);
  });
});

describe('related essays', () => {
  it('weighs rare shared tags above common ones, and fills "more in the theme" without repeats', () => {
    // 0 shares a rare tag with 2 and a common one with 1 and 3.
    const result = relatedForAll(
      {
        tags: [['common', 'rare'], ['common'], ['rare'], ['common']],
        themes: ['a', 'a', 'b', 'a'],
      },
      2,
      2,
    );
    expect(result[0]).toEqual({ related: [2, 1], more: [3] });
    expect(result[2]).toEqual({ related: [0], more: [] });
  });
});
