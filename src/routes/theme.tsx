import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { PageMeta } from '../components/PageMeta';
import { TermChips } from '../components/TermChips';
import { indexesWhere, tagsAmong } from '../data/terms';
import { termFromSlug, termLabel } from '../domain/slugs';
import { paths } from '../paths';
import { BrowseView } from './browseView';
import { NotFound } from './notFound';
import { useLibrary } from './rootData';

export function ThemePage() {
  const library = useLibrary();
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
      <BrowseView library={library} fixed={fixed} label={`Essays on ${label.text}`} />
    </>
  );
}
