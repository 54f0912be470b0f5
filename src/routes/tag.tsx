import { useMemo } from 'react';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { PageMeta } from '../components/PageMeta';
import { TermChips } from '../components/TermChips';
import { loadCatalog } from '../data/essays';
import { tagsAmong, indexesWhere } from '../data/terms';
import { termFromSlug, termLabel } from '../domain/slugs';
import type { Term } from '../domain/browse';
import { paths } from '../paths';
import { BrowseView, loadListData, type ListData } from './browseView';
import { NotFound } from './notFound';

type TermData = ListData & { key: string; related: Term[] };

/** A tag's list, from the catalog (the packed facets); null for a tag the archive lacks. */
export async function tagLoader({ params, request }: LoaderFunctionArgs): Promise<TermData | null> {
  const key = termFromSlug(params.slug ?? '');
  const catalog = await loadCatalog();
  if (key === null || !catalog.tags.has(key)) return null;
  // Walks every essay: computed once per navigation here, not on every render.
  const related = tagsAmong(
    catalog,
    indexesWhere(catalog, (i) => catalog.tagKeys[i]!.includes(key)),
    [key],
  ).slice(0, 10);
  return { key, related, ...(await loadListData(request, { tag: key })) };
}

export function TagPage() {
  const data = useLoaderData<TermData | null>();
  if (!data) return <NotFound />;
  return <TagList data={data} />;
}

function TagList({ data: { key, related, catalog, view } }: { data: TermData }) {
  const term = catalog.tags.get(key)!;
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
