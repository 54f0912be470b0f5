import { useRouteLoaderData } from 'react-router';
import { loadLibrary, type Library } from '../data/essays';
import { migrateProgress } from '../lib/progress';

/** The root route loads the essay index once; every page reads it from here. */
export const ROOT_ID = 'root';

export async function rootLoader(): Promise<Library> {
  const library = await loadLibrary();
  // Progress saved by an older version is keyed by slug: moved to thread ids before any
  // page reads it.
  const threadOf = new Map<string, string>(library.index.essays.map((e) => [e.slug, e.threadId]));
  migrateProgress((slug) => threadOf.get(slug));
  return library;
}

export function useLibrary(): Library {
  const library = useRouteLoaderData<Library>(ROOT_ID);
  if (!library) throw new Error('useLibrary used outside the root route');
  return library;
}
