import {
  ARCHIVE_VERSION,
  bucketFile,
  CHUNK_SIZE,
  chunkFile,
  lengthCounts,
  linked,
  slugBucket,
  SLUGS_PER_BUCKET,
  type ArchiveManifest,
  type ArchiveTerms,
  type EssayPage,
  type SlugBucket,
  type TermEntry,
  type ThemeEntry,
} from '../domain/archive.ts';
import type { EssayIndex } from '../domain/essay.ts';
import { relatedForAll } from '../domain/related.ts';
import { normalizeTerm } from '../domain/slugs.ts';
import {
  contentHash,
  DATA_DIR,
  indexFileName,
  searchFileName,
  type Emitter,
  type OutputFile,
} from './emit.ts';

/**
 * The archive in pieces (docs/decisions/0011-archive-at-scale.md): a small manifest, the
 * summaries in chunks of 100 (newest first), slug buckets that find an essay's page file,
 * one page file per essay with its neighbours and related essays precomputed, and the terms
 * with their counts. Runs after the essay-data and search emitters: the manifest names their
 * files too.
 */

function json(fileName: (hash: string) => string, value: unknown): OutputFile & { hash: string } {
  const source = JSON.stringify(value);
  const hash = contentHash(source);
  return { fileName: fileName(hash), source, hash };
}

/** Terms counted once each however they are spelled; the newest spelling wins. */
function countTerms(values: readonly string[][]): { entries: Map<string, TermEntry> } {
  const entries = new Map<string, TermEntry>();
  for (const list of values)
    for (const value of list) {
      const key = normalizeTerm(value);
      const entry = entries.get(key);
      if (entry) entry.count++;
      else entries.set(key, { value, count: 1 });
    }
  return { entries };
}

export function archiveTerms(index: EssayIndex): ArchiveTerms {
  const essays = index.essays;
  const tags = countTerms(essays.map((e) => e.tags)).entries;
  const themeKeys = essays.map((e) => normalizeTerm(e.theme));
  const themes = new Map<string, ThemeEntry>();
  const themeTags = new Map<string, Map<string, number>>();
  essays.forEach((e, i) => {
    const key = themeKeys[i]!;
    const entry = themes.get(key);
    if (entry) entry.count++;
    else
      themes.set(key, {
        value: e.theme,
        count: 1,
        topTags: [],
        newest: { ...linked(e), date: e.date },
      });
    const counts = themeTags.get(key) ?? new Map<string, number>();
    themeTags.set(key, counts);
    for (const t of e.tags) {
      const tk = normalizeTerm(t);
      if (tk !== key) counts.set(tk, (counts.get(tk) ?? 0) + 1);
    }
  });
  for (const [key, entry] of themes)
    entry.topTags = [...themeTags.get(key)!]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 4)
      .map(([tk, count]) => ({ value: tags.get(tk)!.value, count }));
  const months = essays.map((e) => e.date.iso.slice(0, 7)).sort();
  return {
    tags: [...tags.values()],
    themes: [...themes.values()],
    months: { min: months[0] ?? '', max: months[months.length - 1] ?? '' },
    lengths: lengthCounts(essays.map((e) => e.readingTime)),
  };
}

export const archiveEmitter: Emitter = {
  name: 'archive',
  emit(_essays, previous) {
    const indexName = indexFileName(previous);
    const index = JSON.parse(previous.find((o) => o.fileName === indexName)!.source) as EssayIndex;
    const essays = index.essays;
    const out: OutputFile[] = [];

    const chunks: string[] = [];
    for (let k = 0; k * CHUNK_SIZE < essays.length; k++) {
      const file = json((h) => chunkFile(k, h), essays.slice(k * CHUNK_SIZE, (k + 1) * CHUNK_SIZE));
      chunks.push(file.hash);
      out.push(file);
    }

    const related = relatedForAll({
      tags: essays.map((e) => e.tags.map(normalizeTerm)),
      themes: essays.map((e) => normalizeTerm(e.theme)),
    });
    const bucketCount = Math.max(1, Math.ceil(essays.length / SLUGS_PER_BUCKET));
    const buckets: SlugBucket[] = Array.from({ length: bucketCount }, () => ({}));
    essays.forEach((essay, id) => {
      const link = (j: number | undefined) =>
        j === undefined || !essays[j] ? null : linked(essays[j]!);
      const page: EssayPage = {
        id,
        essay,
        prev: link(id - 1),
        next: link(id + 1),
        related: related[id]!.related.map((j) => linked(essays[j]!)),
        more: related[id]!.more.map((j) => linked(essays[j]!)),
      };
      const file = json((h) => `${DATA_DIR}/pages/${essay.slug}.${h}.json`, page);
      out.push(file);
      buckets[slugBucket(essay.slug, bucketCount)]![essay.slug] = file.fileName;
    });
    const slugBuckets = buckets.map((bucket, b) => {
      const file = json((h) => bucketFile(b, h), bucket);
      out.push(file);
      return file.hash;
    });

    const terms = json((h) => `${DATA_DIR}/terms.${h}.json`, archiveTerms(index));
    out.push(terms);

    const manifest: ArchiveManifest = {
      version: ARCHIVE_VERSION,
      build: index.build,
      count: essays.length,
      chunkSize: CHUNK_SIZE,
      chunks,
      slugBuckets,
      terms: terms.fileName,
      index: indexName,
      search: searchFileName(previous),
    };
    out.push(json((h) => `${DATA_DIR}/manifest.${h}.json`, manifest));
    // Only file names and sources leave the emitter.
    return out.map(({ fileName, source }) => ({ fileName, source }));
  },
};

export const manifestFileName = (outputs: readonly OutputFile[]) =>
  outputs.find((o) => /^data\/manifest\.[0-9a-f]+\.json$/.test(o.fileName))!.fileName;
