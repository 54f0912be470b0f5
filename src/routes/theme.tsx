import { useMemo } from 'react';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { PageMeta } from '../components/PageMeta';
import { TermChips } from '../components/TermChips';
import { termLabel } from '../domain/slugs';
import { paths } from '../paths';
import { BrowseView } from './browseView';
import { loadTermPage, type TermPageData } from './termPage';
import { NotFound } from './notFound';

/** A theme's list; null for a theme the archive lacks (src/routes/termPage.ts). */
export function themeLoader({ params, request }: LoaderFunctionArgs): Promise<TermPageData | null> {
  return loadTermPage('theme', params.slug ?? '', request);
}

export function ThemePage() {
  const data = useLoaderData<TermPageData | null>();
  if (!data) return <NotFound />;
  return <ThemeList data={data} />;
}

function ThemeList({ data: { key, related: tags, view } }: { data: TermPageData }) {
  const term = view.themes.get(key)!;
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
