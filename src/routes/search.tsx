import { useEffect, useMemo } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ActiveFilters, activeFiltersOf } from '../components/ActiveFilters';
import { PageMeta } from '../components/PageMeta';
import { Pagination } from '../components/Pagination';
import { SearchHit } from '../components/SearchHit';
import { filterIndexes, hasFilters, pageCount } from '../data/browse';
import { listQueryToParams, parseListQuery } from '../data/listQuery';
import { useRememberListContext } from '../hooks/useListContext';
import { useProgress } from '../hooks/useProgress';
import { useSearch } from '../hooks/useSearch';
import { warmUpSearch } from '../search/client';
import { loadSummaries } from '../data/essays';
import { useCatalog, useTermMaps, type TermMaps } from '../hooks/useCatalog';
import { useArchive } from './rootData';
import { useSnippets } from '../hooks/useSnippets';
import { useShownAnswer } from '../hooks/useShownAnswer';
import { paths } from '../paths';

/**
 * Search results. `?q=` is the query; `tag`, `theme` and `length` narrow it, with the same
 * URL values as the list, so "search within a tag" is a shareable link.
 */
/** URL keys that narrow a search: only then does it need the catalog. */
const FILTER_KEYS = ['tag', 'theme', 'length', 'from', 'to'];

export function SearchPage() {
  const { terms, error } = useTermMaps();
  const { count } = useArchive();
  const [params] = useSearchParams();
  // On the search page the reader is about to type: start the worker and fetch the summaries'
  // chunk table now, not with the first keystroke (it answered last at p95).
  useEffect(() => {
    warmUpSearch();
    void loadSummaries([]).catch(() => {});
  }, []);
  if (terms) return <SearchResults terms={terms} />;
  return (
    <>
      <PageMeta noindex title="Search" description="Search the essays, even offline." />
      <h1 className="page-title">Search</h1>
      <p className="results-count" role="status">
        {error
          ? `Search is unavailable: ${error} Reload the page to try again.`
          : params.get('q')?.trim()
            ? 'Searching…'
            : `Search the titles, tags, themes and full text of ${count.toLocaleString('en')} essays.`}
      </p>
    </>
  );
}

function SearchResults({ terms: catalog }: { terms: TermMaps }) {
  const archive = useArchive();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const key = params.toString();
  const filters = useMemo(() => parseListQuery(new URLSearchParams(key), catalog), [key, catalog]);
  // Filters narrow a search across the whole archive: the catalog, loaded on first use.
  const filtered = FILTER_KEYS.some((k) => params.has(k));
  const full = useCatalog(filtered);
  // The filters narrow the search in the worker, before the best results are cut: filtering
  // the best 200 afterwards missed matches ranked lower in the whole archive.
  const within = useMemo(
    () => (hasFilters(filters) && full.catalog ? filterIndexes(full.catalog, filters) : null),
    [full.catalog, filters],
  );
  // Until the catalog is here, a filtered search waits rather than answering unfiltered.
  const waiting = hasFilters(filters) && !full.catalog;
  const q = params.get('q') ?? '';
  const withinKey = within
    ? listQueryToParams({
        tags: filters.tags,
        theme: filters.theme,
        length: filters.length,
        from: filters.from,
        to: filters.to,
      }).toString()
    : '';
  const state = useSearch(waiting ? '' : q, within, withinKey);
  const progress = useProgress();
  const latest =
    state.status === 'done' ? state.answer : state.status === 'loading' ? state.previous : null;
  // The results render as a transition with their summaries, so a keystroke never waits for
  // them: the box stays live and the list follows a moment later.
  // (No query, no answer: what was shown for the last one goes with it.)
  const shownState = useShownAnswer(latest, filters.page);
  const shownAnswer = latest ? shownState : null;
  const answer = shownAnswer?.answer ?? null;
  const wantedPage = latest ? Math.min(filters.page, pageCount(latest.result.hits.length)) : 1;
  const busy =
    waiting ||
    state.status === 'loading' ||
    answer !== latest ||
    (shownAnswer !== null && shownAnswer.page !== wantedPage);
  const stale = answer !== null && answer.build !== archive.build;

  const hits = useMemo(() => (answer && !stale ? answer.result.hits : []), [answer, stale]);
  const terms = useMemo(
    () => new Set(answer?.result.expansions.flat().map((e) => e.term) ?? []),
    [answer],
  );
  const highlight = useMemo(
    () => new URLSearchParams({ hl: [...terms].slice(0, 40).join(' ') }).toString(),
    [terms],
  );

  // Reading from the results: previous, next and Esc follow this ranking.
  useRememberListContext(
    `${location.pathname}${location.search}`,
    useMemo(() => hits.map((h) => h.doc), [hits]),
  );

  const pages = pageCount(hits.length);
  const page = shownAnswer?.page ?? 1;
  const shown = useMemo(() => (stale ? [] : (shownAnswer?.essays ?? [])), [shownAnswer, stale]);
  const excerpts = useSnippets(shown, terms);

  // The same chips as the list's; removing one keeps the query and goes back to page one.
  const active = activeFiltersOf(filters, catalog, (next) =>
    setParams(new URLSearchParams([['q', q], ...listQueryToParams(next)])),
  );

  let status: string;
  if (waiting && full.error)
    status = `Search is unavailable: ${full.error} Reload the page to try again.`;
  else if (waiting) status = 'Searching…';
  else if (q.trim() === '')
    status = `Search the titles, tags, themes and full text of ${archive.count.toLocaleString('en')} essays.`;
  else if (state.status === 'error')
    status = `Search is unavailable: ${state.message} Reload the page to try again.`;
  else if (stale)
    status =
      'This page is older than the search index. Reload the page to search the latest essays.';
  else if (!answer) status = 'Searching…';
  else if (answer.result.query.onlyStopWords)
    status = `“${q.trim()}” holds only very common words. Add a more specific word.`;
  else if (hits.length === 0)
    status = `No essays match “${q.trim()}”${within ? ' with these filters' : ''}.`;
  else
    status = `${hits.length === 1 ? '1 essay matches' : `${hits.length.toLocaleString('en')} essays match`} “${q.trim()}”${answer.result.total > answer.result.hits.length ? ` (showing the best ${answer.result.hits.length})` : ''}.`;

  return (
    <>
      <PageMeta
        noindex
        title={q ? `Search: ${q}` : 'Search'}
        description="Search the essays, even offline."
      />
      <h1 className="page-title">Search</h1>
      <p className="results-count" role="status">
        {status}
      </p>
      {q.trim() === '' ? (
        <p className="hint">
          Typos are forgiven, words are matched as you type, and “quoted words” must all appear
          exactly. Press <kbd>/</kbd> to search from any page.
        </p>
      ) : null}
      {answer?.result.didYouMean && hits.length === 0 ? (
        <p>
          Did you mean{' '}
          <Link
            to={`${paths.search.build(answer.result.didYouMean)}${
              key.includes('tag=') || key.includes('theme=')
                ? `&${[...params]
                    .filter(([k]) => k !== 'q' && k !== 'page')
                    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
                    .join('&')}`
                : ''
            }`}
          >
            {answer.result.didYouMean}
          </Link>
          ?
        </p>
      ) : null}
      <ActiveFilters filters={active} onClearAll={() => setParams(new URLSearchParams({ q }))} />
      {hits.length === 0 && within && answer && answer.result.totalInArchive > 0 ? (
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() => setParams(new URLSearchParams({ q }))}
          >
            Search all essays instead
          </button>{' '}
          ({answer.result.totalInArchive.toLocaleString('en')} match without the filters)
        </p>
      ) : null}
      <div className="essay-list" aria-busy={busy}>
        {shown.map((essay) => (
          <SearchHit
            key={essay.slug}
            essay={essay}
            excerpt={excerpts.get(essay.slug)}
            terms={terms}
            highlight={highlight}
            read={progress[essay.threadId]?.read ?? false}
          />
        ))}
      </div>
      <Pagination
        page={page}
        pages={pages}
        hrefFor={(p) =>
          `?${new URLSearchParams([...params].filter(([k]) => k !== 'page').concat(p > 1 ? [['page', String(p)]] : [])).toString()}`
        }
      />
    </>
  );
}
