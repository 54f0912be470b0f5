/**
 * The vocabulary of browsing, shared by data/ (which computes it) and components/ (which
 * show it): sorts, length buckets, terms, and the list's query and facets.
 */

export const SORTS = ['newest', 'oldest', 'longest', 'shortest', 'title'] as const;
export type SortKey = (typeof SORTS)[number];
export const SORT_LABELS: Record<SortKey, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  longest: 'Longest first',
  shortest: 'Shortest first',
  title: 'Title A–Z',
};

export const LENGTHS = ['quick', 'short', 'medium', 'long'] as const;
export type LengthBucket = (typeof LENGTHS)[number];
export const LENGTH_LABELS: Record<LengthBucket, string> = {
  quick: 'Up to 3 min',
  short: '4–7 min',
  medium: '8–15 min',
  long: '16 min or more',
};

export function lengthBucket(minutes: number): LengthBucket {
  if (minutes <= 3) return 'quick';
  if (minutes <= 7) return 'short';
  if (minutes <= 15) return 'medium';
  return 'long';
}

/** A tag or theme across the archive. `key` is its identity (normalized), `value` as written. */
export interface Term {
  key: string;
  value: string;
  count: number;
}

export interface ListFilters {
  /** Normalized tag keys; an essay must have all of them. */
  tags: readonly string[];
  theme: string | null;
  length: LengthBucket | null;
  /** `YYYY-MM`, inclusive. */
  from: string | null;
  to: string | null;
}

export interface ListQuery extends ListFilters {
  sort: SortKey;
  page: number;
}

export const EMPTY_FILTERS: ListFilters = {
  tags: [],
  theme: null,
  length: null,
  from: null,
  to: null,
};

export type Dimension = 'tags' | 'theme' | 'length' | 'date';

export interface Facets {
  tags: Map<string, number>;
  themes: Map<string, number>;
  lengths: Map<LengthBucket, number>;
}
