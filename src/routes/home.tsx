import { useEffect, useMemo, useState } from 'react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { ContinueReading } from '../components/ContinueReading';
import { PageMeta } from '../components/PageMeta';
import { hasFilters, PAGE_SIZE, pageCount } from '../data/browse';
import {
  catalogInMemory,
  loadEssayPage,
  loadManifest,
  loadSummaries,
  loadTerms,
} from '../data/essays';
import { parseListQuery } from '../data/listQuery';
import { termMaps } from '../data/catalog';
import { lightListView } from '../data/listView';
import type { ArchiveTerms } from '../domain/archive';
import type { ListQuery } from '../domain/browse';
import type { EssaySummary } from '../domain/essay';
import { useHydrated } from '../hooks/useHydrated';
import { useProgress } from '../hooks/useProgress';
import { continueReading } from '../lib/progress';
import { BrowseView, loadListData, type ListData } from './browseView';
import { useArchive } from './rootData';

type HomeData =
  | { kind: 'newest'; terms: ArchiveTerms; query: ListQuery; shown: EssaySummary[] }
  | ({ kind: 'any' } & ListData);

/**
 * The unfiltered, newest-first list (what a first visit sees) is one summary chunk and the
 * terms; any filter or other sort loads the catalog (the packed facets) once, on demand
 * (docs/decisions/0011-archive-at-scale.md).
 */
export async function homeLoader({ request }: LoaderFunctionArgs): Promise<HomeData> {
  if (catalogInMemory()) return { kind: 'any', ...(await loadListData(request)) };
  const [manifest, terms] = await Promise.all([loadManifest(), loadTerms()]);
  const query = parseListQuery(new URL(request.url).searchParams, termMaps(terms));
  if (hasFilters(query) || query.sort !== 'newest')
    return { kind: 'any', ...(await loadListData(request)) };
  const page = Math.min(query.page, pageCount(manifest.count));
  const ids: number[] = [];
  for (let id = (page - 1) * PAGE_SIZE; id < Math.min(page * PAGE_SIZE, manifest.count); id++)
    ids.push(id);
  return { kind: 'newest', terms, query: { ...query, page }, shown: await loadSummaries(ids) };
}

type NewestData = Extract<HomeData, { kind: 'newest' }>;

function NewestList({ data }: { data: NewestData }) {
  const { count } = useArchive();
  const view = useMemo(
    () => lightListView(data.terms, count, data.query, data.shown),
    [data, count],
  );
  return <BrowseView view={view} label="All essays" />;
}

/** The essay the reader left part-way through, found by the slug saved with its progress. */
function useContinueReading(): { essay: EssaySummary; position: number } | null {
  const progress = useProgress();
  const hydrated = useHydrated();
  const current = hydrated ? continueReading(progress) : null;
  const slug = current?.entry.slug ?? null;
  const [found, setFound] = useState<{ slug: string; essay: EssaySummary } | null>(null);
  useEffect(() => {
    if (!slug) return;
    let live = true;
    loadEssayPage(slug).then(
      (page) => live && page && setFound({ slug, essay: page.essay }),
      () => {}, // offline and not saved: no banner
    );
    return () => {
      live = false;
    };
  }, [slug]);
  return current && found && found.slug === slug
    ? { essay: found.essay, position: current.entry.position }
    : null;
}

export function Home() {
  const data = useLoaderData<HomeData>();
  const { count } = useArchive();
  const current = useContinueReading();
  return (
    <>
      <PageMeta description={`${count} essays to filter, search and read, online or off.`} />
      <h1 className="page-title">All essays</h1>
      {current ? <ContinueReading essay={current.essay} position={current.position} /> : null}
      {data.kind === 'any' ? (
        <BrowseView view={data.view} label="All essays" />
      ) : (
        <NewestList data={data} />
      )}
    </>
  );
}
