import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False while React hydrates a prerendered page (and on the server), true afterwards and in
 * any render that is not hydrating. What the reader's own browser knows (local storage, the
 * list they came from, offline progress) is shown only once this is true, so the first client
 * render matches the HTML built without it, and the real state follows a moment later.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
