import { useSyncExternalStore } from 'react';
import {
  getOfflineState,
  INITIAL_OFFLINE_STATE,
  subscribeOffline,
  type OfflineState,
} from '../offline/status';

export function useOffline(): OfflineState {
  // Prerendered pages were built knowing nothing of this browser: hydrate with that.
  return useSyncExternalStore(subscribeOffline, getOfflineState, () => INITIAL_OFFLINE_STATE);
}
