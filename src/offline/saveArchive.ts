import { bucketFile, chunkFile, type ArchiveManifest, type SlugBucket } from '../domain/archive';
import type { EssayIndex } from '../domain/essay';
import { BODY_CACHE } from '../domain/offline';
import type { SearchManifest } from '../domain/searchShards';

/**
 * Every file a reader needs offline besides what the service worker precaches (the shell,
 * the manifest, the terms, the facets, the chunk table, the index and the search manifest):
 * summary chunks, slug buckets, search shards, each essay's page file and body. Found from the manifest, its buckets and the index, here
 * (in the save worker) rather than on the page.
 */
export async function archiveFiles(manifest: ArchiveManifest, base: string): Promise<SaveUnit[]> {
  const url = (fileName: string) => new URL(fileName, base).href;
  const json = async <T>(fileName: string): Promise<T> => {
    const response = await fetch(url(fileName));
    if (!response.ok) throw new Error(`${fileName} answered ${response.status}`);
    return (await response.json()) as T;
  };
  const buckets = manifest.slugBuckets.map((hash, b) => bucketFile(b, hash));
  const [index, chunks, search, ...bucketData] = await Promise.all([
    json<EssayIndex>(manifest.index),
    json<string[]>(manifest.summaries),
    json<SearchManifest>(manifest.search),
    ...buckets.map((b) => json<SlugBucket>(b)),
  ]);
  const pageOf = new Map(bucketData.flatMap((bucket) => Object.entries(bucket)));
  const shared = [
    ...chunks.map((hash, k) => chunkFile(k, hash)),
    ...buckets,
    ...search.words.map((w) => w.file),
    ...search.postingsFiles,
  ];
  return [
    ...shared.map((f) => ({ urls: [url(f)], essay: false })),
    ...index.essays.map((e) => ({
      urls: [url(pageOf.get(e.slug)!), url(e.bodyPath)],
      essay: true,
    })),
  ];
}

/** Files saved together: an essay (its page file and body), or a shared piece. */
export interface SaveUnit {
  urls: string[];
  /** Counted as an essay in the progress the reader sees. */
  essay: boolean;
}

/**
 * Saves every essay body into the offline cache, a few at a time, skipping those already
 * saved, and reports progress. Bodies that the current index no longer names (removed or
 * changed essays) are reclaimed first, whether or not this save completes. A body that
 * cannot be fetched is counted as failed, never as saved: the footer says "available
 * offline" only when every essay is. Storage quota errors stop the save with a clear reason.
 */

/** Counted in essays; `failed` also counts shared pieces that could not be fetched. */
export interface SaveProgress {
  saved: number;
  total: number;
  bytes: number;
  /** Essays (or shared pieces) the server did not give (an error status, not JSON, a drop). */
  failed: number;
}

export class QuotaError extends Error {
  constructor() {
    super('This device has no room left to save the archive for offline reading.');
    this.name = 'QuotaError';
  }
}

const CONCURRENCY = 4;

/** A body response worth keeping: a static host may answer a missing file with its HTML page. */
function isBody(response: Response): boolean {
  return response.ok && (response.headers.get('content-type') ?? '').includes('json');
}

export async function saveArchive(
  units: readonly SaveUnit[],
  onProgress: (p: SaveProgress) => void,
  signal?: AbortSignal,
  /** Awaited before each fetch: lets the caller hold the save while the reader is busy. */
  beforeEach: () => Promise<void> = () => Promise.resolve(),
): Promise<SaveProgress> {
  const cache = await caches.open(BODY_CACHE);
  const wanted = new Set(units.flatMap((u) => u.urls));
  const progress: SaveProgress = {
    saved: 0,
    total: units.filter((u) => u.essay).length,
    bytes: 0,
    failed: 0,
  };

  const existing = new Set<string>();
  for (const request of await cache.keys()) {
    if (wanted.has(request.url)) existing.add(request.url);
    else await cache.delete(request); // no current essay points to it
  }
  const missing: SaveUnit[] = [];
  for (const unit of units) {
    const rest = unit.urls.filter((u) => !existing.has(u));
    if (rest.length > 0) missing.push({ ...unit, urls: rest });
    else if (unit.essay) progress.saved++;
  }
  onProgress({ ...progress });

  let next = 0;
  let failure: unknown = null;
  async function worker() {
    while (next < missing.length && !failure && !signal?.aborted) {
      await beforeEach();
      if (next >= missing.length) break;
      const unit = missing[next++]!;
      try {
        let complete = true;
        for (const url of unit.urls) {
          const response = await fetch(url);
          if (!isBody(response)) {
            complete = false;
            continue;
          }
          const blob = await response.blob();
          await cache.put(url, new Response(blob, { headers: response.headers }));
          progress.bytes += blob.size;
        }
        if (!complete) progress.failed++;
        else if (unit.essay) progress.saved++;
        onProgress({ ...progress });
      } catch (e) {
        if (e instanceof DOMException && e.name === 'QuotaExceededError')
          failure = new QuotaError();
        else if (!navigator.onLine)
          failure = new Error('The connection dropped; saving resumes when it is back.');
        else {
          progress.failed++;
          onProgress({ ...progress });
        }
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (failure) throw failure;
  return progress;
}

/** What the saved bodies take, from the Storage API where the browser offers it. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  try {
    const e = await navigator.storage?.estimate?.();
    return e && typeof e.usage === 'number' && typeof e.quota === 'number'
      ? { usage: e.usage, quota: e.quota }
      : null;
  } catch {
    return null;
  }
}

/**
 * Asks the browser to keep the saved archive when space runs low (it may say no, e.g. for a
 * site that is not installed or bookmarked); the answer is shown in the footer.
 */
export async function persistStorage(): Promise<boolean> {
  try {
    return (
      (await navigator.storage?.persisted?.()) || ((await navigator.storage?.persist?.()) ?? false)
    );
  } catch {
    return false;
  }
}
