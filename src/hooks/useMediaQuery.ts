import { useSyncExternalStore } from 'react';

/**
 * Whether a media query matches, kept current. False on the server and while hydrating (the
 * prerendered page is the narrow layout), then the browser's answer.
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
