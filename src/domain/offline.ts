/**
 * Names shared by the service worker and the page: the cache that holds saved essay bodies,
 * and how to recognise a body URL (content-hashed, so a cached copy never goes stale).
 */
export const BODY_CACHE = 'essay-bodies-v1';

export function isBodyPath(pathname: string): boolean {
  return /\/data\/essays\/[^/]+\.[0-9a-f]{10}\.json$/.test(pathname);
}
