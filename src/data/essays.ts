import { manifestPath } from 'virtual:essay-data';
import {
  bucketFile,
  chunkFile,
  chunkOf,
  slugBucket,
  threadFile,
  type ArchiveManifest,
  type ArchiveTerms,
  type EssayPage,
  type EssayPageFile,
  type SlugBucket,
  type ThreadBucket,
} from '../domain/archive';
import type { EssayBody, EssayIndex, EssaySummary } from '../domain/essay';
import { dataUrl } from '../paths';
import type { ArchiveFacets } from '../domain/facets';
import { tagListFile, themeListFile, type TermList, type TermListTable } from '../domain/termLists';
import { catalogFromFacets, type Catalog } from './catalog';

/**
 * Typed access to the JSON the pipeline emitted, in the pieces a page needs
 * (docs/decisions/0011-archive-at-scale.md): the manifest, one essay's page file and body,
 * chunks of summaries, the terms, and for filtering and sorting the packed facets (a few bytes
 * an essay). Nothing a page needs loads every summary. Every file is content-hashed, so
 * each is fetched once per page load and never goes stale.
 */

export class DataLoadError extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'DataLoadError';
  }
}

/**
 * At build time, prerendering reads the pipeline's files (parsed) instead of a network:
 * `undefined` for a file the build does not have.
 */
type FileReader = (fileName: string) => unknown;
let provided: FileReader | null = null;
const loaded = new Map<string, Promise<unknown>>();

async function fetchJson<T>(url: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new DataLoadError(
      'The network is unreachable and this part of the archive is not saved yet.',
      url,
    );
  }
  if (!response.ok) throw new DataLoadError(`The server answered ${response.status}.`, url);
  try {
    return (await response.json()) as T;
  } catch {
    throw new DataLoadError('The data arrived damaged.', url);
  }
}

/** One emitted file (a path relative to the site base), loaded once. */
function loadFile<T>(fileName: string): Promise<T> {
  if (provided) {
    const value = provided(fileName);
    return value === undefined
      ? Promise.reject(new DataLoadError('No such file in this build.', fileName))
      : Promise.resolve(value as T);
  }
  let promise = loaded.get(fileName);
  if (!promise) {
    promise = fetchJson<T>(dataUrl(fileName));
    // A failure is not remembered: a later navigation (back online) tries again.
    promise.catch(() => loaded.delete(fileName));
    loaded.set(fileName, promise);
  }
  return promise as Promise<T>;
}

/** For prerendering: reads an emitted data file, parsed, by its name. */
export function provideFiles(read: FileReader): void {
  provided = read;
}

export function loadManifest(): Promise<ArchiveManifest> {
  return loadFile<ArchiveManifest>(manifestPath);
}

/** An essay's page file (summary, neighbours, related), or null for an unknown slug. */
export async function loadEssayPage(slug: string): Promise<EssayPage | null> {
  const manifest = await loadManifest();
  const b = slugBucket(slug, manifest.slugBuckets.length);
  const bucket = await loadFile<SlugBucket>(bucketFile(b, manifest.slugBuckets[b]!));
  const entry = Object.hasOwn(bucket, slug) ? bucket[slug] : undefined;
  if (!entry) return null;
  const [pageFile, id] = entry;
  return { ...(await loadFile<EssayPageFile>(pageFile)), id };
}

/** The slug an essay has in this build, by its thread id (its lasting identity); null if none. */
export async function slugOfThread(threadId: string): Promise<string | null> {
  const { threadBuckets } = await loadManifest();
  const b = slugBucket(threadId, threadBuckets.length);
  const bucket = await loadFile<ThreadBucket>(threadFile(b, threadBuckets[b]!));
  return Object.hasOwn(bucket, threadId) ? bucket[threadId]! : null;
}

/** Summaries of essays `ids` (newest-first numbers), in the order asked. */
export async function loadSummaries(ids: readonly number[]): Promise<EssaySummary[]> {
  const manifest = await loadManifest();
  const table = await loadFile<string[]>(manifest.summaries);
  const wanted = [...new Set(ids.map((id) => chunkOf(id, manifest.chunkSize)))];
  const chunks = new Map(
    await Promise.all(
      wanted
        .filter((k) => k < table.length)
        .map(async (k) => [k, await loadFile<EssaySummary[]>(chunkFile(k, table[k]!))] as const),
    ),
  );
  return ids.flatMap((id) => {
    const essay = chunks.get(chunkOf(id, manifest.chunkSize))?.[id % manifest.chunkSize];
    return essay ? [essay] : [];
  });
}

/** A tag's or theme's own list (`index`: its place in the terms file). */
export async function loadTermList(kind: 'tag' | 'theme', index: number): Promise<TermList> {
  const table = await loadFile<TermListTable>((await loadManifest()).termLists);
  const hash = (kind === 'tag' ? table.tags : table.themes)[index];
  if (hash === undefined) throw new DataLoadError('No such list in this build.', String(index));
  return loadFile<TermList>((kind === 'tag' ? tagListFile : themeListFile)(index, hash));
}

export async function loadTerms(): Promise<ArchiveTerms> {
  return loadFile<ArchiveTerms>((await loadManifest()).terms);
}

let catalogPromise: Promise<Catalog> | null = null;
let loadedCatalog: Catalog | null = null;

/** The catalog if it is already in memory (no load to wait for), else null. */
export const catalogInMemory = () => loadedCatalog;

/**
 * What filtering, sorting and faceting the whole archive need (the terms and the packed
 * facets, docs/decisions/0011-archive-at-scale.md): loaded on first use, once per page load.
 */
export function loadCatalog(): Promise<Catalog> {
  catalogPromise ??= loadManifest()
    .then((manifest) =>
      Promise.all([
        loadFile<ArchiveTerms>(manifest.terms),
        loadFile<ArchiveFacets>(manifest.facets),
      ]),
    )
    .then(
      ([terms, facets]) => (loadedCatalog = catalogFromFacets(terms, facets)),
      (e: unknown) => {
        catalogPromise = null; // let a later navigation try again
        throw e;
      },
    );
  return catalogPromise;
}

let indexPromise: Promise<EssayIndex> | null = null;

/**
 * Every summary at once, for the one view that compares a wrong address with every title
 * (the not-found page's suggestions), after it has painted.
 */
export function loadWholeIndex(): Promise<EssayIndex> {
  indexPromise ??= loadManifest()
    .then((manifest) => loadFile<EssayIndex>(manifest.index))
    .catch((e: unknown) => {
      indexPromise = null;
      throw e;
    });
  return indexPromise;
}

export function loadBody(summary: EssaySummary): Promise<EssayBody> {
  return loadFile<EssayBody>(summary.bodyPath);
}
