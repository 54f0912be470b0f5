import { registerSW } from 'virtual:pwa-register';
import type { ArchiveManifest } from '../domain/archive';
import type { PackTable } from '../domain/packs';
import { readStored, writeStored } from '../lib/storage';
import {
  CONNECTION_DROPPED,
  fetchPackTable,
  persistStorage,
  QuotaError,
  storageEstimate,
  type SaveProgress,
} from './saveState';
import type { FromSaveWorker, ToSaveWorker } from './saveWorker';

/**
 * Offline state as one small external store: the connection, the service worker, the
 * background save of the archive, and a waiting update. React reads it with
 * useSyncExternalStore (hooks/useOffline.ts); nothing here imports React.
 */

export interface OfflineState {
  online: boolean;
  /** False where the browser has no service workers (or storage is blocked). */
  supported: boolean;
  /**
   * `offered`: the archive is larger than the build's limit for saving without asking; the
   * reader may save it all (`saveEverything`), and essays opened are kept meanwhile.
   * `partial`: the save finished, but some packs could not be fetched.
   */
  phase: 'starting' | 'offered' | 'saving' | 'saved' | 'partial' | 'error';
  /** What saving the whole archive stores, once the pack table is read. */
  archiveBytes: number | null;
  progress: SaveProgress | null;
  error: string | null;
  /** Bytes this site stores, per the Storage API, once known. */
  usage: number | null;
  /** A new build is installed and waiting for the reader's go-ahead. */
  needRefresh: boolean;
  /** Whether the browser agreed to keep the saved archive when space runs low; null: not asked. */
  persisted: boolean | null;
}

/** What a page built ahead of time shows: online, nothing saved yet. */
export const INITIAL_OFFLINE_STATE: OfflineState = {
  online: true,
  supported: true,
  phase: 'starting',
  archiveBytes: null,
  progress: null,
  error: null,
  usage: null,
  needRefresh: false,
  persisted: null,
};

let state: OfflineState = {
  ...INITIAL_OFFLINE_STATE,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  supported:
    typeof navigator !== 'undefined' &&
    'serviceWorker' in navigator &&
    typeof caches !== 'undefined',
};
const listeners = new Set<() => void>();

function set(change: Partial<OfflineState>): void {
  state = { ...state, ...change };
  for (const l of listeners) l();
}

export const getOfflineState = () => state;
export function subscribeOffline(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let started = false;
let archive: ArchiveManifest | null = null;
let packs: PackTable | null = null;
let saving: Promise<void> | null = null;

/** The reader asked to keep the whole archive once; later builds are then saved as usual. */
const CONSENT_KEY = 'offline-save-all';
const consented = () => readStored(CONSENT_KEY, (raw) => (raw === true ? true : null)) === true;
// Absolute, since a worker resolves relative URLs against its own script.
const siteBase = () => new URL(import.meta.env.BASE_URL, location.href).href;

/** Registers the service worker and starts saving the archive once it is active. */
export function startOffline(manifest: ArchiveManifest): void {
  archive = manifest;
  if (started) return;
  started = true;
  window.addEventListener('online', () => {
    set({ online: true });
    if (state.phase === 'error' && state.error === CONNECTION_DROPPED) void prepare();
  });
  window.addEventListener('offline', () => set({ online: false }));
  if (!state.supported) return;
  registerSW({
    immediate: true,
    onNeedRefresh: () => set({ needRefresh: true }),
    onRegisterError: () =>
      set({ phase: 'error', error: 'Offline reading could not be set up in this browser.' }),
  });
  void navigator.serviceWorker.ready.then(prepare);
}

/** Reads the pack table, then saves the archive, or offers to, as the build's limit says. */
async function prepare(): Promise<void> {
  if (!archive) return;
  try {
    packs ??= await fetchPackTable(archive.packs, siteBase());
  } catch {
    set({ phase: 'error', error: CONNECTION_DROPPED });
    return;
  }
  set({ archiveBytes: packs.bytes });
  if (packs.bytes > packs.autoSaveBytes && !consented()) set({ phase: 'offered' });
  else await save();
}

/** The reader's go-ahead to save an archive larger than the automatic limit. */
export function saveEverything(): void {
  writeStored(CONSENT_KEY, true);
  void save();
}

const showProgress = (progress: SaveProgress) =>
  set({
    phase: progress.saved < progress.total ? 'saving' : state.phase,
    progress,
  });

let saveWorker: Worker | null = null;

/** Holds the background save for a moment: the reader is typing and needs the cores. */
export function holdSaving(ms = 1000): void {
  saveWorker?.postMessage({ type: 'pause', ms } satisfies ToSaveWorker);
}

/**
 * Saves in a worker where the browser gives workers the Cache API (all current ones do);
 * on the page otherwise. Either way the result is the same promise.
 */
function saveInBackground(table: PackTable): Promise<SaveProgress> {
  const base = siteBase();
  // Loaded only here: the saving itself runs in the worker, and need not weigh on every page.
  const onPage = () =>
    import('./saveArchive').then((m) => m.saveArchive(table, base, showProgress));
  let worker: Worker;
  try {
    worker = saveWorker = new Worker(new URL('./saveWorker.ts', import.meta.url), {
      type: 'module',
      name: 'save-archive',
    });
  } catch {
    return onPage();
  }
  return new Promise<SaveProgress>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromSaveWorker>) => {
      const m = event.data;
      if (m.type === 'progress') return showProgress(m.progress);
      worker.terminate();
      saveWorker = null;
      if (m.type === 'done') resolve(m.progress);
      else reject(m.quota ? new QuotaError() : new Error(m.message));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      saveWorker = null;
      // The worker could not start (an old browser, a blocked script): save here instead.
      onPage().then(resolve, reject);
    };
    worker.postMessage({ type: 'save', table, base } satisfies ToSaveWorker);
  });
}

function save(): Promise<void> {
  if (!packs) return Promise.resolve();
  if (saving) return saving;
  void persistStorage().then((persisted) => set({ persisted }));
  set({ phase: 'saving', error: null });
  saving = saveInBackground(packs)
    .then(async (progress) => {
      set({
        phase: progress.saved === progress.total && progress.failed === 0 ? 'saved' : 'partial',
        progress,
        error: null,
        usage: (await storageEstimate())?.usage ?? null,
      });
    })
    .catch((e: unknown) => {
      set({
        phase: 'error',
        error:
          e instanceof QuotaError
            ? e.message
            : e instanceof Error
              ? e.message
              : 'Saving for offline failed.',
      });
    })
    .finally(() => {
      saving = null;
    });
  return saving;
}

/**
 * Reloads into the waiting build (the reader's place is saved on the way out): tells the
 * waiting worker to take over and reloads when it does. If no worker is waiting any more
 * (another tab already took the update), or it does not answer in time, it reloads anyway.
 */
export async function applyUpdate(): Promise<void> {
  const registration = await navigator.serviceWorker?.getRegistration();
  const waiting = registration?.waiting;
  if (!waiting) {
    location.reload();
    return;
  }
  let reloaded = false;
  const reload = () => {
    if (reloaded) return;
    reloaded = true;
    location.reload();
  };
  navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
  waiting.postMessage({ type: 'SKIP_WAITING' });
  setTimeout(reload, 3000);
}
