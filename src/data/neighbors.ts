import { EMPTY_FILTERS, type ListQuery } from '../domain/browse';
import { termFromSlug, termLabel } from '../domain/slugs';
import { queryList } from './browse';
import type { Catalog } from './catalog';
import { parseListQuery } from './listQuery';

/** What comes next: the order of the list the reader came from. */

export interface ReadingOrder {
  /** Where the order comes from, for the reader: "All essays", "Tag: pedagogy", "Date". */
  label: string;
  /** The list's URL (router path + query) to return to. */
  back: string;
  /** Essay numbers (newest first is 0, 1, 2…) in the list's order. */
  ids: ArrayLike<number>;
}

/** A list the reader came from: its router path with query, and for search its ranking. */
export interface ListContext {
  path: string;
  /** Essay numbers in the order shown, where the order cannot be recomputed (search results). */
  ids?: readonly number[];
}

const includes = (ids: ArrayLike<number>, id: number) => Array.prototype.includes.call(ids, id);

/** The order of the list at `context` when it holds essay `id`, or date order. */
export function readingOrder(
  catalog: Catalog,
  listContext: ListContext | null,
  id: number,
): ReadingOrder {
  const byDate: ReadingOrder = { label: 'Newest first', back: '/', ids: catalog.order('newest') };
  if (!listContext) return byDate;
  const { path: context, ids: ranked } = listContext;
  const url = new URL(context, 'http://x');
  if (url.pathname === '/search' && ranked) {
    const ids = ranked.filter((i) => Number.isInteger(i) && i >= 0 && i < catalog.count);
    if (!ids.includes(id)) return byDate;
    return { label: `Search: “${url.searchParams.get('q') ?? ''}”`, back: context, ids };
  }
  const match = /^\/(?:(tags|themes)\/([^/]+))?$/.exec(url.pathname);
  if (!match) return byDate;
  const base = parseListQuery(url.searchParams, catalog);
  let query: ListQuery = base;
  let label = 'All essays';
  if (match[1]) {
    const key = termFromSlug(decodeURIComponent(match[2]!));
    const terms = match[1] === 'tags' ? catalog.tags : catalog.themes;
    const term = key === null ? undefined : terms.get(key);
    if (!term) return byDate;
    query =
      match[1] === 'tags'
        ? { ...base, tags: [term.key, ...base.tags.filter((t) => t !== term.key)] }
        : { ...base, theme: term.key };
    label = `${match[1] === 'tags' ? 'Tag' : 'Theme'}: ${termLabel(term.value).text}`;
  } else if (
    JSON.stringify({ ...base, sort: 'newest', page: 1 }) !==
    JSON.stringify({ ...EMPTY_FILTERS, sort: 'newest', page: 1 })
  ) {
    label = 'Your filtered list';
  }
  const ids = queryList(catalog, query).ids;
  if (!includes(ids, id)) return byDate;
  return { label, back: context, ids };
}

/** The essay numbers before and after `id` in `order`. */
export function neighbors(
  order: ReadingOrder,
  id: number,
): { prev: number | null; next: number | null } {
  const i = Array.prototype.indexOf.call(order.ids, id);
  if (i < 0) return { prev: null, next: null };
  return {
    prev: i > 0 ? order.ids[i - 1]! : null,
    next: i + 1 < order.ids.length ? order.ids[i + 1]! : null,
  };
}
