import { LENGTH_LABELS, type ListFilters } from '../domain/browse';
import { termLabel } from '../domain/slugs';

/** The filters in force, each removable, and a clear-all control. */
export interface ActiveFilter {
  id: string;
  label: string;
  remove: () => void;
}

export function ActiveFilters({
  filters,
  onClearAll,
}: {
  filters: readonly ActiveFilter[];
  onClearAll: () => void;
}) {
  if (filters.length === 0) return null;
  return (
    <div className="active-filters">
      <ul aria-label="Active filters">
        {filters.map((f) => (
          <li key={f.id}>
            <button
              type="button"
              className="chip"
              onClick={f.remove}
              aria-label={`Remove filter: ${f.label}`}
            >
              {f.label} <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      {filters.length > 1 ? (
        <button type="button" className="link-button" onClick={onClearAll}>
          Clear all filters
        </button>
      ) : null}
    </div>
  );
}

/** Tags and themes by key, for their labels. */
interface TermNames {
  tags: ReadonlyMap<string, { value: string }>;
  themes: ReadonlyMap<string, { value: string }>;
}

/**
 * One chip per filter in force, for the list and for search alike (the same words, the same
 * order): `change` gets the filters without the removed one.
 */
export function activeFiltersOf(
  filters: ListFilters,
  names: TermNames,
  change: (next: ListFilters) => void,
): ActiveFilter[] {
  const label = (map: TermNames['tags'], key: string) => termLabel(map.get(key)?.value ?? key).text;
  const without = (part: Partial<ListFilters>) => () => change({ ...filters, ...part });
  return [
    ...filters.tags.map((t) => ({
      id: `tag:${t}`,
      label: `Tag: ${label(names.tags, t)}`,
      remove: without({ tags: filters.tags.filter((x) => x !== t) }),
    })),
    ...(filters.theme
      ? [
          {
            id: 'theme',
            label: `Theme: ${label(names.themes, filters.theme)}`,
            remove: without({ theme: null }),
          },
        ]
      : []),
    ...(filters.length
      ? [{ id: 'length', label: LENGTH_LABELS[filters.length], remove: without({ length: null }) }]
      : []),
    ...(filters.from || filters.to
      ? [
          {
            id: 'date',
            label: `Date: ${filters.from ?? '…'} to ${filters.to ?? '…'}`,
            remove: without({ from: null, to: null }),
          },
        ]
      : []),
  ];
}
