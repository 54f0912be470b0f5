/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  matchPrecache,
  precacheAndRoute,
} from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import {
  BODY_CACHE,
  isImageResponse,
  isMediaPath,
  isSavedPath,
  savedFileName,
} from './domain/offline';
import type { PackTable } from './domain/packs';
import { packReader, type PackReader } from './offline/packReader';
import { isAppPath } from './paths';

/**
 * The service worker, kept tiny. Precached (content-hashed): the app shell, the archive's
 * manifest and small shared files, the pack table. The archive itself lives in its own
 * cache, in packs saved in the background (src/offline/saveArchive.ts), and as single files
 * kept here as they are opened, so a big archive never holds up installation. Every
 * navigation gets the cached app shell, so deep links open offline.
 */
declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

const precached = self.__WB_MANIFEST;
precacheAndRoute(precached);
cleanupOutdatedCaches();
// The first visit is controlled at once, so it can go offline without a reload. Updates wait
// for the reader to accept them (SKIP_WAITING below).
clientsClaim();

// The unrendered shell: the page renders whatever URL it opens at (see prerenderPlugin.ts).
// Only for the app's own pages: `/feed.xml` or a linked PDF goes to the network.
const basePath = new URL(self.registration.scope).pathname.replace(/\/$/, '');
const shell = createHandlerBoundToURL('shell.html');
registerRoute(({ request, url }) => {
  if (request.mode !== 'navigate' || url.origin !== self.location.origin) return false;
  const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : '';
  return isAppPath(path || '/');
}, shell);

/** The saved packs of this build, read through its pack table (precached). */
let packs: Promise<PackReader | null> | null = null;
function savedPacks(): Promise<PackReader | null> {
  packs ??= (async () => {
    const entry = precached.find((e) =>
      /(?:^|\/)data\/packs\.[0-9a-f]{10}\.json$/.test(typeof e === 'string' ? e : e.url),
    );
    const response = entry && (await matchPrecache(typeof entry === 'string' ? entry : entry.url));
    if (!response) return null;
    const table = (await response.json()) as PackTable;
    return packReader(table, self.registration.scope, async (url) =>
      (await caches.open(BODY_CACHE)).match(url),
    );
  })().catch(() => null);
  return packs;
}

registerRoute(
  ({ url, request }) =>
    request.method === 'GET' && url.origin === self.location.origin && isSavedPath(url.pathname),
  async ({ request }) => {
    const cache = await caches.open(BODY_CACHE);
    const saved = await cache.match(request);
    if (saved) return saved;
    const name = savedFileName(request.url, new URL(self.registration.scope).pathname);
    const packed = name === null ? null : await (await savedPacks())?.read(name);
    if (packed != null)
      return new Response(packed, {
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
    const response = await fetch(request);
    // A static host may answer a missing file with its HTML page: only JSON is a body.
    if (response.ok && response.headers.get('content-type')?.includes('json'))
      await cache.put(request, response.clone()).catch(() => undefined);
    return response;
  },
);

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Images essays embed: kept as they are shown, and all of them when the archive is saved, so
// an essay read offline has its pictures. Named by their hash, so a kept copy is never stale.
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' && url.origin === self.location.origin && isMediaPath(url.pathname),
  async ({ request }) => {
    const cache = await caches.open(BODY_CACHE);
    const saved = await cache.match(request.url);
    if (saved) return saved;
    const response = await fetch(request);
    if (isImageResponse(response))
      await cache.put(request.url, response.clone()).catch(() => undefined);
    return response;
  },
);
