/**
 * Names shared by the service worker and the page: the cache that holds the saved archive
 * (its packs, and files saved one by one as they were opened: essay bodies, page files,
 * summary chunks, slug buckets, search shards, tag and theme lists), and how to recognise
 * one of those files
 * (content-hashed, so a cached copy never goes stale).
 */
export const BODY_CACHE = 'essay-bodies-v1';

export function isSavedPath(pathname: string): boolean {
  return /\/data\/(?:essays|pages|summaries|slugs|threads|words|tails|postings|tags|themes)\/[^/]+\.[0-9a-f]{10}\.json$/.test(
    pathname,
  );
}

/**
 * An image an essay embeds, copied into the build under its content hash
 * (src/pipeline/derive/links.ts): saved in the same cache, as it is, when saved or first shown.
 */
export function isMediaPath(pathname: string): boolean {
  return /\/media\/[^/]+\.[0-9a-f]{10}\.[a-z0-9]+$/.test(pathname);
}

/** Whether an answer for an image is one: a static host may answer a missing file with its HTML page. */
export function isImageResponse(response: Response): boolean {
  return response.ok && (response.headers.get('content-type')?.startsWith('image/') ?? false);
}

/** The site-relative name (`data/pages/x.<h>.json`) of a saved file's URL; null for others. */
export function savedFileName(url: string, basePath: string): string | null {
  const { pathname } = new URL(url);
  if (!isSavedPath(pathname) || !pathname.startsWith(basePath)) return null;
  try {
    return decodeURIComponent(pathname.slice(basePath.length));
  } catch {
    return null;
  }
}
