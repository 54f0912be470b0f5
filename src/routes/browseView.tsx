import { useMemo } from 'react';
import { useLocation, useNavigation, useSearchParams } from 'react-router';
import type { Catalog } from '../data/catalog';
import { loadCatalog, loadSummaries } from '../data/essays';
import { fullListView, type ListView } from '../data/listView';
import { ActiveFilters, activeFiltersOf } from '../components/ActiveFilters';
import { EssayCard } from '../components/EssayCard';
import { FilterPanel } from '../components/FilterPanel';
import { Pagination } from '../components/Pagination';
import { SortSelect } from '../components/SortSelect';
import { hasFilters } from '../data/browse';
import { termsByCount } from '../data/catalog';
import type { ListQuery } from '../domain/browse';
import { listQueryToParams, parseListQuery } from '../data/listQuery';
import { termLabel } from '../domain/slugs';
import { useRememberListContext } from '../hooks/useListContext';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { useProgress } from '../hooks/useProgress';
import { FILTERS_DISCLOSURE, WIDE_LAYOUT } from '../firstPaint';
import { DONE_AT, RESUME_FROM } from '../lib/progress';

/**
 * The filterable list, shared by the home, tag and theme pages. The URL is the state: the
 * query is parsed from it on every render and every change pushes a new URL, so back and
 * forward step through filter changes and a copied link reproduces the view.
 */

export interface Fixed {
  tag?: string;
  theme?: string;
}

export function withFixed(q: ListQuery, fixed: Fixed): ListQuery {
  return {
    ...q,
    tags: fixed.tag && !q.tags.includes(fixed.tag) ? [fixed.tag, ...q.tags] : q.tags,
    theme: fixed.theme ?? q.theme,
  };
}

function withoutFixed(q: ListQuery, fixed: Fixed): ListQuery {
  return { ...q, tags: q.tags.filter((t) => t !== fixed.tag), theme: fixed.theme ? null : q.theme };
}

export interface ListData {
  catalog: Catalog;
  view: ListView;
}

/**
 * For a list route's loader: the list for the query in the URL, computed from the catalog
 * (the packed facets, loaded once), with the shown page's summaries.
 */
export async function loadListData(request: Request, fixed: Fixed = {}): Promise<ListData> {
  const catalog = await loadCatalog();
  const query = withFixed(parseListQuery(new URL(request.url).searchParams, catalog), fixed);
  return { catalog, view: await fullListView(catalog, query, loadSummaries) };
}

/**
 * Whether the reader opened the folded filters on a narrow screen: kept outside the list,
 * which remounts as the reader filters (the home page trades its light first view for the
 * full one on the first filter), so picking a tag does not fold the panel away.
 */
let filtersOpenedOnNarrow = false;

export function BrowseView({
  view,
  fixed = {},
  label,
}: {
  view: ListView;
  fixed?: Fixed;
  label: string;
}) {
  const [, setParams] = useSearchParams();
  const location = useLocation();
  useRememberListContext(location.pathname + location.search);
  const progress = useProgress();
  const wide = useMediaQuery(WIDE_LAYOUT);
  const { page, pages, shown } = view;
  // While a change loads (the first filter on the home page fetches the whole index), the
  // controls already show the change asked for; the results follow when it has loaded.
  const navigation = useNavigation();
  const pending =
    navigation.location?.pathname === location.pathname ? navigation.location.search : null;
  const query = useMemo(
    () =>
      pending === null
        ? view.query
        : withFixed(parseListQuery(new URLSearchParams(pending), view), fixed),
    [pending, view, fixed],
  );
  const tags = useMemo(
    () => termsByCount(view.tags).filter((t) => t.key !== fixed.tag),
    [view.tags, fixed.tag],
  );
  const themes = useMemo(() => termsByCount(view.themes), [view.themes]);

  const go = (next: ListQuery) =>
    setParams(listQueryToParams(withoutFixed(next, fixed)), {
      preventScrollReset: true,
      flushSync: true,
    });
  const own = withoutFixed(query, fixed);

  const active = activeFiltersOf(own, view, (next) => go({ ...query, ...next, page: 1 }));
  const clearAll = () =>
    go(
      withFixed(
        { ...query, tags: [], theme: null, length: null, from: null, to: null, page: 1 },
        fixed,
      ),
    );

  return (
    <div className="browse">
      <aside className="browse-filters" aria-label={`Filter ${label}`}>
        {/* Folded on a phone, so the first screen shows essays; open beside the list on a
            wide screen (WIDE_LAYOUT; boot-settings.js opens it before the first paint). */}
        <details
          className={FILTERS_DISCLOSURE}
          open={wide || filtersOpenedOnNarrow}
          onToggle={(e) => {
            if (!wide) filtersOpenedOnNarrow = e.currentTarget.open;
          }}
        >
          <summary>
            Filters
            {active.length > 0 ? <span className="filters-count"> · {active.length}</span> : null}
          </summary>
          <FilterPanel
            query={query}
            facets={view.facets}
            tags={tags}
            themes={themes}
            months={view.months}
            hide={{ theme: Boolean(fixed.theme) }}
            onChange={go}
          />
        </details>
      </aside>
      <section
        className="browse-results"
        aria-label={`${label}: results`}
        aria-busy={pending !== null}
      >
        <div className="results-bar">
          <p className="results-count" role="status">
            {view.total === 1 ? '1 essay' : `${view.total.toLocaleString('en')} essays`}
            {pages > 1 ? `, page ${page} of ${pages}` : ''}
          </p>
          <SortSelect value={query.sort} onChange={(sort) => go({ ...query, sort, page: 1 })} />
        </div>
        <ActiveFilters filters={active} onClearAll={clearAll} />
        {view.total === 0 ? (
          <EmptyState
            view={view}
            query={own}
            fixed={fixed}
            go={(q) => go(withFixed(q, fixed))}
            onClearAll={clearAll}
          />
        ) : (
          <div className="essay-list">
            {shown.map((essay) => {
              const p = progress[essay.threadId];
              const partial =
                p && !p.read && p.position >= RESUME_FROM && p.position < DONE_AT ? p.position : 0;
              return (
                <EssayCard
                  key={essay.slug}
                  essay={essay}
                  read={p?.read ?? false}
                  position={partial}
                />
              );
            })}
          </div>
        )}
        <Pagination
          page={page}
          pages={pages}
          hrefFor={(p) => `?${listQueryToParams({ ...own, page: p }).toString()}`}
        />
      </section>
    </div>
  );
}

function EmptyState({
  view,
  query,
  fixed,
  go,
  onClearAll,
}: {
  view: ListView;
  query: ListQuery;
  fixed: Fixed;
  go: (q: ListQuery) => void;
  onClearAll: () => void;
}) {
  const options = view
    .relaxations(withFixed(query, fixed))
    .filter(
      (r) => r.count > 0 && r.drop !== `tag:${fixed.tag}` && !(r.drop === 'theme' && fixed.theme),
    );
  const describe = (drop: string) =>
    drop.startsWith('tag:')
      ? `tag “${termLabel(view.tags.get(drop.slice(4))!.value).text}”`
      : drop === 'theme'
        ? `theme “${termLabel(view.themes.get(query.theme!)!.value).text}”`
        : drop === 'length'
          ? 'the reading-time filter'
          : 'the date range';
  const apply = (drop: string) => {
    if (drop.startsWith('tag:'))
      go({ ...query, page: 1, tags: query.tags.filter((t) => t !== drop.slice(4)) });
    else if (drop === 'theme') go({ ...query, page: 1, theme: null });
    else if (drop === 'length') go({ ...query, page: 1, length: null });
    else go({ ...query, page: 1, from: null, to: null });
  };
  return (
    <div className="empty-state">
      <h2>No essays match all of these filters</h2>
      {options.length > 0 ? (
        <ul>
          {options.slice(0, 4).map((o) => (
            <li key={o.drop}>
              <button type="button" className="link-button" onClick={() => apply(o.drop)}>
                Drop the {describe(o.drop)}
              </button>{' '}
              to see {o.count === 1 ? '1 essay' : `${o.count} essays`}.
            </li>
          ))}
        </ul>
      ) : null}
      {hasFilters(query) ? (
        <p>
          <button type="button" className="link-button" onClick={onClearAll}>
            Clear all filters
          </button>
        </p>
      ) : null}
    </div>
  );
}
