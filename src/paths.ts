import type { EssaySlug } from './domain/essay.ts';
import { termSlug } from './domain/slugs.ts';

/**
 * Every URL the app builds, in one place. Route patterns and links both come from here,
 * so a renamed route cannot leave a dead link behind. Paths are relative to the router's
 * basename (the site's base path is added by the router, not here).
 */
export const paths = {
  home: { pattern: '/', build: () => '/' },
  essay: { pattern: '/essays/:slug', build: (slug: EssaySlug) => `/essays/${slug}` },
  tags: { pattern: '/tags', build: () => '/tags' },
  tag: {
    pattern: '/tags/:slug',
    build: (tag: string) => `/tags/${encodeURIComponent(termSlug(tag))}`,
  },
  themes: { pattern: '/themes', build: () => '/themes' },
  search: {
    pattern: '/search',
    build: (q: string, within?: { tag?: string; theme?: string }) => {
      const params = new URLSearchParams({ q });
      if (within?.tag) params.set('tag', termSlug(within.tag));
      if (within?.theme) params.set('theme', termSlug(within.theme));
      return `/search?${params.toString()}`;
    },
  },
  theme: {
    pattern: '/themes/:slug',
    build: (theme: string) => `/themes/${encodeURIComponent(termSlug(theme))}`,
  },
  /** Every highlight and note, across essays (src/routes/highlights.tsx). */
  highlights: { pattern: '/highlights', build: () => '/highlights' },
  /** Your reading data (export, import) and the EPUB books (src/routes/library.tsx). */
  library: { pattern: '/library', build: () => '/library' },
} as const;

/**
 * Whether a path (relative to the base path) is one of the app's pages, as opposed to a file
 * on the same site (`/feed.xml`, `/robots.txt`, a linked PDF). The service worker answers
 * only app pages with the app, and the in-app link handler routes only those; a file goes to
 * the network as it would without the app. Unknown paths without a file extension are app
 * pages too: the app shows its not-found view for them.
 */
export function isAppPath(rawPath: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    path = rawPath; // a malformed escape: judge it as written
  }
  if (/^\/(?:tags|themes)\/[^/]+$/.test(path)) return true; // term slugs may hold `.`
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

/** URL of a file emitted by the content pipeline, under the site's base path. */
export function dataUrl(fileName: string): string {
  return `${import.meta.env.BASE_URL}${fileName}`;
}

/**
 * A path as an `href` under the site's base path. Lists use plain anchors with these (the
 * layout routes their clicks client-side): a router `Link` per tag chip costs real time
 * when a filter change re-renders a page of cards.
 */
export function href(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}${path}`;
}
