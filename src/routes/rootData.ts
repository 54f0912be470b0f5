import { useRouteLoaderData } from 'react-router';
import type { ArchiveManifest } from '../domain/archive';
import { loadManifest, loadWholeIndex } from '../data/essays';
import { hasLegacyProgress, migrateProgress } from '../lib/progress';

/**
 * The root route loads the archive's small manifest once; every page reads it from here and
 * loads its own slice of the archive (docs/decisions/0011-archive-at-scale.md).
 */
export const ROOT_ID = 'root';

export async function rootLoader(): Promise<ArchiveManifest> {
  const manifest = await loadManifest();
  // Progress saved by an older version is keyed by slug: moved to thread ids, once, before
  // any page reads it. Only then is the whole index worth loading on a page's first load.
  // Offline (the index is not saved for offline reading), the move waits for a visit online.
  if (hasLegacyProgress()) {
    const index = await loadWholeIndex().catch(() => null);
    if (index) {
      const threadOf = new Map<string, string>(index.essays.map((e) => [e.slug, e.threadId]));
      migrateProgress((slug) => threadOf.get(slug));
    }
  }
  return manifest;
}

export function useArchive(): ArchiveManifest {
  const manifest = useRouteLoaderData<ArchiveManifest>(ROOT_ID);
  if (!manifest) throw new Error('useArchive used outside the root route');
  return manifest;
}
