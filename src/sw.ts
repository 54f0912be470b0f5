/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { BODY_CACHE, isSavedPath } from './domain/offline';
import { isAppPath } from './paths';

/**
 * The service worker, kept tiny. Precached (content-hashed): the app shell, the essay index
 * and the search index. Essay bodies live in their own cache, filled in the background by
 * the page (src/offline/saveArchive.ts) and on demand here, so a big archive never holds up
 * installation. Every navigation gets the cached app shell, so deep links open offline.
 */
declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

precacheAndRoute(self.__WB_MANIFEST);
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

registerRoute(
  ({ url, request }) =>
    request.method === 'GET' && url.origin === self.location.origin && isSavedPath(url.pathname),
  async ({ request }) => {
    const cache = await caches.open(BODY_CACHE);
    const saved = await cache.match(request);
    if (saved) return saved;
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
