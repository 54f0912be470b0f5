import type { ArchiveTerms } from '../domain/archive';
import { type LengthBucket, type SortKey, type Term } from '../domain/browse';
import type { EssaySummary } from '../domain/essay';
import { decodeFacets, encodeFacets, type ArchiveFacets } from '../domain/facets';
import { normalizeTerm } from '../domain/slugs';
import { archiveTerms } from '../domain/archiveTerms';

/**
 * The archive prepared for browsing: per essay (numbered newest first) its normalized tag and
 * theme keys, length bucket and month, and one order per sort, so a filter or sort change is
 * a single pass over numbers with no sorting and no string work. Built from the facets file
 * (docs/decisions/0011-archive-at-scale.md): no summary is needed until a page is shown.
 */

export interface Catalog {
  count: number;
  tagKeys: readonly (readonly string[])[];
  themeKeys: readonly string[];
  buckets: readonly LengthBucket[];
  /** `YYYY-MM` of the (possibly inferred) date. */
  months: readonly string[];
  /** Essay numbers in the order of `sort`, computed on first use. */
  order(sort: SortKey): Uint32Array;
  tags: ReadonlyMap<string, Term>;
  themes: ReadonlyMap<string, Term>;
}

const titleCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Numbers sorted by a whole-number key, ties newest first: a counting pass over the distinct
 * keys, linear where a comparison sort of 100,000 essays would block the page.
 */
function orderByKey(keys: readonly number[], descending: boolean): Uint32Array {
  const byKey = new Map<number, number[]>();
  keys.forEach((k, i) => {
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  const distinct = [...byKey.keys()].sort((a, b) => (descending ? b - a : a - b));
  const out = new Uint32Array(keys.length);
  let at = 0;
  for (const k of distinct) for (const i of byKey.get(k)!) out[at++] = i;
  return out;
}

/** Tags and themes of the terms file, keyed by their normalized form, in the file's order. */
export function termMaps(terms: ArchiveTerms): Pick<Catalog, 'tags' | 'themes'> {
  const map = (entries: ArchiveTerms['tags']) =>
    new Map(
      entries.map((t) => {
        const key = normalizeTerm(t.value);
        return [key, { key, value: t.value, count: t.count }] as const;
      }),
    );
  return { tags: map(terms.tags), themes: map(terms.themes) };
}

export function catalogFromFacets(terms: ArchiveTerms, facets: ArchiveFacets): Catalog {
  const columns = decodeFacets(facets);
  const { tags, themes } = termMaps(terms);
  // The facets number tags and themes by their place in the terms file.
  const tagList = [...tags.values()];
  const themeList = [...themes.values()];
  const n = columns.count;
  const orders = new Map<SortKey, Uint32Array>();
  const make: Record<SortKey, () => Uint32Array> = {
    newest: () => Uint32Array.from({ length: n }, (_, i) => i),
    oldest: () => Uint32Array.from({ length: n }, (_, i) => n - 1 - i),
    longest: () => orderByKey(columns.words, true),
    shortest: () => orderByKey(columns.words, false),
    title: () => columns.byTitle,
  };
  return {
    count: n,
    tagKeys: columns.tags.map((list) => list.map((t) => tagList[t]!.key)),
    themeKeys: columns.themes.map((t) => themeList[t]!.key),
    buckets: columns.lengths,
    months: columns.months,
    order(sort) {
      let order = orders.get(sort);
      if (!order) orders.set(sort, (order = make[sort]()));
      return order;
    },
    tags,
    themes,
  };
}

/**
 * The catalog of a list of summaries (newest first), through the same terms and facets the
 * build writes: for tests and tools that hold the summaries.
 */
export function buildCatalog(essays: readonly EssaySummary[]): Catalog {
  const terms = archiveTerms({ version: 1, build: '', essays: [...essays] });
  return catalogFromFacets(terms, encodeFacets(essays, terms.tags, terms.themes));
}

/** Terms most used first, then by name. */
export function termsByCount(terms: ReadonlyMap<string, Term>): Term[] {
  return [...terms.values()].sort(
    (a, b) => b.count - a.count || titleCollator.compare(a.key, b.key),
  );
}

export function termsByName(terms: ReadonlyMap<string, Term>): Term[] {
  return [...terms.values()].sort((a, b) => titleCollator.compare(a.key, b.key));
}
