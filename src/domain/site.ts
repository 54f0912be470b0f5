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
  /** Absolute URL of the home page, ending with `/`. */
  url: string;
  /** The path the app is served from, starting and ending with `/`. */
  basePath: string;
}

export const SITE_DEFAULTS = {
  name: 'Essays',
  description: 'A library of essays: browse, search and read, online or off.',
  language: 'en',
  url: 'http://127.0.0.1:4173/',
} as const;

const withSlash = (s: string) => (s.endsWith('/') ? s : `${s}/`);

export function siteConfig(env: Readonly<Record<string, string | undefined>>): SiteConfig {
  const rawUrl = env.SITE_URL?.trim() || SITE_DEFAULTS.url;
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
  const basePath = env.BASE_PATH?.trim() ? withSlash(env.BASE_PATH.trim()) : url.pathname;
  if (!basePath.startsWith('/'))
    throw new Error(`BASE_PATH "${env.BASE_PATH}" must start with "/", like /essays/`);
  return {
    name: env.SITE_NAME?.trim() || SITE_DEFAULTS.name,
    description: SITE_DEFAULTS.description,
    language: SITE_DEFAULTS.language,
    url: url.href,
    basePath,
  };
}

/** Absolute URL of an app path (`/essays/x`) on the published site. */
export function absoluteUrl(site: Pick<SiteConfig, 'url'>, path: string): string {
  return new URL(path.replace(/^\//, ''), site.url).href;
}
