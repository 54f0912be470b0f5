import { useEffect, useMemo, useState } from 'react';
import { linked, type EssayPage, type LinkedEssay } from '../domain/archive';
import { loadCatalog, loadSummaries } from '../data/essays';
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
 * tag, search results) they are found in the catalog (the packed facets) after the page is
 * shown, and their two summaries loaded (docs/decisions/0011-archive-at-scale.md).
 */
export function useReadingOrder(page: EssayPage): EssayOrder {
  const hydrated = useHydrated();
  const slug = page.essay.slug;
  // Read once the page is this browser's (session storage), and again for each essay.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const context = useMemo(() => (hydrated ? readListContext() : null), [hydrated, slug]);
  const needsCatalog = context !== null && !isNewestList(context);
  const [found, setFound] = useState<{ id: number; order: EssayOrder } | null>(null);
  useEffect(() => {
    if (!needsCatalog || !context) return;
    let live = true;
    const id = page.id;
    loadCatalog()
      .then(async (catalog) => {
        const order = readingOrder(catalog, context, id);
        const { prev, next } = neighbors(order, id);
        const [before, after] = await Promise.all(
          [prev, next].map(async (n) =>
            n === null ? null : ((await loadSummaries([n]))[0] ?? null),
          ),
        );
        if (live)
          setFound({
            id,
            order: {
              label: order.label,
              back: order.back,
              prev: before ? linked(before) : null,
              next: after ? linked(after) : null,
            },
          });
      })
      .catch(() => {}); // offline and not saved: the archive's own order stands
    return () => {
      live = false;
    };
  }, [needsCatalog, context, page.id]);

  return useMemo(() => {
    const own = {
      label: context ? 'All essays' : 'Newest first',
      back: context?.path ?? '/',
      prev: page.prev,
      next: page.next,
    };
    if (!needsCatalog || !context) return own;
    if (!found || found.id !== page.id) return { ...own, prev: null, next: null }; // known in a moment
    return found.order;
  }, [context, needsCatalog, found, page]);
}
