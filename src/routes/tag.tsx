import { useMemo } from 'react';
import { Link, useLoaderData, useParams } from 'react-router';
import type { Library } from '../data/essays';
import { PageMeta } from '../components/PageMeta';
import { TermChips } from '../components/TermChips';
import { tagsAmong, indexesWhere } from '../data/terms';
import { termFromSlug, termLabel } from '../domain/slugs';
import { paths } from '../paths';
import { BrowseView, useFullListView, type Fixed } from './browseView';
import { NotFound } from './notFound';

export function TagPage() {
  // The route's loader: the whole index (a tag's or theme's essays are found across it).
  const library = useLoaderData<Library>();
  const { catalog } = library;
  const key = termFromSlug(useParams().slug ?? '');
  const term = key === null ? undefined : catalog.tags.get(key);
  const fixed = useMemo(() => ({ tag: key ?? '' }), [key]);
  const related = useMemo(
    () =>
      term
        ? tagsAmong(
            catalog,
            indexesWhere(catalog, (i) => catalog.tagKeys[i]!.includes(term.key)),
            [term.key],
          ).slice(0, 10)
        : [],
    [catalog, term],
  );
  if (!term) return <NotFound />;
  const label = termLabel(term.value).text;
  return (
    <>
      <PageMeta title={`Tag: ${label}`} description={`${term.count} essays tagged “${label}”.`} />
      <p className="eyebrow">
        <Link to={paths.tags.build()}>Tags</Link>
      </p>
      <h1 className="page-title">{label}</h1>
      <TermChips id="related-tags" title="Often together with" terms={related} />
      <TermList library={library} fixed={fixed} label={`Essays tagged ${label}`} />
    </>
  );
}

function TermList({ library, fixed, label }: { library: Library; fixed: Fixed; label: string }) {
  return <BrowseView view={useFullListView(library, fixed)} fixed={fixed} label={label} />;
}
