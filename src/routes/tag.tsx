import { useMemo } from 'react';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { PageMeta } from '../components/PageMeta';
import { TermChips } from '../components/TermChips';
import { termLabel } from '../domain/slugs';
import { paths } from '../paths';
import { BrowseView } from './browseView';
import { loadTermPage, type TermPageData } from './termPage';
import { NotFound } from './notFound';

/** A tag's list; null for a tag the archive lacks (src/routes/termPage.ts). */
export function tagLoader({ params, request }: LoaderFunctionArgs): Promise<TermPageData | null> {
  return loadTermPage('tag', params.slug ?? '', request);
}

export function TagPage() {
  const data = useLoaderData<TermPageData | null>();
  if (!data) return <NotFound />;
  return <TagList data={data} />;
}

function TagList({ data: { key, related, view } }: { data: TermPageData }) {
  const term = view.tags.get(key)!;
  const fixed = useMemo(() => ({ tag: key }), [key]);
  const label = termLabel(term.value).text;
  return (
    <>
      <PageMeta title={`Tag: ${label}`} description={`${term.count} essays tagged “${label}”.`} />
      <p className="eyebrow">
        <Link to={paths.tags.build()}>Tags</Link>
      </p>
      <h1 className="page-title">{label}</h1>
      <TermChips id="related-tags" title="Often together with" terms={related} />
      <BrowseView view={view} fixed={fixed} label={`Essays tagged ${label}`} />
    </>
  );
}
