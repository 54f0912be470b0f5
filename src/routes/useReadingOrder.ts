import { useEffect, useMemo, useState } from 'react';
import type { EssayPage, LinkedEssay } from '../domain/archive';
import { loadLibrary, type Library } from '../data/essays';
import { neighbors, readingOrder, type ListContext } from '../data/neighbors';
import { readListContext } from '../hooks/useListContext';
import { useHydrated } from '../hooks/useHydrated';

export interface EssayOrder {
  /** Where the order comes from, for the reader: "All essays", "Tag: pedagogy"… */
  label: string;
  /** The list to go back to (router path and query). */
  back: string;
  prev: LinkedEssay | null;
  next: LinkedEssay | null;
}

/** The home list unfiltered, at any page: its order is the archive's own. */
function isNewestList(context: ListContext): boolean {
  const url = new URL(context.path, 'http://x');
  return url.pathname === '/' && [...url.searchParams.keys()].every((k) => k === 'page');
}

/**
 * Previous and next for the essay on `page`. In the archive's own order (newest first) they
 * come precomputed with the page; in the order of a list the reader came from (a filter, a
 * tag, search results) they need the whole index, loaded after the page is shown
 * (docs/decisions/0011-archive-at-scale.md).
 */
export function useReadingOrder(page: EssayPage): EssayOrder {
  const hydrated = useHydrated();
  const slug = page.essay.slug;
  // Read once the page is this browser's (session storage), and again for each essay.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const context = useMemo(() => (hydrated ? readListContext() : null), [hydrated, slug]);
  const needsIndex = context !== null && !isNewestList(context);
  const [library, setLibrary] = useState<Library | null>(null);
  useEffect(() => {
    if (!needsIndex) return;
    let live = true;
    loadLibrary().then(
      (l) => live && setLibrary(l),
      () => {}, // offline and not saved: the archive's own order stands
    );
    return () => {
      live = false;
    };
  }, [needsIndex]);

  return useMemo(() => {
    const own = {
      label: context ? 'All essays' : 'Newest first',
      back: context?.path ?? '/',
      prev: page.prev,
      next: page.next,
    };
    if (!needsIndex || !context) return own;
    if (!library) return { ...own, prev: null, next: null }; // known in a moment
    const order = readingOrder(library.catalog, context, slug);
    return { label: order.label, back: order.back, ...neighbors(order, slug) };
  }, [context, needsIndex, library, page, slug]);
}
