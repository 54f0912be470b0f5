import {
  ARCHIVE_VERSION,
  bucketFile,
  CHUNK_SIZE,
  chunkFile,
  linked,
  slugBucket,
  SLUGS_PER_BUCKET,
  threadFile,
  type ArchiveManifest,
  type EssayPageFile,
  type SlugBucket,
  type ThreadBucket,
} from '../../domain/archive.ts';
import { encodeFacets } from '../../domain/facets.ts';
import { archiveTerms } from '../../domain/archiveTerms.ts';
import { relatedForAll, type Related, type RelatedInput } from '../../domain/related.ts';
import { DEFAULT_AUTO_SAVE_BYTES } from '../../domain/packs.ts';
import {
  tagListFile,
  termListsOf,
  themeListFile,
  type TermListTable,
} from '../../domain/termLists.ts';
import { normalizeTerm } from '../../domain/slugs.ts';
import { needs, type Emitter, type OutputFile } from './context.ts';
import { contentHash, DATA_DIR, lazyJson } from './emitter.ts';
import { packFiles, type EssayFiles } from './packs.ts';

/**
 * The archive in pieces (docs/decisions/0011-archive-at-scale.md): a small manifest, the
 * summaries in chunks of 20 (newest first) and their table, slug buckets that find an essay's
 * page file, one page file per essay with its neighbours and related essays precomputed, the
 * terms with their counts, and the facets (what filtering and sorting need of every essay).
 * Runs after the essay-data and search emitters: the manifest names their files too.
 */

function json(fileName: (hash: string) => string, value: unknown): OutputFile & { hash: string } {
  const source = JSON.stringify(value);
  const hash = contentHash(source);
  return { fileName: fileName(hash), source, hash };
}

export interface ArchiveOptions {
  /** Saving for offline is automatic up to this many bytes, offered above (decision 0012). */
  autoSaveBytes?: number;
  /** False under `vite dev`, which runs no service worker: no offline packs to write. */
  packs?: boolean;
}

export const createArchiveEmitter = (options: ArchiveOptions = {}): Emitter => {
  /**
   * Under `vite dev` (a memo is given), the related essays of the last run and the tags and
   * themes they came from: an edit that changes neither (most edits) reuses them. They were a
   * third of a rebuild at 10,000 essays.
   */
  let last: { key: string; related: Related[] } | null = null;
  const relatedOf = (input: RelatedInput, remember: boolean): Related[] => {
    if (!remember) return relatedForAll(input);
    const key = JSON.stringify(input);
    if (last?.key !== key) last = { key, related: relatedForAll(input) };
    return last.related;
  };
  return {
    name: 'archive',
    emit(context) {
      const { memo, media } = context;
      const built = needs(context, 'index', 'archive');
      const search = needs(context, 'search', 'archive');
      const index = built.value;
      const essays = index.essays;
      const out: OutputFile[] = [];
      /** Writes one hashed JSON file per value (buckets, lists); their hashes, in order. */
      const hashesOf = <T>(values: readonly T[], file: (i: number, hash: string) => string) =>
        values.map((value, i) => {
          const f = json((h) => file(i, h), value);
          out.push(f);
          return f.hash;
        });

      const chunks: string[] = [];
      for (let k = 0; k * CHUNK_SIZE < essays.length; k++) {
        const file = json(
          (h) => chunkFile(k, h),
          essays.slice(k * CHUNK_SIZE, (k + 1) * CHUNK_SIZE),
        );
        chunks.push(file.hash);
        out.push(file);
      }

      const related = relatedOf(
        {
          tags: essays.map((e) => e.tags.map(normalizeTerm)),
          themes: essays.map((e) => normalizeTerm(e.theme)),
        },
        memo !== undefined,
      );
      const bucketCount = Math.max(1, Math.ceil(essays.length / SLUGS_PER_BUCKET));
      const buckets: SlugBucket[] = Array.from({ length: bucketCount }, () => ({}));
      const threads: ThreadBucket[] = Array.from({ length: bucketCount }, () => ({}));
      const essayFiles: EssayFiles[] = [];
      essays.forEach((essay, id) => {
        const link = (j: number | undefined) =>
          j === undefined || !essays[j] ? null : linked(essays[j]!);
        const page: EssayPageFile = {
          essay,
          prev: link(id - 1),
          next: link(id + 1),
          related: related[id]!.related.map((j) => linked(essays[j]!)),
          more: related[id]!.more.map((j) => linked(essays[j]!)),
        };
        const file = lazyJson((h) => `${DATA_DIR}/pages/${essay.slug}.${h}.json`, page);
        out.push(file);
        essayFiles.push({ slug: essay.slug, page: file, body: built.bodies.get(essay.bodyPath)! });
        buckets[slugBucket(essay.slug, bucketCount)]![essay.slug] = [file.fileName, id];
        threads[slugBucket(essay.threadId, bucketCount)]![essay.threadId] = essay.slug;
      });
      const slugBuckets = hashesOf(buckets, bucketFile);
      const threadBuckets = hashesOf(threads, threadFile);

      const termData = archiveTerms(index);
      const terms = json((h) => `${DATA_DIR}/terms.${h}.json`, termData);
      const facets = json(
        (h) => `${DATA_DIR}/facets.${h}.json`,
        encodeFacets(essays, termData.tags, termData.themes),
      );
      const table = json((h) => `${DATA_DIR}/summaries.${h}.json`, chunks);
      out.push(terms, facets, table);

      // Each tag's and theme's own slice, for the first screen of its page.
      const lists = termListsOf(
        essays,
        termData.tags.map((t) => normalizeTerm(t.value)),
        termData.themes.map((t) => normalizeTerm(t.value)),
      );
      const listTable: TermListTable = {
        tags: hashesOf(lists.tags, tagListFile),
        themes: hashesOf(lists.themes, themeListFile),
      };
      const termLists = json((h) => `${DATA_DIR}/termlists.${h}.json`, listTable);
      out.push(termLists);

      let packTable = '';
      if (options.packs !== false) {
        const packed = packFiles(
          essayFiles,
          [...context.files, ...out],
          media,
          options.autoSaveBytes ?? DEFAULT_AUTO_SAVE_BYTES,
        );
        const table = json((h) => `${DATA_DIR}/packs.${h}.json`, packed.table);
        out.push(...packed.packs, table);
        packTable = table.fileName;
      }

      const manifest: ArchiveManifest = {
        version: ARCHIVE_VERSION,
        build: index.build,
        count: essays.length,
        chunkSize: CHUNK_SIZE,
        summaries: table.fileName,
        slugBuckets,
        threadBuckets,
        terms: terms.fileName,
        facets: facets.fileName,
        index: built.fileName,
        search: search.fileName,
        packs: packTable,
        termLists: termLists.fileName,
      };
      const manifestFile = json((h) => `${DATA_DIR}/manifest.${h}.json`, manifest);
      out.push(manifestFile);
      // The files as made: reading `source` of a page file or pack makes its text (lazyJson).
      return { files: out, built: { manifest: { fileName: manifestFile.fileName } } };
    },
  };
};

export const archiveEmitter = createArchiveEmitter();
