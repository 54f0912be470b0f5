import {
  absoluteUrl,
  isPublished,
  type PublishedSite,
  type SiteConfig,
} from '../../domain/site.ts';
import { paths } from '../../paths.ts';
import type { Emitter, OutputFile } from './context.ts';
import { escapeXml as xml } from './escapeXml.ts';
import type { FinalEssay } from '../derive/records.ts';
import { sitePages } from './sitePages.ts';

/**
 * Publishing files for readers and crawlers outside the app: an Atom feed of the newest
 * essays, a sitemap of every page, and robots.txt pointing at it. Absolute URLs come from
 * the site config (docs/decisions/0008-publishing-and-budgets.md).
 */

export const FEED_SIZE = 50;

/** The essay's day as a timestamp: noon UTC, so no time zone moves it to another day. */
const stamp = (iso: string) => `${iso}T12:00:00Z`;

export function atomFeed(site: PublishedSite, essays: readonly FinalEssay[]): string {
  const newest = essays.slice(0, FEED_SIZE);
  const home = site.url;
  const updated = newest[0] ? stamp(newest[0].date.iso) : '1970-01-01T00:00:00Z';
  const entries = newest.map((e) => {
    const url = absoluteUrl(site, paths.essay.build(e.slug));
    return `  <entry>
    <title>${xml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(url)}"/>
    <id>${xml(url)}</id>
    <published>${stamp(e.date.iso)}</published>
    <updated>${stamp(e.updated ?? e.date.iso)}</updated>
    <summary>${xml(e.description)}</summary>
${[e.theme, ...e.tags].map((t) => `    <category term="${xml(t)}"/>`).join('\n')}
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(site.language)}">
  <title>${xml(site.name)}</title>
  <subtitle>${xml(site.description)}</subtitle>
  <link rel="alternate" type="text/html" href="${xml(home)}"/>
  <link rel="self" type="application/atom+xml" href="${xml(absoluteUrl(site, '/feed.xml'))}"/>
  <id>${xml(home)}</id>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
}

export function sitemap(site: PublishedSite, essays: readonly FinalEssay[]): string {
  const urls = sitePages(essays);
  const body = urls
    .map(
      (u) =>
        `  <url><loc>${xml(absoluteUrl(site, u.path))}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}
</urlset>
`;
}

export function robots(site: SiteConfig): string {
  const rules = 'User-agent: *\nAllow: /\n';
  return isPublished(site) ? `${rules}\nSitemap: ${absoluteUrl(site, '/sitemap.xml')}\n` : rules;
}

export function publishEmitter(site: SiteConfig): Emitter {
  return {
    name: 'publish',
    emit({ essays }) {
      const files: OutputFile[] = [{ fileName: 'robots.txt', source: robots(site) }];
      if (!isPublished(site)) return { files }; // the build says so once (NO_SITE_URL_NOTE)
      return {
        files: [
          { fileName: 'feed.xml', source: atomFeed(site, essays) },
          { fileName: 'sitemap.xml', source: sitemap(site, essays) },
          ...files,
        ],
      };
    },
  };
}
