import { useRouteLoaderData } from 'react-router';
import { loadLibrary, type Library } from '../data/essays';

/** The root route loads the essay index once; every page reads it from here. */
export const ROOT_ID = 'root';

export function rootLoader(): Promise<Library> {
  return loadLibrary();
}

export function useLibrary(): Library {
  const library = useRouteLoaderData<Library>(ROOT_ID);
  if (!library) throw new Error('useLibrary used outside the root route');
  return library;
}
