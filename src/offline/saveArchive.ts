import { BODY_CACHE } from '../domain/offline';

/**
 * Saves every essay body into the offline cache, a few at a time, skipping those already
 * saved, and reports progress. Bodies that the current index no longer names (removed or
 * changed essays) are reclaimed first, whether or not this save completes. A body that
 * cannot be fetched is counted as failed, never as saved: the footer says "available
 * offline" only when every essay is. Storage quota errors stop the save with a clear reason.
 */

export interface SaveProgress {
  saved: number;
  total: number;
  bytes: number;
  /** Bodies the server did not give (an error status, not JSON, a dropped request). */
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
  urls: readonly string[],
  onProgress: (p: SaveProgress) => void,
  signal?: AbortSignal,
  /** Awaited before each fetch: lets the caller hold the save while the reader is busy. */
  beforeEach: () => Promise<void> = () => Promise.resolve(),
): Promise<SaveProgress> {
  const cache = await caches.open(BODY_CACHE);
  const wanted = new Set(urls.map((u) => new URL(u, location.href).href));
  const progress: SaveProgress = { saved: 0, total: wanted.size, bytes: 0, failed: 0 };

  const existing = new Set<string>();
  for (const request of await cache.keys()) {
    if (wanted.has(request.url)) existing.add(request.url);
    else await cache.delete(request); // no current essay points to it
  }
  const missing: string[] = [];
  for (const url of wanted) {
    if (existing.has(url)) progress.saved++;
    else missing.push(url);
  }
  onProgress({ ...progress });

  let next = 0;
  let failure: unknown = null;
  async function worker() {
    while (next < missing.length && !failure && !signal?.aborted) {
      await beforeEach();
      if (next >= missing.length) break;
      const url = missing[next++]!;
      try {
        const response = await fetch(url);
        if (!isBody(response)) {
          progress.failed++;
          onProgress({ ...progress });
          continue;
        }
        const blob = await response.blob();
        await cache.put(url, new Response(blob, { headers: response.headers }));
        progress.saved++;
        progress.bytes += blob.size;
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
