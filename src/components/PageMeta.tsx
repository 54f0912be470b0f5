import { useLocation } from 'react-router';
import { site } from 'virtual:essay-data';
import { absoluteUrl } from '../domain/site';

/**
 * Per-page title, description, canonical URL and Open Graph tags; React 19 hoists these
 * into <head>. The canonical URL is the page's path on the published site (SITE_URL) without
 * its query: a filtered or paged list is the same page to a search engine.
 */
export const SITE_NAME = site.name;

export function PageMeta({
  title,
  description,
  article,
  noindex = false,
}: {
  title?: string;
  description?: string;
  /** For an essay: shared as an article, with its date. */
  article?: { published: string; tags: readonly string[] };
  /** Search results and error pages are not pages to index. */
  noindex?: boolean;
}) {
  const { pathname } = useLocation();
  // No SITE_URL, no canonical address: better none than a wrong one.
  const url = site.url === null ? null : absoluteUrl({ url: site.url }, pathname);
  const fullTitle = title ? `${title} · ${SITE_NAME}` : SITE_NAME;
  return (
    <>
      <title>{fullTitle}</title>
      {description ? <meta name="description" content={description} /> : null}
      {noindex ? (
        <meta name="robots" content="noindex" />
      ) : url ? (
        <link rel="canonical" href={url} />
      ) : null}
      <meta property="og:site_name" content={SITE_NAME} />
      <meta property="og:title" content={title ?? SITE_NAME} />
      {description ? <meta property="og:description" content={description} /> : null}
      {url ? <meta property="og:url" content={url} /> : null}
      <meta property="og:type" content={article ? 'article' : 'website'} />
      {article ? <meta property="article:published_time" content={article.published} /> : null}
      {article?.tags.map((t) => (
        <meta key={t} property="article:tag" content={t} />
      ))}
    </>
  );
}
