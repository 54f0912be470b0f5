import { isShowableTime } from '../domain/dates';
import { isRecord, readStored, STORAGE_PREFIX, writeStored } from './storage';

/**
 * Where the reader is in each essay: how far down (0–1), when, and whether it was read to
 * the end. Keyed by the essay's thread id, its stable identity, so a retitled essay (a new
 * slug) keeps its progress. One versioned record; bad entries are dropped one by one.
 *
 * Several tabs share it: every change re-reads the stored record and changes one entry, and
 * a change made in another tab (the `storage` event) reaches this one's readers, so two tabs
 * never erase each other's marks.
 */

export const PROGRESS_KEY = 'progress';
/** Beyond this, a position is "the end" and offers no resume. */
export const DONE_AT = 0.97;
/** Less than this is "just opened"; not worth a resume offer. */
export const RESUME_FROM = 0.03;
export const MAX_ENTRIES = 5000;

export interface EssayProgress {
  /** Fraction of the essay scrolled past, 0–1. */
  position: number;
  /** ms since epoch of the last visit. */
  at: number;
  read: boolean;
  /** The essay's slug when last saved: "continue reading" finds the essay by it. */
  slug?: string;
}

/** By thread id. */
export type ProgressMap = Record<string, EssayProgress>;

/** What is stored: version 2 is keyed by thread id; version 1 (a bare map) was by slug. */
interface StoredProgress {
  version: 2;
  entries: ProgressMap;
}

function parseEntries(raw: Record<string, unknown>): ProgressMap {
  const out: ProgressMap = {};
  for (const [id, v] of Object.entries(raw)) {
    if (!isRecord(v)) continue;
    const { position, at, read } = v;
    if (typeof position !== 'number' || !(position >= 0 && position <= 1)) continue;
    // A time a Date can hold: a page formats it.
    if (!isShowableTime(at)) continue;
    const slug = typeof v.slug === 'string' ? v.slug : undefined;
    out[id] = slug
      ? { position, at, read: read === true, slug }
      : { position, at, read: read === true };
  }
  return out;
}

/** Either format; `bySlug` marks the old one, to be re-keyed once the essay index is known. */
export function parseProgress(raw: unknown): { entries: ProgressMap; bySlug: boolean } | null {
  if (!isRecord(raw)) return null;
  if (raw.version === 2 && isRecord(raw.entries))
    return { entries: parseEntries(raw.entries), bySlug: false };
  if ('version' in raw) return null; // a newer or broken shape: start afresh
  return { entries: parseEntries(raw), bySlug: true };
}

/**
 * The store bounded to `MAX_ENTRIES`: the entry just saved always stays; of the rest, read
 * marks are kept before positions, the most recent first.
 */
export function boundProgress(map: ProgressMap, keep: string): ProgressMap {
  const entries = Object.entries(map);
  if (entries.length <= MAX_ENTRIES) return map;
  const others = entries.filter(([id]) => id !== keep);
  others.sort((a, b) => Number(b[1].read) - Number(a[1].read) || b[1].at - a[1].at);
  const kept = others.slice(0, MAX_ENTRIES - (keep in map ? 1 : 0));
  return Object.fromEntries(keep in map ? [[keep, map[keep]!], ...kept] : kept);
}

let cache: ProgressMap | null = null;
let legacy: ProgressMap | null = null;
const listeners = new Set<() => void>();
const empty: ProgressMap = {};

/** The stored record as it is now (not this tab's copy). */
function readFresh(): ProgressMap {
  const stored = readStored(PROGRESS_KEY, parseProgress);
  if (stored?.bySlug) {
    legacy = stored.entries; // shown once migrateProgress() has the slugs
    return empty;
  }
  return stored?.entries ?? empty;
}

export function loadProgress(): ProgressMap {
  cache ??= readFresh();
  return cache;
}

function notify(): void {
  for (const l of listeners) l();
}

function update(id: string, change: (current: EssayProgress | undefined) => EssayProgress): void {
  const fresh = readFresh();
  const next = boundProgress({ ...fresh, [id]: change(fresh[id]) }, id);
  cache = next;
  writeStored(PROGRESS_KEY, { version: 2, entries: next } satisfies StoredProgress);
  notify();
}

/** The essay being read, as progress is kept for it. */
export interface ProgressKey {
  threadId: string;
  slug: string;
}

export function savePosition(key: ProgressKey, position: number, now = Date.now()): void {
  const clamped = Math.min(1, Math.max(0, position));
  update(key.threadId, (current) => ({
    position: clamped,
    at: now,
    read: (current?.read ?? false) || clamped >= DONE_AT,
    slug: key.slug,
  }));
}

export function setRead(key: ProgressKey, read: boolean, now = Date.now()): void {
  update(key.threadId, (current) => ({
    position: current?.position ?? 0,
    at: now,
    read,
    slug: key.slug,
  }));
}

/** Entries from elsewhere (an imported file) read as progress; bad ones are dropped. */
export const parseProgressEntries = (raw: Record<string, unknown>): ProgressMap =>
  parseEntries(raw);

/** What an import did to the progress kept here. */
export interface ProgressMerge {
  /** Essays whose progress changed and was kept. */
  changed: number;
  /** Entries of the file left out by the cap (MAX_ENTRIES, as for progress saved by reading). */
  dropped: number;
  /** False when the browser refused to store it (full or blocked): then nothing changed. */
  saved: boolean;
}

/**
 * Adds progress from another browser (an import): for each essay the later visit wins and a
 * read mark is never lost. The store keeps at most MAX_ENTRIES, as it does when reading:
 * read marks first, then the most recent.
 */
export function mergeProgress(incoming: ProgressMap): ProgressMerge {
  const merged = { ...readFresh() };
  const touched = new Set<string>();
  for (const [id, entry] of Object.entries(incoming)) {
    const current = merged[id];
    if (!current || current.at < entry.at) {
      merged[id] = { ...entry, read: entry.read || (current?.read ?? false) };
      touched.add(id);
    } else if (entry.read && !current.read) {
      merged[id] = { ...current, read: true };
      touched.add(id);
    }
  }
  if (touched.size === 0) return { changed: 0, dropped: 0, saved: true };
  const next = boundProgress(merged, '');
  let changed = 0;
  for (const id of touched) if (id in next) changed++;
  const dropped = Object.keys(incoming).filter((id) => !(id in next)).length;
  if (!writeStored(PROGRESS_KEY, { version: 2, entries: next } satisfies StoredProgress))
    return { changed: 0, dropped: 0, saved: false };
  cache = next;
  notify();
  return { changed, dropped, saved: true };
}

export function hasLegacyProgress(): boolean {
  loadProgress();
  return legacy !== null;
}

/**
 * Progress saved by an older version (keyed by slug) moves to thread ids, for the essays the
 * index still has under that slug.
 */
export function migrateProgress(threadOfSlug: (slug: string) => string | undefined): void {
  loadProgress();
  if (!legacy) return;
  const moved: ProgressMap = {};
  for (const [slug, entry] of Object.entries(legacy)) {
    const id = threadOfSlug(slug);
    if (id) moved[id] = entry;
  }
  legacy = null;
  cache = { ...moved, ...readFresh() };
  writeStored(PROGRESS_KEY, { version: 2, entries: cache } satisfies StoredProgress);
  notify();
}

function onStorage(event: StorageEvent): void {
  if (event.key !== null && event.key !== STORAGE_PREFIX + PROGRESS_KEY) return;
  cache = null; // another tab changed it: read afresh
  notify();
}

export function subscribeProgress(listener: () => void): () => void {
  if (listeners.size === 0 && typeof window !== 'undefined')
    window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && typeof window !== 'undefined')
      window.removeEventListener('storage', onStorage);
  };
}

/** The essay most recently left part-way through, if any (by thread id). */
export function continueReading(
  progress: ProgressMap,
): { id: string; entry: EssayProgress } | null {
  let best: { id: string; entry: EssayProgress } | null = null;
  for (const [id, entry] of Object.entries(progress)) {
    if (entry.read || entry.position < RESUME_FROM || entry.position >= DONE_AT) continue;
    if (!best || entry.at > best.entry.at) best = { id, entry };
  }
  return best;
}

/** For tests: forget the in-memory copy so the next read goes to storage. */
export function resetProgressCache(): void {
  cache = null;
  legacy = null;
}
