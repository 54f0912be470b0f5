import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * The reader's language for dates and numbers. Prerendered pages are built in English, so
 * hydration renders English too and the reader's own locale follows right after (the same
 * handshake as useHydrated: a different server snapshot, no hydration mismatch).
 */
export function useLocale(): string {
  return useSyncExternalStore(
    subscribe,
    () => navigator.language || 'en',
    () => 'en',
  );
}
