import type { EssaySlug } from '../domain/essay';
import { isRecord, readStored, writeStored } from './storage';

/**
 * Where the reader is in each essay: how far down (0–1), when, and whether it was read to
 * the end. One versioned record; bad entries are dropped one by one.
 */

export const PROGRESS_KEY = 'progress';
/** Beyond this, a position is "the end" and offers no resume. */
export const DONE_AT = 0.97;
/** Less than this is "just opened"; not worth a resume offer. */
export const RESUME_FROM = 0.03;
const MAX_ENTRIES = 5000;

export interface EssayProgress {
  /** Fraction of the essay scrolled past, 0–1. */
  position: number;
  /** ms since epoch of the last visit. */
  at: number;
  read: boolean;
}

export type ProgressMap = Record<string, EssayProgress>;

export function parseProgress(raw: unknown): ProgressMap | null {
  if (!isRecord(raw)) return null;
  const out: ProgressMap = {};
  for (const [slug, v] of Object.entries(raw)) {
    if (!isRecord(v)) continue;
    const { position, at, read } = v;
    if (typeof position !== 'number' || !(position >= 0 && position <= 1)) continue;
    if (typeof at !== 'number' || !Number.isFinite(at)) continue;
    out[slug] = { position, at, read: read === true };
  }
  return out;
}

let cache: ProgressMap | null = null;
const listeners = new Set<() => void>();

export function loadProgress(): ProgressMap {
  cache ??= readStored(PROGRESS_KEY, parseProgress) ?? {};
  return cache;
}

function commit(next: ProgressMap): void {
  const entries = Object.entries(next);
  // Keep the store bounded: forget the oldest unread positions first.
  if (entries.length > MAX_ENTRIES) {
    entries.sort((a, b) => Number(b[1].read) - Number(a[1].read) || b[1].at - a[1].at);
    next = Object.fromEntries(entries.slice(0, MAX_ENTRIES));
  }
  cache = next;
  writeStored(PROGRESS_KEY, next);
  for (const l of listeners) l();
}

export function savePosition(slug: EssaySlug, position: number, now = Date.now()): void {
  const current = loadProgress()[slug];
  const clamped = Math.min(1, Math.max(0, position));
  commit({
    ...loadProgress(),
    [slug]: { position: clamped, at: now, read: (current?.read ?? false) || clamped >= DONE_AT },
  });
}

export function setRead(slug: EssaySlug, read: boolean, now = Date.now()): void {
  const current = loadProgress()[slug];
  commit({ ...loadProgress(), [slug]: { position: current?.position ?? 0, at: now, read } });
}

export function subscribeProgress(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The essay most recently left part-way through, if any. */
export function continueReading(
  progress: ProgressMap,
): { slug: string; entry: EssayProgress } | null {
  let best: { slug: string; entry: EssayProgress } | null = null;
  for (const [slug, entry] of Object.entries(progress)) {
    if (entry.read || entry.position < RESUME_FROM || entry.position >= DONE_AT) continue;
    if (!best || entry.at > best.entry.at) best = { slug, entry };
  }
  return best;
}

/** For tests: forget the in-memory copy so the next read goes to storage. */
export function resetProgressCache(): void {
  cache = null;
}
