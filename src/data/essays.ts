import { indexPath } from 'virtual:essay-data';
import type { EssayBody, EssayIndex, EssaySlug, EssaySummary } from '../domain/essay';
import { dataUrl } from '../paths';

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

let indexPromise: Promise<EssayIndex> | null = null;

export function loadIndex(): Promise<EssayIndex> {
  indexPromise ??= fetchJson<EssayIndex>(dataUrl(indexPath)).catch((e: unknown) => {
    indexPromise = null; // let a later navigation try again
    throw e;
  });
  return indexPromise;
}

export function loadBody(summary: EssaySummary): Promise<EssayBody> {
  return fetchJson<EssayBody>(dataUrl(summary.bodyPath));
}

export function getEssay(index: EssayIndex, slug: string): EssaySummary | undefined {
  return index.essays.find((e) => e.slug === (slug as EssaySlug));
}
