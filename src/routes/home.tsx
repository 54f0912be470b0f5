import { useEffect, useMemo, useState } from 'react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { ContinueReading } from '../components/ContinueReading';
import { PageMeta } from '../components/PageMeta';
import { hasFilters, PAGE_SIZE, pageCount } from '../data/browse';
import {
  isLibraryLoaded,
  libraryInMemory,
  loadEssayPage,
  loadLibrary,
  loadManifest,
  loadSummaries,
  loadTerms,
  type Library,
} from '../data/essays';
import { parseListQuery } from '../data/listQuery';
import { lightListView, termMaps } from '../data/listView';
import type { ArchiveTerms } from '../domain/archive';
import type { ListQuery } from '../domain/browse';
import type { EssaySummary } from '../domain/essay';
import { useHydrated } from '../hooks/useHydrated';
import { useProgress } from '../hooks/useProgress';
import { continueReading } from '../lib/progress';
import { BrowseView, useFullListView } from './browseView';
import { useArchive } from './rootData';

type HomeData =
  | { kind: 'newest'; terms: ArchiveTerms; query: ListQuery; shown: EssaySummary[] }
  | { kind: 'any'; library: Library };

/**
 * The unfiltered, newest-first list (what a first visit sees) is a page of one summary chunk
 * and the terms; any filter, other sort or search loads the whole index, on demand
 * (docs/decisions/0011-archive-at-scale.md).
 */
export async function homeLoader({ request }: LoaderFunctionArgs): Promise<HomeData> {
  if (isLibraryLoaded()) return { kind: 'any', library: await loadLibrary() };
  const [manifest, terms] = await Promise.all([loadManifest(), loadTerms()]);
  const query = parseListQuery(new URL(request.url).searchParams, termMaps(terms));
  if (hasFilters(query) || query.sort !== 'newest')
    return { kind: 'any', library: await loadLibrary() };
  const page = Math.min(query.page, pageCount(manifest.count));
  const ids: number[] = [];
  for (let id = (page - 1) * PAGE_SIZE; id < Math.min(page * PAGE_SIZE, manifest.count); id++)
    ids.push(id);
  return { kind: 'newest', terms, query: { ...query, page }, shown: await loadSummaries(ids) };
}

/** Once the whole index is loaded, every view of the list is computed from it at once. */
export const homeShouldRevalidate = () => !isLibraryLoaded();

const NO_FIXED = {};

type NewestData = Extract<HomeData, { kind: 'newest' }>;

function NewestList({ data }: { data: NewestData }) {
  const { count } = useArchive();
  const view = useMemo(
    () => lightListView(data.terms, count, data.query, data.shown),
    [data, count],
  );
  return <BrowseView view={view} label="All essays" />;
}

function AnyList({ library }: { library: Library }) {
  return <BrowseView view={useFullListView(library, NO_FIXED)} label="All essays" />;
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
  // Loaded since (by search, a tag page…): the loader is not asked again, and this is used.
  const library = data.kind === 'any' ? data.library : libraryInMemory();
  const { count } = useArchive();
  const current = useContinueReading();
  return (
    <>
      <PageMeta description={`${count} essays to filter, search and read, online or off.`} />
      <h1 className="page-title">All essays</h1>
      {current ? <ContinueReading essay={current.essay} position={current.position} /> : null}
      {library ? <AnyList library={library} /> : <NewestList data={data as NewestData} />}
    </>
  );
}
