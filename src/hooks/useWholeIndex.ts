import { useEffect, useState } from 'react';
import { libraryInMemory, loadLibrary, type Library } from '../data/essays';
import { useHydrated } from './useHydrated';

/**
 * The whole index, loaded on first use by a page that needs every essay at once (search
 * results), without holding up the navigation to that page: typing into the header box
 * moves to the search page at once, and results follow when the index is in. While a
 * prerendered page hydrates it reads as not loaded, as it was when the page was built.
 */
export function useWholeIndex(): { library: Library | null; error: string | null } {
  const hydrated = useHydrated();
  const [state, setState] = useState<{ library: Library | null; error: string | null }>({
    library: null,
    error: null,
  });
  useEffect(() => {
    if (state.library) return;
    let live = true;
    loadLibrary().then(
      (library) => live && setState({ library, error: null }),
      (e: unknown) =>
        live && setState({ library: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [state.library]);
  return { library: hydrated ? (state.library ?? libraryInMemory()) : null, error: state.error };
}
