import { BODY_CACHE } from '../domain/offline';

/**
 * Saves every essay body into the offline cache, a few at a time, skipping those already
 * saved, and reports progress. Bodies of older builds that the current index no longer
 * names are removed at the end. Storage quota errors stop the save with a clear reason.
 */

export interface SaveProgress {
  saved: number;
  total: number;
  bytes: number;
}

export class QuotaError extends Error {
  constructor() {
    super('This device has no room left to save the archive for offline reading.');
    this.name = 'QuotaError';
  }
}

const CONCURRENCY = 4;

export async function saveArchive(
  urls: readonly string[],
  onProgress: (p: SaveProgress) => void,
  signal?: AbortSignal,
  /** Awaited before each fetch: lets the caller hold the save while the reader is busy. */
  beforeEach: () => Promise<void> = () => Promise.resolve(),
): Promise<SaveProgress> {
  const cache = await caches.open(BODY_CACHE);
  const wanted = new Set(urls.map((u) => new URL(u, location.href).href));
  const progress: SaveProgress = { saved: 0, total: wanted.size, bytes: 0 };

  const existing = new Set((await cache.keys()).map((r) => r.url));
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
        if (!response.ok) continue; // a body missing on the server is reported by the reader, not here
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
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (failure) throw failure;

  // Only once everything current is saved: drop bodies that no current essay points to.
  if (progress.saved === progress.total) {
    for (const request of await cache.keys())
      if (!wanted.has(request.url)) await cache.delete(request);
  }
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
