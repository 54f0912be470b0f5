import { useMemo } from 'react';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { PageMeta } from '../components/PageMeta';
import { TermChips } from '../components/TermChips';
import { loadCatalog } from '../data/essays';
import { indexesWhere, tagsAmong } from '../data/terms';
import { termFromSlug, termLabel } from '../domain/slugs';
import type { Term } from '../domain/browse';
import { paths } from '../paths';
import { BrowseView, loadListData, type ListData } from './browseView';
import { NotFound } from './notFound';

type TermData = ListData & { key: string; related: Term[] };

/** A theme's list, from the catalog (the packed facets); null for a theme the archive lacks. */
export async function themeLoader({
  params,
  request,
}: LoaderFunctionArgs): Promise<TermData | null> {
  const key = termFromSlug(params.slug ?? '');
  const catalog = await loadCatalog();
  if (key === null || !catalog.themes.has(key)) return null;
  // Walks every essay: computed once per navigation here, not on every render.
  const tags = tagsAmong(
    catalog,
    indexesWhere(catalog, (i) => catalog.themeKeys[i] === key),
    [key],
  ).slice(0, 12);
  return { key, related: tags, ...(await loadListData(request, { theme: key })) };
}

export function ThemePage() {
  const data = useLoaderData<TermData | null>();
  if (!data) return <NotFound />;
  return <ThemeList data={data} />;
}

function ThemeList({ data: { key, related: tags, catalog, view } }: { data: TermData }) {
  const term = catalog.themes.get(key)!;
  const fixed = useMemo(() => ({ theme: key }), [key]);
  const label = termLabel(term.value);
  return (
    <>
      <PageMeta
        title={`Theme: ${label.text}`}
        description={`${term.count} essays on ${label.text}.`}
      />
      <p className="eyebrow">
        <Link to={paths.themes.build()}>Themes</Link>
        {label.area ? ` › ${label.area}` : ''}
      </p>
      <h1 className="page-title">{label.name}</h1>
      <TermChips id="theme-tags" title="Tags in this theme" terms={tags} />
      <BrowseView view={view} fixed={fixed} label={`Essays on ${label.text}`} />
    </>
  );
}
