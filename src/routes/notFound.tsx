import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ErrorScreen } from '../components/ErrorScreen';
import type { Catalog } from '../data/catalog';
import { loadCatalog, loadWholeIndex } from '../data/essays';
import type { EssayIndex } from '../domain/essay';
import { closest } from '../data/suggest';
import { termFromSlug, termLabel } from '../domain/slugs';
import { paths } from '../paths';

interface Suggestion {
  to: string;
  label: string;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

interface Library {
  index: EssayIndex;
  catalog: Catalog;
}

function suggestionsFor(pathname: string, library: Library | undefined): Suggestion[] {
  if (!library) return [];
  const [, section = '', rawSlug = ''] =
    /\/(essays|tags|themes)\/([^/]*)\/?$/.exec(safeDecode(pathname)) ?? [];
  const wanted = rawSlug || pathname;
  if (section === 'tags' || section === 'themes') {
    const terms = [
      ...(section === 'tags' ? library.catalog.tags : library.catalog.themes).values(),
    ];
    const target = termFromSlug(rawSlug) ?? rawSlug.replace(/[-~]/g, ' ');
    return closest(target, terms, (t) => t.key).map((t) => ({
      to: section === 'tags' ? paths.tag.build(t.value) : paths.theme.build(t.value),
      label: termLabel(t.value).text,
    }));
  }
  return closest(wanted.replace(/[-/]/g, ' '), library.index.essays, (e) =>
    e.slug.replace(/-/g, ' '),
  ).map((e) => ({
    to: paths.essay.build(e.slug),
    label: e.title,
  }));
}

/** A real 404 view: says what happened and offers the closest matches. */
export function NotFound() {
  const { pathname } = useLocation();
  // The closest matches are looked for across every title, loaded for this page only and
  // after it has painted (a missing address is rare; every other page does without it).
  const [library, setLibrary] = useState<Library | undefined>(undefined);
  useEffect(() => {
    let live = true;
    Promise.all([loadWholeIndex(), loadCatalog()]).then(
      ([index, catalog]) => live && setLibrary({ index, catalog }),
      () => {}, // offline: no suggestions
    );
    return () => {
      live = false;
    };
  }, []);
  const suggestions = suggestionsFor(pathname, library);
  return (
    <ErrorScreen title="No page here">
      <p>
        This address does not match any essay, tag or theme. It may have been renamed, or mistyped.
      </p>
      {suggestions.length > 0 ? (
        <>
          <h2>Did you mean</h2>
          <ul>
            {suggestions.map((s) => (
              <li key={s.to}>
                <Link to={s.to}>{s.label}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </ErrorScreen>
  );
}
