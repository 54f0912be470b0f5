import { useEffect, useState } from 'react';
import { catalogInMemory, loadCatalog, loadTerms } from '../data/essays';
import { termMaps, type Catalog } from '../data/catalog';
import { useHydrated } from './useHydrated';

/**
 * The catalog (the packed facets of every essay), loaded on first use by a page that filters
 * across the archive (search results with filters), without holding up the navigation to
 * that page: typing into the header box moves to the search page at once, and results
 * follow. `wanted` false loads nothing (a search without filters needs no facets, which are
 * the largest piece a search would load: ~900 KB gzipped at 100,000 essays). While a
 * prerendered page hydrates it reads as not loaded, as it was when the page was built.
 */
export function useCatalog(wanted = true): { catalog: Catalog | null; error: string | null } {
  const loaded = useLoaded(wanted, loadCatalog);
  return {
    catalog: loaded.value ?? (loaded.hydrated ? catalogInMemory() : null),
    error: loaded.error,
  };
}

export type TermMaps = Pick<Catalog, 'tags' | 'themes'>;

/** Every tag and theme with its count (the small terms file), by key. */
export function useTermMaps(): { terms: TermMaps | null; error: string | null } {
  const loaded = useLoaded(true, loadTermMaps);
  return { terms: loaded.value, error: loaded.error };
}

let termMapsPromise: Promise<TermMaps> | null = null;
const loadTermMaps = () => {
  termMapsPromise ??= loadTerms()
    .then(termMaps)
    .catch((e: unknown) => {
      termMapsPromise = null;
      throw e;
    });
  return termMapsPromise;
};

function useLoaded<T>(
  wanted: boolean,
  load: () => Promise<T>,
): { value: T | null; error: string | null; hydrated: boolean } {
  const hydrated = useHydrated();
  const [state, setState] = useState<{ value: T | null; error: string | null }>({
    value: null,
    error: null,
  });
  useEffect(() => {
    if (!wanted || state.value) return;
    let live = true;
    load().then(
      (value) => live && setState({ value, error: null }),
      (e: unknown) =>
        live && setState({ value: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [wanted, load, state.value]);
  return { value: hydrated ? state.value : null, error: state.error, hydrated };
}
