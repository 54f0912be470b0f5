/**
 * Names shared by the service worker and the page: the cache that holds the saved archive
 * (essay bodies, page files, summary chunks, slug buckets), and how to recognise one of its
 * files (content-hashed, so a cached copy never goes stale).
 */
export const BODY_CACHE = 'essay-bodies-v1';

export function isSavedPath(pathname: string): boolean {
  return /\/data\/(?:essays|pages|summaries|slugs)\/[^/]+\.[0-9a-f]{10}\.json$/.test(pathname);
}
