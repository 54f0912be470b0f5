import { termFromSlug, termSlug } from '../domain/slugs';
import { LENGTHS, SORTS, type LengthBucket, type ListQuery, type SortKey } from '../domain/browse';
import type { Catalog } from './catalog';

/**
 * The list's state lives in the URL. These two functions are each other's inverse for every
 * valid state; anything unknown or stale in a URL (a removed tag, a typo'd sort) is dropped,
 * never an error, so an old shared link still opens the closest view.
 */

export const DEFAULT_SORT: SortKey = 'newest';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function parseListQuery(
  params: URLSearchParams,
  catalog: Pick<Catalog, 'tags' | 'themes'>,
): ListQuery {
  const tags: string[] = [];
  for (const slug of params.getAll('tag')) {
    const key = termFromSlug(slug);
    if (key !== null && catalog.tags.has(key) && !tags.includes(key)) tags.push(key);
  }
  const themeKey = termFromSlug(params.get('theme') ?? '');
  const length = params.get('length');
  const sort = params.get('sort');
  const page = Number(params.get('page'));
  let from = MONTH.test(params.get('from') ?? '') ? params.get('from') : null;
  let to = MONTH.test(params.get('to') ?? '') ? params.get('to') : null;
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  return {
    tags,
    theme: themeKey !== null && catalog.themes.has(themeKey) ? themeKey : null,
    length: (LENGTHS as readonly string[]).includes(length ?? '') ? (length as LengthBucket) : null,
    from,
    to,
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : DEFAULT_SORT,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** Canonical query string: defaults left out, so equal views have equal URLs. */
export function listQueryToParams(q: Partial<ListQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const t of q.tags ?? []) params.append('tag', termSlug(t));
  if (q.theme) params.set('theme', termSlug(q.theme));
  if (q.length) params.set('length', q.length);
  if (q.from) params.set('from', q.from);
  if (q.to) params.set('to', q.to);
  if (q.sort && q.sort !== DEFAULT_SORT) params.set('sort', q.sort);
  if (q.page && q.page > 1) params.set('page', String(q.page));
  return params;
}

/** A filter change always returns to page 1: page 7 of a different result means nothing. */
export function withFilters(q: ListQuery, change: Partial<ListQuery>): ListQuery {
  return { ...q, page: 1, ...change };
}

export function toggleTag(q: ListQuery, key: string): ListQuery {
  const tags = q.tags.includes(key) ? q.tags.filter((t) => t !== key) : [...q.tags, key];
  return withFilters(q, { tags });
}
