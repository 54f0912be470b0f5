/// <reference lib="webworker" />
import type { PackTable } from '../domain/packs';
import { saveArchive } from './saveArchive';
import { QuotaError, type SaveProgress } from './saveState';

/**
 * Saves the archive off the main thread: fetches and cache writes on the page's thread showed
 * up as long tasks while the reader typed a search on a first visit.
 * Progress is posted at most a few times a second, which is as often as anyone can read it.
 */
declare const self: DedicatedWorkerGlobalScope;

export type ToSaveWorker =
  { type: 'save'; table: PackTable; base: string } | { type: 'pause'; ms: number };
export type FromSaveWorker =
  | { type: 'progress'; progress: SaveProgress }
  | { type: 'done'; progress: SaveProgress }
  | { type: 'error'; message: string; quota: boolean };

const PROGRESS_EVERY_MS = 250;
const post = (message: FromSaveWorker) => self.postMessage(message);

/**
 * While the reader types a search, saving holds: on a small machine it competed with the
 * search worker and the page for the same cores and made typing stutter.
 */
let pausedUntil = 0;
const holdWhilePaused = async () => {
  while (performance.now() < pausedUntil)
    await new Promise((r) => setTimeout(r, pausedUntil - performance.now()));
};

self.onmessage = (event: MessageEvent<ToSaveWorker>) => {
  const message = event.data;
  if (message.type === 'pause') {
    pausedUntil = Math.max(pausedUntil, performance.now() + message.ms);
    return;
  }
  let last = 0;
  const report = (progress: SaveProgress) => {
    const now = performance.now();
    if (now - last < PROGRESS_EVERY_MS && progress.saved < progress.total) return;
    last = now;
    post({ type: 'progress', progress });
  };
  saveArchive(message.table, message.base, report, undefined, holdWhilePaused).then(
    (progress) => post({ type: 'done', progress }),
    (e: unknown) =>
      post({
        type: 'error',
        message: e instanceof Error ? e.message : 'Saving for offline failed.',
        quota: e instanceof QuotaError,
      }),
  );
};
