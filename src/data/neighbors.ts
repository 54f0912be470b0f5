import { EMPTY_FILTERS, type ListQuery } from '../domain/browse';
import type { EssaySummary } from '../domain/essay';
import { termFromSlug, termLabel } from '../domain/slugs';
import { queryList } from './browse';
import type { Catalog } from './catalog';
import { parseListQuery } from './listQuery';

/** What comes next: the list the reader came from, related essays, more in the theme. */

export interface ReadingOrder {
  /** Where the order comes from, for the reader: "All essays", "Tag: pedagogy", "Date". */
  label: string;
  /** The list's URL (router path + query) to return to. */
  back: string;
  essays: readonly EssaySummary[];
}

/** A list the reader came from: its router path with query, and for search its ranking. */
export interface ListContext {
  path: string;
  /** Essays in the order shown, where the order cannot be recomputed (search results). */
  slugs?: readonly string[];
}

/** The order of the list at `context`, or date order. */
export function readingOrder(
  catalog: Catalog,
  listContext: ListContext | null,
  slug: string,
): ReadingOrder {
  const byDate: ReadingOrder = { label: 'Newest first', back: '/', essays: catalog.essays };
  if (!listContext) return byDate;
  const { path: context, slugs } = listContext;
  const url = new URL(context, 'http://x');
  if (url.pathname === '/search' && slugs) {
    const bySlug = new Map(catalog.essays.map((e) => [e.slug as string, e]));
    const essays = slugs.flatMap((s) => bySlug.get(s) ?? []);
    if (!essays.some((e) => e.slug === slug)) return byDate;
    return { label: `Search: “${url.searchParams.get('q') ?? ''}”`, back: context, essays };
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
  const essays = queryList(catalog, query).essays;
  if (!essays.some((e) => e.slug === slug)) return byDate;
  return { label, back: context, essays };
}

export function neighbors(
  order: ReadingOrder,
  slug: string,
): { prev: EssaySummary | null; next: EssaySummary | null } {
  const i = order.essays.findIndex((e) => e.slug === slug);
  if (i < 0) return { prev: null, next: null };
  return { prev: order.essays[i - 1] ?? null, next: order.essays[i + 1] ?? null };
}

/**
 * Essays sharing the most tags with essay `i`, rarer shared tags counting more (each tag
 * weighs 1 / log2(1 + essays carrying it)). Ties go to the newer essay.
 */
export function relatedEssays(catalog: Catalog, i: number, limit = 4): EssaySummary[] {
  const mine = catalog.tagKeys[i]!;
  if (mine.length === 0) return [];
  const weight = new Map(
    mine.map((t) => [t, 1 / Math.log2(1 + (catalog.tags.get(t)?.count ?? 1))]),
  );
  const scored: { j: number; score: number }[] = [];
  for (let j = 0; j < catalog.essays.length; j++) {
    if (j === i) continue;
    let score = 0;
    for (const t of catalog.tagKeys[j]!) score += weight.get(t) ?? 0;
    if (score > 0) scored.push({ j, score });
  }
  scored.sort((a, b) => b.score - a.score || a.j - b.j);
  return scored.slice(0, limit).map((s) => catalog.essays[s.j]!);
}

/** The newest other essays in the same theme, leaving out any already shown. */
export function moreInTheme(
  catalog: Catalog,
  i: number,
  exclude: readonly EssaySummary[] = [],
  limit = 3,
): EssaySummary[] {
  const theme = catalog.themeKeys[i];
  const skip = new Set(exclude.map((e) => e.slug));
  const out: EssaySummary[] = [];
  for (let j = 0; j < catalog.essays.length && out.length < limit; j++) {
    if (j !== i && catalog.themeKeys[j] === theme && !skip.has(catalog.essays[j]!.slug))
      out.push(catalog.essays[j]!);
  }
  return out;
}
