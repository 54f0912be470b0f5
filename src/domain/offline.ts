/**
 * Names shared by the service worker and the page: the cache that holds the saved archive
 * (essay bodies, page files, summary chunks, slug buckets, search shards), and how to recognise one of its
 * files (content-hashed, so a cached copy never goes stale).
 */
export const BODY_CACHE = 'essay-bodies-v1';

export function isSavedPath(pathname: string): boolean {
  return /\/data\/(?:essays|pages|summaries|slugs|words|postings)\/[^/]+\.[0-9a-f]{10}\.json$/.test(
    pathname,
  );
}
