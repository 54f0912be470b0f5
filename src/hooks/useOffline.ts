import { useSyncExternalStore } from 'react';
import { getOfflineState, subscribeOffline, type OfflineState } from '../offline/status';

export function useOffline(): OfflineState {
  return useSyncExternalStore(subscribeOffline, getOfflineState, getOfflineState);
}
