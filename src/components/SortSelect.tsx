import { useId } from 'react';
import { SORT_LABELS, SORTS, type SortKey } from '../domain/browse';

export function SortSelect({
  value,
  onChange,
}: {
  value: SortKey;
  onChange: (sort: SortKey) => void;
}) {
  const id = useId();
  return (
    <div className="sort-select">
      <label htmlFor={id}>Sort</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as SortKey)}>
        {SORTS.map((s) => (
          <option key={s} value={s}>
            {SORT_LABELS[s]}
          </option>
        ))}
      </select>
    </div>
  );
}
