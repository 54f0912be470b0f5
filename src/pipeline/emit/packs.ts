import {
  encodePack,
  essayPackCount,
  essayPackOf,
  PACK_VERSION,
  SHARED_PACK_BYTES,
  type PackTable,
} from '../../domain/packs.ts';
import type { OutputFile } from './context.ts';
import { contentHash, DATA_DIR, lazyFile } from './emitter.ts';
import type { MediaFile } from '../derive/records.ts';

/**
 * Bundles what a reader needs offline into packs (src/domain/packs.ts): each essay's page
 * file and body into the essay pack its slug hashes to, and the summary chunks, slug buckets
 * and search shards into shared packs cut near SHARED_PACK_BYTES. Returns the packs and their
 * table; the files themselves are still written one by one for pages to load. Images are
 * listed, not packed: they are binary, often large, and served and cached as they are.
 */

export interface EssayFiles {
  slug: string;
  page: OutputFile;
  body: OutputFile;
}

const SHARED_FILE = /^data\/(?:summaries|slugs|threads|words|tails|postings|tags|themes)\//;

export function packFiles(
  essays: readonly EssayFiles[],
  outputs: readonly OutputFile[],
  media: readonly MediaFile[],
  autoSaveBytes: number,
): { packs: OutputFile[]; table: PackTable } {
  const packs: OutputFile[] = [];
  const write = (name: string, members: OutputFile[]) => {
    const source = encodePack(members);
    const fileName = `${DATA_DIR}/packs/${name}.${contentHash(source)}.pack`;
    // Made again when written: all packs together are the whole archive (lazyFile).
    packs.push(lazyFile(fileName, () => encodePack(members)));
    return { file: fileName, bytes: Buffer.byteLength(source) };
  };

  const count = essayPackCount(essays.length);
  const groups: EssayFiles[][] = Array.from({ length: count }, () => []);
  for (const e of essays) groups[essayPackOf(e.slug, count)]!.push(e);
  const essayPacks = groups.map((group, k) => ({
    ...write(
      `e${k}`,
      group.flatMap((e) => [e.page, e.body]),
    ),
    essays: group.length,
  }));

  const sharedPacks: PackTable['shared'] = [];
  let run: OutputFile[] = [];
  let runBytes = 0;
  const flush = () => {
    if (run.length === 0) return;
    sharedPacks.push({
      ...write(`s${sharedPacks.length}`, run),
      files: run.map((f) => f.fileName),
    });
    run = [];
    runBytes = 0;
  };
  for (const file of outputs) {
    if (!SHARED_FILE.test(file.fileName)) continue;
    run.push(file);
    runBytes += file.source.length; // shared files are small, and held as text
    if (runBytes >= SHARED_PACK_BYTES) flush();
  }
  flush();

  const images = media.map((m) => ({ file: m.fileName, bytes: m.bytes }));
  const bytes = [...essayPacks, ...sharedPacks, ...images].reduce((sum, p) => sum + p.bytes, 0);
  return {
    packs,
    table: {
      version: PACK_VERSION,
      essays: essayPacks,
      shared: sharedPacks,
      media: images,
      bytes,
      autoSaveBytes,
    },
  };
}
