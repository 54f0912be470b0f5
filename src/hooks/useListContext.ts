import { useEffect } from 'react';
import type { ListContext } from '../data/neighbors';

/**
 * Remembers the list a reader came from (its path and query, and for search results the
 * essays in their ranked order, which cannot be recomputed without the search index), so the
 * reader's previous, next and Esc follow that list. Session storage: the context belongs to
 * this tab's journey.
 */
const KEY = 'essays:v3:list-context';

/**
 * The newest context not yet written. Search changes the path on every keystroke, and
 * writing 200 essay numbers to storage each time cost a keystroke up to 15 ms; so the write waits
 * until typing pauses, and anything that reads the context (or the page going away) writes
 * it at once.
 */
let unsaved: ListContext | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function save(): void {
  clearTimeout(timer);
  if (!unsaved) return;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(unsaved));
  } catch {
    // storage unavailable: next/previous fall back to date order
  }
  unsaved = null;
}

export function useRememberListContext(path: string, ids?: readonly number[]): void {
  // Joined, so a new array holding the same numbers is not a change.
  const joined = ids?.join(' ');
  useEffect(() => {
    unsaved =
      joined === undefined ? { path } : { path, ids: joined ? joined.split(' ').map(Number) : [] };
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  }, [path, joined]);
  useEffect(() => {
    addEventListener('pagehide', save);
    return () => {
      removeEventListener('pagehide', save);
      save(); // leaving the list, e.g. into the reader
    };
  }, []);
}

/** The remembered list, or null when there is none or what is stored is not one. */
export function readListContext(): ListContext | null {
  save();
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { path, ids } = value as Record<string, unknown>;
    if (typeof path !== 'string' || !path.startsWith('/')) return null;
    if (ids === undefined) return { path };
    return Array.isArray(ids) && ids.every((i) => Number.isInteger(i))
      ? { path, ids: ids as number[] }
      : { path };
  } catch {
    return null;
  }
}
