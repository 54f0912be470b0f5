import { useEffect, useState } from 'react';
import { catalogInMemory, loadCatalog } from '../data/essays';
import type { Catalog } from '../data/catalog';
import { useHydrated } from './useHydrated';

/**
 * The catalog (the packed facets of every essay), loaded on first use by a page that filters
 * across the archive (search results), without holding up the navigation to that page:
 * typing into the header box moves to the search page at once, and results follow. While a
 * prerendered page hydrates it reads as not loaded, as it was when the page was built.
 */
export function useCatalog(): { catalog: Catalog | null; error: string | null } {
  const hydrated = useHydrated();
  const [state, setState] = useState<{ catalog: Catalog | null; error: string | null }>({
    catalog: null,
    error: null,
  });
  useEffect(() => {
    if (state.catalog) return;
    let live = true;
    loadCatalog().then(
      (catalog) => live && setState({ catalog, error: null }),
      (e: unknown) =>
        live && setState({ catalog: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [state.catalog]);
  return { catalog: hydrated ? (state.catalog ?? catalogInMemory()) : null, error: state.error };
}
