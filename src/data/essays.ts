import { indexPath } from 'virtual:essay-data';
import type { EssayBody, EssayIndex, EssaySlug, EssaySummary } from '../domain/essay';
import { normalizeTerm } from '../domain/slugs';
import { dataUrl } from '../paths';
import { buildCatalog, type Catalog } from './catalog';

/**
 * Typed access to the JSON the pipeline emitted. The index is fetched once per page load;
 * bodies are fetched when an essay opens. Both are content-hashed, so they never go stale.
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

export interface Library {
  index: EssayIndex;
  catalog: Catalog;
}

let libraryPromise: Promise<Library> | null = null;
let provided: { index: EssayIndex; bodies: ReadonlyMap<string, EssayBody> } | null = null;

/**
 * At build time, prerendering reads the pipeline's output directly instead of fetching it:
 * the same loaders then run on the server as in the browser.
 */
export function provideData(index: EssayIndex, bodies: ReadonlyMap<string, EssayBody>): void {
  provided = { index, bodies };
  libraryPromise = Promise.resolve({ index, catalog: buildCatalog(index.essays) });
}

/** The index and its browsing catalog, loaded and built once per page load. */
export function loadLibrary(): Promise<Library> {
  libraryPromise ??= fetchJson<EssayIndex>(dataUrl(indexPath)).then(
    (index) => ({ index, catalog: buildCatalog(index.essays) }),
    (e: unknown) => {
      libraryPromise = null; // let a later navigation try again
      throw e;
    },
  );
  return libraryPromise;
}

export function loadBody(summary: EssaySummary): Promise<EssayBody> {
  const body = provided?.bodies.get(summary.slug);
  if (body) return Promise.resolve(body);
  return fetchJson<EssayBody>(dataUrl(summary.bodyPath));
}

export function getEssay(index: EssayIndex, slug: string): EssaySummary | undefined {
  return index.essays.find((e) => e.slug === (slug as EssaySlug));
}

export function getEssayByThread(index: EssayIndex, threadId: string): EssaySummary | undefined {
  return index.essays.find((e) => e.threadId === threadId);
}

export function getEssaysByTag(library: Library, tag: string): EssaySummary[] {
  const key = normalizeTerm(tag);
  return library.index.essays.filter((_, i) => library.catalog.tagKeys[i]!.includes(key));
}

export function getEssaysByTheme(library: Library, theme: string): EssaySummary[] {
  const key = normalizeTerm(theme);
  return library.index.essays.filter((_, i) => library.catalog.themeKeys[i] === key);
}
