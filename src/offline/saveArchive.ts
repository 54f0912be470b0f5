import { BODY_CACHE, isImageResponse, isMediaPath, savedFileName } from '../domain/offline';
import { decodePack, packFile, packLocator, type PackTable } from '../domain/packs';
import { CONNECTION_DROPPED, QuotaError, type SaveProgress } from './saveState';

/**
 * Saves the archive for offline reading in packs (docs/decisions/0012-offline-packs.md): a
 * few hundred requests however many essays there are, each pack stored whole (the service
 * worker slices files out of it). Packs an older build made are reclaimed first, whether or
 * not this save completes; a file saved on its own (an essay opened before its pack arrived)
 * is dropped once its pack is saved, or at once when no current pack could hold it. The
 * images essays embed are saved after the packs, one request each, as they are; an older
 * build's images are reclaimed too. A pack or image that cannot be fetched is counted as
 * failed, never as saved. Storage quota errors stop the save with a clear reason.
 */

const CONCURRENCY = 3;
const PACK_PATH = /\/data\/packs\/[^/]+\.pack$/;

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
  const images = new Map(table.media.map((m) => [url(m.file), m.bytes]));
  const savedImages = new Set<string>();
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
    const { pathname } = new URL(request.url);
    if (PACK_PATH.test(pathname)) {
      if (current.has(request.url)) savedPacks.add(request.url);
      else await cache.delete(request); // an older build's
      continue;
    }
    if (isMediaPath(pathname)) {
      if (images.has(request.url)) savedImages.add(request.url);
      else await cache.delete(request); // no essay of this build shows it
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
  const missingImages = [...images].filter(([image]) => !savedImages.has(image));
  onProgress({ ...progress });

  let failure: unknown = null;
  /**
   * Saves `items`, CONCURRENCY at a time. A full disk or a dropped connection stops the whole
   * save; any other failure counts one part as failed and the save goes on.
   */
  async function inTurn<T>(items: readonly T[], saveOne: (item: T) => Promise<boolean>) {
    let next = 0;
    const worker = async () => {
      while (next < items.length && !failure && !signal?.aborted) {
        await beforeEach();
        if (next >= items.length) break;
        const item = items[next++]!;
        let saved = false;
        try {
          saved = await saveOne(item);
        } catch (e) {
          if (e instanceof DOMException && e.name === 'QuotaExceededError')
            failure = new QuotaError();
          else if (!navigator.onLine) failure = new Error(CONNECTION_DROPPED);
          if (failure) return;
        }
        if (!saved) progress.failed++;
        onProgress({ ...progress });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }

  await inTurn(missing, async (pack) => {
    const response = await fetch(pack.url);
    // A static host may answer a missing file with its HTML page and a 200.
    const text = response.ok ? await response.text() : '';
    if (!decodePack(text)) return false;
    await cache.put(
      pack.url,
      new Response(text, { headers: { 'content-type': 'application/octet-stream' } }),
    );
    // Counted as saved once it can be read back: WebKit resolved the put of a worker that
    // was ended just after, and the pack was never kept (tests/engines).
    if (!(await cache.match(pack.url))) return false;
    savedPacks.add(pack.url);
    await reclaimSingles(pack.url);
    progress.bytes += text.length;
    progress.saved += pack.essays;
    return true;
  });
  // The images after the packs: the text of every essay comes before any picture.
  await inTurn(missingImages, async ([image, bytes]) => {
    const response = await fetch(image);
    if (!isImageResponse(response)) return false;
    await cache.put(image, response);
    progress.bytes += bytes;
    return true;
  });
  if (failure) throw failure;
  return progress;
}
