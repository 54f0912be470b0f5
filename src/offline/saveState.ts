import type { PackTable } from '../domain/packs';

/**
 * What the page needs to know of saving for offline without the saving itself
 * (src/offline/saveArchive.ts, which runs in a worker and is loaded on the page only where
 * workers cannot save): progress, the errors that stop a save, the pack table, and what the
 * browser says of storage.
 */

/** Counted in essays; `failed` counts the parts (packs, images) that could not be fetched. */
export interface SaveProgress {
  saved: number;
  total: number;
  bytes: number;
  /** Packs or images the server did not give (an error status, not a pack, a drop). */
  failed: number;
}

export class QuotaError extends Error {
  constructor() {
    super('This device has no room left to save the archive for offline reading.');
    this.name = 'QuotaError';
  }
}

export const CONNECTION_DROPPED = 'The connection dropped; saving resumes when it is back.';

/** Reads the pack table a build names (the save worker and the page both use it). */
export async function fetchPackTable(fileName: string, base: string): Promise<PackTable> {
  const response = await fetch(new URL(fileName, base).href);
  if (!response.ok) throw new Error(`${fileName} answered ${response.status}`);
  return (await response.json()) as PackTable;
}

/** What the saved bodies take, from the Storage API where the browser offers it. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  try {
    const e = await navigator.storage?.estimate?.();
    return e && typeof e.usage === 'number' && typeof e.quota === 'number'
      ? { usage: e.usage, quota: e.quota }
      : null;
  } catch {
    return null;
  }
}

/**
 * Asks the browser to keep the saved archive when space runs low (it may say no, e.g. for a
 * site that is not installed or bookmarked); the answer is shown in the footer.
 */
export async function persistStorage(): Promise<boolean> {
  try {
    return (
      (await navigator.storage?.persisted?.()) || ((await navigator.storage?.persist?.()) ?? false)
    );
  } catch {
    return false;
  }
}
