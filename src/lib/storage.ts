/**
 * Local storage with versioned keys. Anything unreadable — corrupt JSON, an old shape, a
 * browser that refuses storage — reads as "nothing stored" and is cleared, never thrown.
 * Writes that fail (quota, private mode) are reported by return value, not by a crash.
 */

export const STORAGE_PREFIX = 'essays:v1:';

function store(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // access itself can throw when storage is disabled
  }
}

export function readStored<T>(key: string, parse: (raw: unknown) => T | null): T | null {
  const s = store();
  if (!s) return null;
  let raw: string | null;
  try {
    raw = s.getItem(STORAGE_PREFIX + key);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const value = parse(JSON.parse(raw));
    if (value !== null) return value;
  } catch {
    // fall through: corrupt
  }
  removeStored(key);
  return null;
}

export function writeStored(key: string, value: unknown): boolean {
  const s = store();
  if (!s) return false;
  try {
    s.setItem(STORAGE_PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeStored(key: string): void {
  try {
    store()?.removeItem(STORAGE_PREFIX + key);
  } catch {
    // nothing to do: storage unavailable
  }
}

/** Keys from older versions of the app; dropped once so they do not linger. */
export function dropOldVersions(): void {
  const s = store();
  if (!s) return;
  try {
    for (let i = s.length - 1; i >= 0; i--) {
      const key = s.key(i);
      if (key && key.startsWith('essays:') && !key.startsWith(STORAGE_PREFIX)) s.removeItem(key);
    }
  } catch {
    // storage unavailable
  }
}

export const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
