import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ErrorScreen } from '../components/ErrorScreen';
import { termMaps } from '../data/catalog';
import { loadSummaries, loadTerms } from '../data/essays';
import { closest } from '../data/suggest';
import { search } from '../search/client';
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

/**
 * "Did you mean": for a tag or theme, the closest of every term (the small terms file); for
 * an essay, the closest by slug among what a search for the address's words finds, so a
 * missing page costs a search's few shards at any archive size, not every summary (13 MB
 * gzipped at 100,000 essays).
 */
async function suggestionsFor(pathname: string): Promise<Suggestion[]> {
  const [, section = '', rawSlug = ''] =
    /\/(essays|tags|themes)\/([^/]*)\/?$/.exec(safeDecode(pathname)) ?? [];
  if (section === 'tags' || section === 'themes') {
    const maps = termMaps(await loadTerms());
    const terms = [...(section === 'tags' ? maps.tags : maps.themes).values()];
    const target = termFromSlug(rawSlug) ?? rawSlug.replace(/[-~]/g, ' ');
    return closest(target, terms, (t) => t.key).map((t) => ({
      to: section === 'tags' ? paths.tag.build(t.value) : paths.theme.build(t.value),
      label: termLabel(t.value).text,
    }));
  }
  const wanted = (rawSlug || pathname).replace(/[-/]/g, ' ').trim();
  if (wanted === '') return [];
  const { result } = await search(wanted, 20);
  const found = await loadSummaries(result.hits.map((h) => h.doc));
  return closest(wanted, found, (e) => e.slug.replace(/-/g, ' ')).map((e) => ({
    to: paths.essay.build(e.slug),
    label: e.title,
  }));
}

/** A real 404 view: says what happened and offers the closest matches. */
export function NotFound() {
  const { pathname } = useLocation();
  // Looked for after the page has painted (a missing address is rare).
  const [found, setFound] = useState<{ pathname: string; list: Suggestion[] } | null>(null);
  useEffect(() => {
    let live = true;
    suggestionsFor(pathname).then(
      (list) => live && setFound({ pathname, list }),
      () => {}, // offline and not saved: no suggestions
    );
    return () => {
      live = false;
    };
  }, [pathname]);
  const suggestions = found?.pathname === pathname ? found.list : [];
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
