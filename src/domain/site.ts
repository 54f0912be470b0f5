/**
 * The site's identity, in one place: its name, what it is, and where it is published.
 * Build-time settings come from the environment so one checkout can publish to several
 * places: SITE_URL is the absolute address of the site's home (canonical URLs, feeds and the
 * sitemap use it); its path is the base path the app is served from, unless BASE_PATH says
 * otherwise (e.g. a preview under another folder of the same host).
 */
export interface SiteConfig {
  name: string;
  description: string;
  language: string;
  /**
   * Absolute URL of the home page, ending with `/`; null when SITE_URL is not set. Without
   * it the site has no canonical address: pages carry no canonical or `og:url` link, and the
   * feed and sitemap (which need absolute URLs) are not written. Never a made-up host.
   */
  url: string | null;
  /** The path the app is served from, starting and ending with `/`. */
  basePath: string;
}

export const SITE_DEFAULTS = {
  name: 'Essays',
  description: 'A library of essays: browse, search and read, online or off.',
  language: 'en',
} as const;

/** A site whose address is known: what feeds and sitemaps need. */
export type PublishedSite = SiteConfig & { url: string };

export const isPublished = (site: SiteConfig): site is PublishedSite => site.url !== null;

const withSlash = (s: string) => (s.endsWith('/') ? s : `${s}/`);

export function siteConfig(env: Readonly<Record<string, string | undefined>>): SiteConfig {
  const rawUrl = env.SITE_URL?.trim();
  const basePathOverride = env.BASE_PATH?.trim() ? withSlash(env.BASE_PATH.trim()) : null;
  if (basePathOverride && !basePathOverride.startsWith('/'))
    throw new Error(`BASE_PATH "${env.BASE_PATH}" must start with "/", like /essays/`);
  const common = {
    name: env.SITE_NAME?.trim() || SITE_DEFAULTS.name,
    description: SITE_DEFAULTS.description,
    language: env.SITE_LANG?.trim() || SITE_DEFAULTS.language,
  };
  if (!rawUrl) return { ...common, url: null, basePath: basePathOverride ?? '/' };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new Error(`SITE_URL "${rawUrl}" is not an absolute URL like https://example.org/essays/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`SITE_URL "${rawUrl}" must start with https:// or http://`);
  url.search = '';
  url.hash = '';
  url.pathname = withSlash(url.pathname);
  return { ...common, url: url.href, basePath: basePathOverride ?? url.pathname };
}

/** Absolute URL of an app path (`/essays/x`) on the published site. */
export function absoluteUrl(site: { url: string }, path: string): string {
  return new URL(path.replace(/^\//, ''), site.url).href;
}

/** What the build says once when SITE_URL is missing. */
export const NO_SITE_URL_NOTE =
  'SITE_URL is not set: pages carry no canonical or og:url link, and feed.xml and sitemap.xml are not written (they need absolute URLs). Set SITE_URL=https://your.site/ to publish them.';
