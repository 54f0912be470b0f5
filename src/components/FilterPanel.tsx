import { useId, useState } from 'react';
import type { Facets, ListQuery } from '../domain/browse';
import { LENGTH_LABELS, LENGTHS, type LengthBucket, type Term } from '../domain/browse';
import { termLabel } from '../domain/slugs';

/**
 * The list's filters. Plain props in, a whole new query out: the route turns it into a URL.
 * Every option shows how many essays picking it would give; options that would give none
 * say so and cannot be picked (but can always be unpicked).
 */

export interface FilterPanelProps {
  query: ListQuery;
  facets: Facets;
  tags: readonly Term[];
  themes: readonly Term[];
  months: { min: string; max: string };
  /** Hide dimensions a page fixes (a tag page has its tag, a theme page its theme). */
  hide?: { theme?: boolean };
  onChange: (next: ListQuery) => void;
}

const TAGS_SHOWN = 12;

function TagFilter({
  query,
  facets,
  tags,
  onChange,
}: Pick<FilterPanelProps, 'query' | 'facets' | 'tags' | 'onChange'>) {
  const [find, setFind] = useState('');
  const findId = useId();
  const needle = find.trim().toLowerCase();
  const selected = tags.filter((t) => query.tags.includes(t.key));
  const others = tags
    .filter((t) => !query.tags.includes(t.key))
    .filter((t) => (needle ? t.key.includes(needle) : (facets.tags.get(t.key) ?? 0) > 0))
    .sort(
      (a, b) => (facets.tags.get(b.key) ?? 0) - (facets.tags.get(a.key) ?? 0) || b.count - a.count,
    )
    .slice(0, needle ? 40 : TAGS_SHOWN);
  const toggle = (key: string) =>
    onChange({
      ...query,
      page: 1,
      tags: query.tags.includes(key) ? query.tags.filter((t) => t !== key) : [...query.tags, key],
    });
  return (
    <fieldset className="filter-group">
      <legend>
        Tags {query.tags.length > 1 ? <span className="hint">(all must match)</span> : null}
      </legend>
      <label htmlFor={findId} className="visually-hidden">
        Find a tag
      </label>
      <input
        id={findId}
        type="search"
        className="filter-find"
        placeholder={`Find among ${tags.length} tags`}
        value={find}
        onChange={(e) => setFind(e.target.value)}
      />
      <ul className="filter-options">
        {[...selected, ...others].map((t) => {
          const count = facets.tags.get(t.key) ?? 0;
          const checked = query.tags.includes(t.key);
          return (
            <li key={t.key}>
              <label className={count === 0 && !checked ? 'is-empty' : undefined}>
                <input
                  type="checkbox"
                  data-key={t.key}
                  checked={checked}
                  disabled={count === 0 && !checked}
                  onChange={() => toggle(t.key)}
                />{' '}
                {termLabel(t.value).text}{' '}
                <span className="count">({count === 0 && !checked ? 'none' : count})</span>
              </label>
            </li>
          );
        })}
      </ul>
      {needle && others.length === 0 ? (
        <p className="hint">No tag contains “{find.trim()}”.</p>
      ) : null}
    </fieldset>
  );
}

function ThemeFilter({
  query,
  facets,
  themes,
  onChange,
}: Pick<FilterPanelProps, 'query' | 'facets' | 'themes' | 'onChange'>) {
  const id = useId();
  const byArea = new Map<string, Term[]>();
  for (const t of themes) {
    const area = termLabel(t.value).area ?? 'other';
    byArea.set(area, [...(byArea.get(area) ?? []), t]);
  }
  const option = (t: Term) => {
    const count = facets.themes.get(t.key) ?? 0;
    return (
      <option key={t.key} value={t.key} disabled={count === 0 && query.theme !== t.key}>
        {termLabel(t.value).name} ({count === 0 ? 'none' : count})
      </option>
    );
  };
  return (
    <div className="filter-group">
      <label htmlFor={id} className="filter-label">
        Theme
      </label>
      <select
        id={id}
        value={query.theme ?? ''}
        onChange={(e) => onChange({ ...query, page: 1, theme: e.target.value || null })}
      >
        <option value="">All themes</option>
        {[...byArea].map(([area, list]) => (
          <optgroup key={area} label={area}>
            {list.map(option)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function LengthFilter({
  query,
  facets,
  onChange,
}: Pick<FilterPanelProps, 'query' | 'facets' | 'onChange'>) {
  const name = useId();
  const choices: (LengthBucket | null)[] = [null, ...LENGTHS];
  const total = [...facets.lengths.values()].reduce((a, b) => a + b, 0);
  return (
    <fieldset className="filter-group">
      <legend>Reading time</legend>
      <ul className="filter-options">
        {choices.map((bucket) => {
          const count = bucket === null ? total : (facets.lengths.get(bucket) ?? 0);
          const checked = query.length === bucket;
          return (
            <li key={bucket ?? 'any'}>
              <label className={count === 0 && !checked ? 'is-empty' : undefined}>
                <input
                  type="radio"
                  name={name}
                  checked={checked}
                  disabled={count === 0 && !checked}
                  onChange={() => onChange({ ...query, page: 1, length: bucket })}
                />{' '}
                {bucket === null ? 'Any length' : LENGTH_LABELS[bucket]}{' '}
                <span className="count">({count === 0 ? 'none' : count})</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function DateFilter({
  query,
  months,
  onChange,
}: Pick<FilterPanelProps, 'query' | 'months' | 'onChange'>) {
  const fromId = useId();
  const toId = useId();
  const valid = (v: string) => (/^\d{4}-\d{2}$/.test(v) ? v : null);
  return (
    <fieldset className="filter-group">
      <legend>Date</legend>
      <div className="filter-dates">
        <label htmlFor={fromId}>From</label>
        <input
          id={fromId}
          type="month"
          min={months.min}
          max={months.max}
          value={query.from ?? ''}
          onChange={(e) => onChange({ ...query, page: 1, from: valid(e.target.value) })}
        />
        <label htmlFor={toId}>To</label>
        <input
          id={toId}
          type="month"
          min={months.min}
          max={months.max}
          value={query.to ?? ''}
          onChange={(e) => onChange({ ...query, page: 1, to: valid(e.target.value) })}
        />
      </div>
      <p className="hint">Years left out by the author are inferred.</p>
    </fieldset>
  );
}

export function FilterPanel(props: FilterPanelProps) {
  return (
    <div className="filter-panel">
      {props.hide?.theme ? null : <ThemeFilter {...props} />}
      <LengthFilter {...props} />
      <TagFilter {...props} />
      <DateFilter {...props} />
    </div>
  );
}
