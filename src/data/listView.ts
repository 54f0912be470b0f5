import type { ArchiveTerms } from '../domain/archive';
import {
  LENGTHS,
  type Dimension,
  type Facets,
  type LengthBucket,
  type ListFilters,
  type ListQuery,
  type Term,
} from '../domain/browse';
import type { EssaySummary } from '../domain/essay';
import type { TermList } from '../domain/termLists';
import { pageCount, pageSlice, queryList, relaxations } from './browse';
import { termMaps, type Catalog } from './catalog';

/**
 * What the list shows, however it was computed: from the whole catalog (any filter, sort or
 * page), or for the unfiltered newest-first list from the terms and one chunk of summaries
 * alone, which is what a first visit to the home page loads (docs/decisions/0011).
 */
export interface ListView {
  query: ListQuery;
  /** Essays matching the query, all pages. */
  total: number;
  /** This page's essays. */
  shown: readonly EssaySummary[];
  page: number;
  pages: number;
  facets: Facets;
  tags: ReadonlyMap<string, Term>;
  themes: ReadonlyMap<string, Term>;
  months: { min: string; max: string };
  /** For an empty result: what dropping each filter would bring back. */
  relaxations: (f: ListFilters) => { drop: Dimension | `tag:${string}`; count: number }[];
}

export function catalogMonths(catalog: Catalog): { min: string; max: string } {
  let min = '';
  let max = '';
  for (const m of catalog.months) {
    if (min === '' || m < min) min = m;
    if (m > max) max = m;
  }
  return { min, max };
}

/**
 * Any view of the list, computed from the catalog; only the shown page's summaries are
 * loaded (`summaries`: by essay number, in the order asked).
 */
export async function fullListView(
  catalog: Catalog,
  query: ListQuery,
  summaries: (ids: readonly number[]) => Promise<EssaySummary[]>,
): Promise<ListView> {
  const result = queryList(catalog, query);
  const pages = pageCount(result.ids.length);
  const page = Math.min(query.page, pages);
  return {
    query,
    total: result.ids.length,
    shown: await summaries(pageSlice(result.ids, page)),
    page,
    pages,
    facets: result.facets,
    tags: catalog.tags,
    themes: catalog.themes,
    months: catalogMonths(catalog),
    relaxations: (f) => relaxations(catalog, f),
  };
}

/** The unfiltered, newest-first list at `query.page`: `shown` is that page's essays. */
export function lightListView(
  terms: ArchiveTerms,
  count: number,
  query: ListQuery,
  shown: readonly EssaySummary[],
): ListView {
  const { tags, themes } = termMaps(terms);
  const counts = (m: ReadonlyMap<string, Term>) => new Map([...m].map(([k, t]) => [k, t.count]));
  const lengths = new Map<LengthBucket, number>(LENGTHS.map((l) => [l, terms.lengths[l] ?? 0]));
  return {
    query,
    total: count,
    shown,
    page: query.page,
    pages: pageCount(count),
    facets: { tags: counts(tags), themes: counts(themes), lengths },
    tags,
    themes,
    months: terms.months,
    relaxations: () => [],
  };
}

/**
 * A tag's or theme's page with no other filter, newest first, from that term's own list
 * (src/domain/termLists.ts): the counts the catalog would give for the same query.
 */
export function termListView(
  terms: ArchiveTerms,
  list: TermList,
  fixed: 'tag' | 'theme',
  query: ListQuery,
  total: number,
  shown: readonly EssaySummary[],
): ListView {
  const { tags, themes } = termMaps(terms);
  const tagKeys = [...tags.keys()];
  const themeKeys = [...themes.keys()];
  const counted = (pairs: [number, number][], keys: string[]) =>
    new Map(pairs.map(([i, n]) => [keys[i]!, n]));
  const lengths = new Map<LengthBucket, number>();
  for (const l of LENGTHS) if (list.lengths[l]) lengths.set(l, list.lengths[l]);
  return {
    query,
    total,
    shown,
    page: query.page,
    pages: pageCount(total),
    facets: {
      tags: counted(list.tags, tagKeys),
      // Counted with every filter but its own: on a theme's page, across the archive.
      themes:
        fixed === 'theme'
          ? new Map([...themes].map(([k, t]) => [k, t.count]))
          : counted(list.themes, themeKeys),
      lengths,
    },
    tags,
    themes,
    months: terms.months,
    relaxations: () => [],
  };
}
