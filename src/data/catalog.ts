import type { EssaySummary } from '../domain/essay';
import { lengthBucket, type LengthBucket, type SortKey, type Term } from '../domain/browse';
import { normalizeTerm } from '../domain/slugs';

/**
 * The essay index prepared once for fast browsing: normalized tag and theme keys per essay,
 * length buckets, and one precomputed order per sort, so a filter or sort change is a single
 * pass over the essays with no sorting and no string work.
 */

export interface Catalog {
  essays: readonly EssaySummary[];
  tagKeys: readonly (readonly string[])[];
  themeKeys: readonly string[];
  buckets: readonly LengthBucket[];
  /** `YYYY-MM` of the (possibly inferred) date. */
  months: readonly string[];
  orders: Readonly<Record<SortKey, Uint32Array>>;
  tags: ReadonlyMap<string, Term>;
  themes: ReadonlyMap<string, Term>;
}

const titleCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function orderBy(n: number, compare: (a: number, b: number) => number): Uint32Array {
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  return order.sort(compare);
}

/** `essays` must arrive newest first, as the pipeline emits them. */
export function buildCatalog(essays: readonly EssaySummary[]): Catalog {
  const tags = new Map<string, Term>();
  const themes = new Map<string, Term>();
  const count = (map: Map<string, Term>, value: string): string => {
    const key = normalizeTerm(value);
    const term = map.get(key);
    if (term) term.count++;
    else map.set(key, { key, value, count: 1 });
    return key;
  };
  const tagKeys = essays.map((e) => e.tags.map((t) => count(tags, t)));
  const themeKeys = essays.map((e) => count(themes, e.theme));
  const n = essays.length;
  // Stable tie-breaks: the pipeline's newest-first position.
  const orders: Record<SortKey, Uint32Array> = {
    newest: orderBy(n, (a, b) => a - b),
    oldest: orderBy(n, (a, b) => b - a),
    longest: orderBy(n, (a, b) => essays[b]!.wordCount - essays[a]!.wordCount || a - b),
    shortest: orderBy(n, (a, b) => essays[a]!.wordCount - essays[b]!.wordCount || a - b),
    title: orderBy(n, (a, b) => titleCollator.compare(essays[a]!.title, essays[b]!.title) || a - b),
  };
  return {
    essays,
    tagKeys,
    themeKeys,
    buckets: essays.map((e) => lengthBucket(e.readingTime)),
    months: essays.map((e) => e.date.iso.slice(0, 7)),
    orders,
    tags,
    themes,
  };
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
