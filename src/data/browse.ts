import type { Dimension, Facets, LengthBucket, ListFilters, ListQuery } from '../domain/browse';
import type { Catalog } from './catalog';

/**
 * Filtering, faceting and sorting the list. Pure functions over a `Catalog`; tags combine
 * with AND, the other filters narrow further. Facet counts for a dimension are computed with
 * every *other* filter applied, so each count says what picking that option would give.
 */

export interface ListResult {
  /** Every matching essay's number, in the requested order. */
  ids: number[];
  facets: Facets;
}

/** Which filter dimensions essay `i` passes, as four booleans. */
function passes(c: Catalog, i: number, f: ListFilters) {
  const m = c.months[i]!;
  let tags = true;
  if (f.tags.length > 0) {
    const have = c.tagKeys[i]!;
    for (const t of f.tags) if (!have.includes(t)) tags = false;
  }
  return {
    theme: f.theme === null || c.themeKeys[i] === f.theme,
    length: f.length === null || c.buckets[i] === f.length,
    date: (f.from === null || m >= f.from) && (f.to === null || m <= f.to),
    tags,
  };
}

function matches(c: Catalog, i: number, f: ListFilters, skip: Dimension | null): boolean {
  const p = passes(c, i, f);
  return (
    (skip === 'theme' || p.theme) &&
    (skip === 'length' || p.length) &&
    (skip === 'date' || p.date) &&
    (skip === 'tags' || p.tags)
  );
}

export function filterIndexes(c: Catalog, f: ListFilters, skip: Dimension | null = null): number[] {
  const out: number[] = [];
  for (let i = 0; i < c.count; i++) if (matches(c, i, f, skip)) out.push(i);
  return out;
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export function queryList(c: Catalog, q: ListQuery): ListResult {
  const n = c.count;
  const keep = new Uint8Array(n);
  const tags = new Map<string, number>();
  const themes = new Map<string, number>();
  const lengths = new Map<LengthBucket, number>();
  for (let i = 0; i < n; i++) {
    // One pass. Tags combine with AND, so a tag's count is how many current results carry
    // it; theme and length counts are taken with every filter but their own.
    const p = passes(c, i, q);
    const common = p.date && p.tags;
    if (common && p.length) increment(themes, c.themeKeys[i]!);
    if (common && p.theme) increment(lengths, c.buckets[i]!);
    if (common && p.theme && p.length) {
      keep[i] = 1;
      for (const t of c.tagKeys[i]!) increment(tags, t);
    }
  }
  const ids: number[] = [];
  for (const i of c.order(q.sort)) if (keep[i]) ids.push(i);
  return { ids, facets: { tags, themes, lengths } };
}

/** For an empty result: how many essays each single filter removal would bring back. */
export function relaxations(
  c: Catalog,
  f: ListFilters,
): { drop: Dimension | `tag:${string}`; count: number }[] {
  const out: { drop: Dimension | `tag:${string}`; count: number }[] = [];
  for (const t of f.tags) {
    out.push({
      drop: `tag:${t}`,
      count: filterIndexes(c, { ...f, tags: f.tags.filter((x) => x !== t) }).length,
    });
  }
  if (f.theme !== null) out.push({ drop: 'theme', count: filterIndexes(c, f, 'theme').length });
  if (f.length !== null) out.push({ drop: 'length', count: filterIndexes(c, f, 'length').length });
  if (f.from !== null || f.to !== null)
    out.push({ drop: 'date', count: filterIndexes(c, f, 'date').length });
  return out.sort((a, b) => b.count - a.count);
}

export function hasFilters(f: ListFilters): boolean {
  return (
    f.tags.length > 0 || f.theme !== null || f.length !== null || f.from !== null || f.to !== null
  );
}

export const PAGE_SIZE = 20;

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

export function pageSlice<T>(items: readonly T[], page: number): T[] {
  const p = Math.min(Math.max(1, page), pageCount(items.length));
  return items.slice((p - 1) * PAGE_SIZE, p * PAGE_SIZE);
}
