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
