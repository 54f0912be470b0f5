import { BODY_CACHE, savedFileName } from '../domain/offline';
import { decodePack, packFile, packLocator, type PackTable } from '../domain/packs';

/**
 * Saves the archive for offline reading in packs (docs/decisions/0012-offline-packs.md): a
 * few hundred requests however many essays there are, each pack stored whole (the service
 * worker slices files out of it). Packs an older build made are reclaimed first, whether or
 * not this save completes; a file saved on its own (an essay opened before its pack arrived)
 * is dropped once its pack is saved, or at once when no current pack could hold it. A pack
 * that cannot be fetched is counted as failed, never as saved. Storage quota errors stop the
 * save with a clear reason.
 */

/** Counted in essays; `failed` counts packs that could not be fetched. */
export interface SaveProgress {
  saved: number;
  total: number;
  bytes: number;
  /** Packs the server did not give (an error status, not a pack, a drop). */
  failed: number;
}

export class QuotaError extends Error {
  constructor() {
    super('This device has no room left to save the archive for offline reading.');
    this.name = 'QuotaError';
  }
}

export const CONNECTION_DROPPED = 'The connection dropped; saving resumes when it is back.';

const CONCURRENCY = 3;
const PACK_PATH = /\/data\/packs\/[^/]+\.pack$/;

/** Reads the pack table a build names (the save worker and the page both use it). */
export async function fetchPackTable(fileName: string, base: string): Promise<PackTable> {
  const response = await fetch(new URL(fileName, base).href);
  if (!response.ok) throw new Error(`${fileName} answered ${response.status}`);
  return (await response.json()) as PackTable;
}

export async function saveArchive(
  table: PackTable,
  base: string,
  onProgress: (p: SaveProgress) => void,
  signal?: AbortSignal,
  /** Awaited before each fetch: lets the caller hold the save while the reader is busy. */
  beforeEach: () => Promise<void> = () => Promise.resolve(),
): Promise<SaveProgress> {
  const url = (fileName: string) => new URL(fileName, base).href;
  const basePath = new URL(base).pathname;
  const cache = await caches.open(BODY_CACHE);
  const locate = packLocator(table);
  const packs = [
    ...table.shared.map((p) => ({ url: url(p.file), essays: 0 })),
    ...table.essays.map((p) => ({ url: url(p.file), essays: p.essays })),
  ];
  const current = new Set(packs.map((p) => p.url));
  const progress: SaveProgress = {
    saved: 0,
    total: table.essays.reduce((sum, p) => sum + p.essays, 0),
    bytes: 0,
    failed: 0,
  };

  const savedPacks = new Set<string>();
  /** Files saved one by one, with the pack that now holds them (null: none does). */
  const single = new Map<Request, string | null>();
  for (const request of await cache.keys()) {
    if (PACK_PATH.test(new URL(request.url).pathname)) {
      if (current.has(request.url)) savedPacks.add(request.url);
      else await cache.delete(request); // an older build's
      continue;
    }
    const name = savedFileName(request.url, basePath);
    const ref = name === null ? null : locate(name);
    single.set(request, ref ? url(packFile(ref, table)) : null);
  }
  const reclaimSingles = async (packUrl: string | null) => {
    for (const [request, holder] of single) {
      if (holder !== packUrl && !(holder !== null && savedPacks.has(holder))) continue;
      single.delete(request);
      await cache.delete(request);
    }
  };
  await reclaimSingles(null);

  const missing = packs.filter((p) => {
    if (!savedPacks.has(p.url)) return true;
    progress.saved += p.essays;
    return false;
  });
  onProgress({ ...progress });

  let next = 0;
  let failure: unknown = null;
  async function worker() {
    while (next < missing.length && !failure && !signal?.aborted) {
      await beforeEach();
      if (next >= missing.length) break;
      const pack = missing[next++]!;
      try {
        const response = await fetch(pack.url);
        // A static host may answer a missing file with its HTML page and a 200.
        const text = response.ok ? await response.text() : '';
        if (!decodePack(text)) {
          progress.failed++;
          onProgress({ ...progress });
          continue;
        }
        await cache.put(
          pack.url,
          new Response(text, { headers: { 'content-type': 'application/octet-stream' } }),
        );
        savedPacks.add(pack.url);
        await reclaimSingles(pack.url);
        progress.bytes += text.length;
        progress.saved += pack.essays;
        onProgress({ ...progress });
      } catch (e) {
        if (e instanceof DOMException && e.name === 'QuotaExceededError')
          failure = new QuotaError();
        else if (!navigator.onLine) failure = new Error(CONNECTION_DROPPED);
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
