import { useId, useMemo } from 'react';
import { Link, useLoaderData, useSearchParams } from 'react-router';
import type { ArchiveTerms } from '../domain/archive';
import { termMaps } from '../data/catalog';
import { PageMeta } from '../components/PageMeta';
import { termsByCount, termsByName } from '../data/catalog';
import { termLabel } from '../domain/slugs';
import { paths } from '../paths';

/** Every tag with its count; sort and quick filter live in the URL (`?sort=name&q=…`). */
export function Tags() {
  const terms = useLoaderData<ArchiveTerms>();
  const tags = useMemo(() => termMaps(terms).tags, [terms]);
  const [params, setParams] = useSearchParams();
  const sort = params.get('sort') === 'name' ? 'name' : 'count';
  const q = params.get('q') ?? '';
  const findId = useId();
  const sortId = useId();
  const all = useMemo(
    () => (sort === 'name' ? termsByName(tags) : termsByCount(tags)),
    [tags, sort],
  );
  const needle = q.trim().toLowerCase();
  const shown = needle
    ? all.filter(
        (t) => t.key.includes(needle) || termLabel(t.value).text.toLowerCase().includes(needle),
      )
    : all;
  const update = (key: string, value: string, defaultValue: string) => {
    const next = new URLSearchParams(params);
    if (value === defaultValue) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: key === 'q', preventScrollReset: true });
  };

  return (
    <>
      <PageMeta
        title="Tags"
        description={`All ${all.length} tags in the archive, with how many essays carry each.`}
      />
      <h1 className="page-title">Tags</h1>
      <div className="term-tools">
        <div>
          <label htmlFor={findId}>Filter tags</label>
          <input
            id={findId}
            type="search"
            value={q}
            onChange={(e) => update('q', e.target.value, '')}
            placeholder="e.g. pedagogy"
          />
        </div>
        <div>
          <label htmlFor={sortId}>Sort</label>
          <select
            id={sortId}
            value={sort}
            onChange={(e) => update('sort', e.target.value, 'count')}
          >
            <option value="count">Most essays first</option>
            <option value="name">Name A–Z</option>
          </select>
        </div>
      </div>
      <p role="status" className="page-lead">
        {shown.length === all.length
          ? `${all.length} tags`
          : `${shown.length} of ${all.length} tags`}
      </p>
      {shown.length === 0 ? <p>No tag contains “{q.trim()}”. Try fewer letters.</p> : null}
      <ul className="term-index">
        {shown.map((t) => (
          <li key={t.key}>
            <Link to={paths.tag.build(t.value)}>{termLabel(t.value).text}</Link>{' '}
            <span className="count">{t.count}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
