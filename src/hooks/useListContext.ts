import { useEffect } from 'react';

/**
 * Remembers the list a reader came from (its path and query), so the reader's previous and
 * next follow that list. Session storage: the context belongs to this tab's journey.
 */
const KEY = 'essays:v1:list-context';

export function useRememberListContext(pathAndSearch: string): void {
  useEffect(() => {
    try {
      sessionStorage.setItem(KEY, pathAndSearch);
    } catch {
      // storage unavailable: next/previous fall back to date order
    }
  }, [pathAndSearch]);
}

export function readListContext(): string | null {
  try {
    const value = sessionStorage.getItem(KEY);
    return value && value.startsWith('/') ? value : null;
  } catch {
    return null;
  }
}
