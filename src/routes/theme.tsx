import { useMemo } from 'react';
import { Link, useLoaderData, useParams } from 'react-router';
import type { Library } from '../data/essays';
import { PageMeta } from '../components/PageMeta';
import { TermChips } from '../components/TermChips';
import { indexesWhere, tagsAmong } from '../data/terms';
import { termFromSlug, termLabel } from '../domain/slugs';
import { paths } from '../paths';
import { BrowseView, useFullListView, type Fixed } from './browseView';
import { NotFound } from './notFound';

export function ThemePage() {
  // The route's loader: the whole index (a tag's or theme's essays are found across it).
  const library = useLoaderData<Library>();
  const { catalog } = library;
  const key = termFromSlug(useParams().slug ?? '');
  const term = key === null ? undefined : catalog.themes.get(key);
  const fixed = useMemo(() => ({ theme: key ?? '' }), [key]);
  const tags = useMemo(
    () =>
      term
        ? tagsAmong(
            catalog,
            indexesWhere(catalog, (i) => catalog.themeKeys[i] === term.key),
            [term.key],
          ).slice(0, 12)
        : [],
    [catalog, term],
  );
  if (!term) return <NotFound />;
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
      <TermList library={library} fixed={fixed} label={`Essays on ${label.text}`} />
    </>
  );
}

function TermList({ library, fixed, label }: { library: Library; fixed: Fixed; label: string }) {
  return <BrowseView view={useFullListView(library, fixed)} fixed={fixed} label={label} />;
}
