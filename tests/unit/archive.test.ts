import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bucketFile,
  chunkFile,
  slugBucket,
  threadFile,
  type ArchiveManifest,
  type ArchiveTerms,
  type EssayPageFile,
  type SlugBucket,
  type ThreadBucket,
} from '../../src/domain/archive';
import type { EssayIndex, EssaySummary } from '../../src/domain/essay';
import type { ArchiveFacets } from '../../src/domain/facets';
import { lengthBucket } from '../../src/domain/browse';
import { normalizeTerm } from '../../src/domain/slugs';
import { catalogFromFacets } from '../../src/data/catalog';
import { queryList } from '../../src/data/browse';
import { termListView } from '../../src/data/listView';
import {
  decodeIds,
  tagListFile,
  themeListFile,
  type TermList,
  type TermListTable,
} from '../../src/domain/termLists';
import type { SearchManifest } from '../../src/domain/searchShards';
import { createEngine } from '../../src/search/engine';
import { ShardStore, storeOfFiles } from '../../src/search/shardStore';
import { relatedForAll } from '../../src/domain/related';
import { runPipeline, type PipelineResult } from '../../src/pipeline/run';
import { writeCorpus } from '../../scripts/corpusLib';

/**
 * The archive in pieces (docs/decisions/0011-archive-at-scale.md), on a synthetic archive of
 * 600 essays: every essay is found from the manifest by its slug alone, every chunk holds
 * the essays its number says, and no piece grows with the archive except the manifest's
 * list (one hash per 256 slugs).
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
  it('a first search loads one word shard and its words’ postings, and ranks as the whole index', async () => {
    const manifest = manifestOf();
    const index = json<EssayIndex>(manifest.index);
    const search = json<SearchManifest>(manifest.search);
    expect(search.words.length).toBeGreaterThan(1);
    expect(search.postingsFiles.length).toBeGreaterThan(2);
    const loaded: string[] = [];
    const lazy = new ShardStore(search, (file) => {
      loaded.push(file);
      return Promise.resolve(json(file));
    });
    const engine = createEngine(lazy);
    const word = index.essays[123]!.title.split(' ').sort((a, b) => b.length - a.length)[0]!;
    await engine.prepare(word);
    const hits = engine.search(word, 10).hits;
    expect(hits.map((h) => h.doc)).toContain(123);
    expect(loaded.filter((f) => f.startsWith('data/words/'))).toHaveLength(1);
    const postings = loaded.filter((f) => f.startsWith('data/postings/'));
    expect(postings.length).toBeGreaterThan(0);
    expect(postings.length).toBeLessThan(search.postingsFiles.length);

    const whole = storeOfFiles(manifest.search, files);
    await whole.loadAll();
    expect(createEngine(whole).search(word, 10).hits).toEqual(hits);
    // A typo after the first letter is still forgiven, from the same shard.
    const typo = `${word.slice(0, 3)}${word.slice(4)}`;
    await engine.prepare(typo);
    expect(engine.search(typo, 10).hits.map((h) => h.doc)).toContain(123);
  });

  it('keeps the best few of many matches in the order a full sort gives', async () => {
    const manifest = manifestOf();
    const whole = storeOfFiles(manifest.search, files);
    await whole.loadAll();
    const engine = createEngine(whole);
    const titles = json<EssayIndex>(manifest.index).essays.map((e) => e.title);
    // Short prefixes match much of the archive: the cut must not change who comes first.
    const queries = [1, 50, 300].flatMap((i) => {
      const [first, second = ''] = titles[i]!.split(' ').sort((a, b) => b.length - a.length);
      return [first!.slice(0, 2), first!.slice(0, 3), first!, `${first} ${second.slice(0, 2)}`];
    });
    let most = 0;
    for (const q of queries) {
      const all = engine.search(q, 100_000);
      most = Math.max(most, all.total);
      const ranked = [...all.hits].sort(
        (a, b) => b.matched - a.matched || b.score - a.score || a.doc - b.doc,
      );
      expect(all.hits).toEqual(ranked);
      for (const k of [1, 7, 20]) {
        const top = engine.search(q, k);
        expect(top.hits, `${q} top ${k}`).toEqual(ranked.slice(0, k));
        expect(top.total).toBe(all.total);
      }
    }
    expect(most).toBeGreaterThan(100); // the cut was really made
  });

  it('finds every essay from its slug: manifest → bucket → page file → summary and body', () => {
    const manifest = manifestOf();
    const index = json<EssayIndex>(manifest.index);
    expect(manifest.count).toBe(600);
    expect(manifest.slugBuckets).toHaveLength(3);
    index.essays.forEach((essay, id) => {
      const b = slugBucket(essay.slug, manifest.slugBuckets.length);
      const bucket = json<SlugBucket>(bucketFile(b, manifest.slugBuckets[b]!));
      const [pageFile, number] = bucket[essay.slug]!;
      const page = json<EssayPageFile>(pageFile);
      expect(number).toBe(id);
      expect(page.essay).toEqual(essay);
      expect(files.has(page.essay.bodyPath)).toBe(true);
    });
  });

  it('finds every essay’s slug from its thread id, in the bucket the id hashes to', () => {
    const manifest = manifestOf();
    const index = json<EssayIndex>(manifest.index);
    expect(manifest.threadBuckets).toHaveLength(manifest.slugBuckets.length);
    const listed = manifest.threadBuckets.flatMap((hash, b) =>
      Object.entries(json<ThreadBucket>(threadFile(b, hash))).map(([thread, slug]) => {
        expect(slugBucket(thread, manifest.threadBuckets.length)).toBe(b);
        return [thread, slug] as const;
      }),
    );
    expect(new Map(listed)).toEqual(new Map(index.essays.map((e) => [e.threadId, e.slug])));
  });

  it('puts essays k·20 to k·20+19 in chunk k, newest first, listed in the chunk table', () => {
    const manifest = manifestOf();
    const index = json<EssayIndex>(manifest.index);
    const table = json<string[]>(manifest.summaries);
    expect(table).toHaveLength(30);
    const all = table.flatMap((hash, k) => json<EssaySummary[]>(chunkFile(k, hash)));
    expect(all).toEqual(index.essays);
  });

  it('packs every essay’s tags, theme, month, length and title order into the facets', () => {
    const manifest = manifestOf();
    const index = json<EssayIndex>(manifest.index);
    const catalog = catalogFromFacets(
      json<ArchiveTerms>(manifest.terms),
      json<ArchiveFacets>(manifest.facets),
    );
    expect(catalog.count).toBe(600);
    index.essays.forEach((e, i) => {
      expect([...catalog.tagKeys[i]!].sort()).toEqual(
        [...new Set(e.tags.map(normalizeTerm))].sort(),
      );
      expect(catalog.themeKeys[i]).toBe(normalizeTerm(e.theme));
      expect(catalog.months[i]).toBe(e.date.iso.slice(0, 7));
      expect(catalog.buckets[i]).toBe(lengthBucket(e.readingTime));
    });
    const titles = Array.from(catalog.order('title'), (i) => index.essays[i]!.title);
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    for (let i = 1; i < titles.length; i++)
      expect(collator.compare(titles[i - 1]!, titles[i]!)).toBeLessThanOrEqual(0);
    const words = Array.from(catalog.order('longest'), (i) => index.essays[i]!.wordCount);
    expect(words).toEqual([...words].sort((a, b) => b - a));
    // Gzipped, the facets cost a few bytes an essay: what lets the list filter 100,000.
    const bytes = gzipSync(files.get(manifest.facets)!).length;
    expect(bytes / 600).toBeLessThan(12);
  });

  it('gives each page its neighbours in the archive order and its related essays', () => {
    const manifest = manifestOf();
    const index = json<EssayIndex>(manifest.index);
    const pageOf = (slug: string) => {
      const b = slugBucket(slug, manifest.slugBuckets.length);
      return json<EssayPageFile>(
        json<SlugBucket>(bucketFile(b, manifest.slugBuckets[b]!))[slug]![0],
      );
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

  it('gives each tag and theme its own list: the same essays and counts the catalog gives', () => {
    const manifest = manifestOf();
    const terms = json<ArchiveTerms>(manifest.terms);
    const catalog = catalogFromFacets(terms, json<ArchiveFacets>(manifest.facets));
    const table = json<TermListTable>(manifest.termLists);
    const query = {
      tags: [],
      theme: null,
      length: null,
      from: null,
      to: null,
      sort: 'newest',
      page: 1,
    } as const;
    const sorted = (m: ReadonlyMap<string, number>) => [...m].filter(([, n]) => n > 0).sort();
    for (const kind of ['tag', 'theme'] as const) {
      const keys = [...(kind === 'tag' ? catalog.tags : catalog.themes).keys()];
      keys.forEach((key, i) => {
        const list = json<TermList>(
          kind === 'tag' ? tagListFile(i, table.tags[i]!) : themeListFile(i, table.themes[i]!),
        );
        const q = kind === 'tag' ? { ...query, tags: [key] } : { ...query, theme: key };
        const full = queryList(catalog, q);
        expect(decodeIds(list), key).toEqual(full.ids);
        const view = termListView(terms, list, kind, q, full.ids.length, []);
        expect(sorted(view.facets.tags)).toEqual(sorted(full.facets.tags));
        expect(sorted(view.facets.themes)).toEqual(sorted(full.facets.themes));
        expect(sorted(view.facets.lengths)).toEqual(sorted(full.facets.lengths));
      });
    }
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
