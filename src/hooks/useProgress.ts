import { useSyncExternalStore } from 'react';
import { loadProgress, subscribeProgress, type ProgressMap } from '../lib/progress';

const empty: ProgressMap = {};

/** Reading progress for every essay, re-rendering when any of it changes. */
export function useProgress(): ProgressMap {
  return useSyncExternalStore(subscribeProgress, loadProgress, () => empty);
}
