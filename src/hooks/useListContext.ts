import { useEffect } from 'react';
import type { ListContext } from '../data/neighbors';

/**
 * Remembers the list a reader came from (its path and query, and for search results the
 * essays in their ranked order, which cannot be recomputed without the search index), so the
 * reader's previous, next and Esc follow that list. Session storage: the context belongs to
 * this tab's journey.
 */
const KEY = 'essays:v2:list-context';

export function useRememberListContext(path: string, slugs?: readonly string[]): void {
  const joined = slugs?.join(' ');
  useEffect(() => {
    try {
      const value: ListContext =
        joined === undefined ? { path } : { path, slugs: joined.split(' ') };
      sessionStorage.setItem(KEY, JSON.stringify(value));
    } catch {
      // storage unavailable: next/previous fall back to date order
    }
  }, [path, joined]);
}

/** The remembered list, or null when there is none or what is stored is not one. */
export function readListContext(): ListContext | null {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { path, slugs } = value as Record<string, unknown>;
    if (typeof path !== 'string' || !path.startsWith('/')) return null;
    if (slugs === undefined) return { path };
    return Array.isArray(slugs) && slugs.every((s) => typeof s === 'string')
      ? { path, slugs: slugs as string[] }
      : { path };
  } catch {
    return null;
  }
}
