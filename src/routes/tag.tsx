import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { PageMeta } from '../components/PageMeta';
import { TermChips } from '../components/TermChips';
import { tagsAmong, indexesWhere } from '../data/terms';
import { termFromSlug, termLabel } from '../domain/slugs';
import { paths } from '../paths';
import { BrowseView } from './browseView';
import { NotFound } from './notFound';
import { useLibrary } from './rootData';

export function TagPage() {
  const library = useLibrary();
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
      <BrowseView library={library} fixed={fixed} label={`Essays tagged ${label}`} />
    </>
  );
}
