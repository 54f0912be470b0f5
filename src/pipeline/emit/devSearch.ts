import { needs, type Emitter, type OutputFile } from './context.ts';
import { createMemo, endRun, type PipelineMemo } from '../memo.ts';
import { buildSearchIndex, SEARCH_INDEX_PREFIX, shardedSearchFiles } from './search.ts';

/**
 * The search index under `vite dev`, built when the browser first asks for one of its files
 * rather than on every save: it is the largest part of a rebuild (about 2 s at 10,000
 * essays), and most edits are read, not searched, before the next. Its manifest is named by
 * the run, not by its content (unknown until built); the dev server runs no service worker,
 * which is what content names are for. Its own memo keeps each essay's search terms across
 * runs that built no index.
 */
export interface DevSearch extends Emitter {
  /** A search file of the latest run (building the index if this is the first asked for). */
  file(fileName: string): OutputFile | undefined;
}

export function devSearchEmitter(): DevSearch {
  let run = 0;
  let latest: (() => Map<string, OutputFile>) | null = null;
  const memo: PipelineMemo = createMemo();
  return {
    name: 'search-index (dev, built on request)',
    emit(context) {
      run++;
      const { essays } = context;
      const { build } = needs(context, 'index', 'search-index (dev)').value;
      let built: Map<string, OutputFile> | null = null;
      const files = () => {
        if (!built) {
          const made = shardedSearchFiles(buildSearchIndex(essays, build, memo));
          endRun(memo);
          built = new Map(made.map((o) => [o.fileName, o]));
        }
        return built;
      };
      latest = files;
      const name = `${SEARCH_INDEX_PREFIX}${run.toString(16).padStart(10, '0')}.json`;
      const manifest = () =>
        [...files().values()].find((o) => o.fileName.startsWith(SEARCH_INDEX_PREFIX))!;
      const lazyManifest: OutputFile = {
        fileName: name,
        get source() {
          return manifest().source;
        },
      };
      return { files: [lazyManifest], built: { search: { fileName: name } } };
    },
    file(fileName) {
      if (!/^data\/(?:words|tails|postings)\//.test(fileName)) return undefined;
      return latest?.().get(fileName);
    },
  };
}
