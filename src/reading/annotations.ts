import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { isShowableTime } from '../domain/dates';
import type { Anchor } from './anchor';

/**
 * Highlights and notes, kept on the reader's device in IndexedDB (through `idb`, a small
 * maintained wrapper): they are the reader's own writing, may grow past what localStorage
 * holds, and must survive offline. Keyed by a random id; found by the essay's thread id, its
 * lasting identity (a retitled essay keeps its highlights). Other tabs hear of changes on a
 * BroadcastChannel.
 */

export const COLOURS = ['yellow', 'green', 'blue', 'pink'] as const;
export type Colour = (typeof COLOURS)[number];

export interface Annotation {
  id: string;
  /** The essay: its thread id, and its slug, title, theme and tags when last saved. */
  threadId: string;
  slug: string;
  title: string;
  theme: string;
  tags: string[];
  colour: Colour;
  /** Empty for a plain highlight. */
  note: string;
  anchor: Anchor;
  /** ms since epoch. */
  created: number;
  updated: number;
}

interface ReadingDb extends DBSchema {
  annotations: { key: string; value: Annotation; indexes: { thread: string } };
}

const DB_NAME = 'essays-reading';
let db: Promise<IDBPDatabase<ReadingDb>> | null = null;

/** Said wherever highlights are read or kept when the browser will not open the database. */
export const HIGHLIGHTS_UNAVAILABLE =
  'This browser does not let the site keep highlights and notes (its storage is blocked, as in some private windows).';

export class HighlightsUnavailable extends Error {
  constructor() {
    super(HIGHLIGHTS_UNAVAILABLE);
    this.name = 'HighlightsUnavailable';
  }
}

function database(): Promise<IDBPDatabase<ReadingDb>> {
  // Opened in a `then` so that a browser whose `indexedDB.open` throws rejects like one whose
  // request fails, and so that the failure is forgotten after it is settled: the next use
  // asks again (the reader may allow storage meanwhile).
  db ??= Promise.resolve()
    .then(() =>
      openDB<ReadingDb>(DB_NAME, 1, {
        upgrade(d) {
          const store = d.createObjectStore('annotations', { keyPath: 'id' });
          store.createIndex('thread', 'threadId');
        },
      }),
    )
    .catch(() => {
      db = null;
      throw new HighlightsUnavailable();
    });
  return db;
}

const listeners = new Set<() => void>();
let channel: BroadcastChannel | null | undefined;

/**
 * The channel to other tabs, opened on first use in a browser only: an open channel keeps
 * Node running, and the prerender imports this module (a build once hung on it).
 */
function tabs(): BroadcastChannel | null {
  if (channel === undefined) {
    channel =
      typeof window !== 'undefined' && typeof BroadcastChannel === 'function'
        ? new BroadcastChannel(DB_NAME)
        : null;
    channel?.addEventListener('message', () => listeners.forEach((l) => l()));
  }
  return channel;
}

/** Called after any change here or in another tab. */
export function onAnnotationsChange(listener: () => void): () => void {
  tabs();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  listeners.forEach((l) => l());
  tabs()?.postMessage('changed');
}

export async function annotationsOf(threadId: string): Promise<Annotation[]> {
  const found = await (await database()).getAllFromIndex('annotations', 'thread', threadId);
  return found.sort((a, b) => a.anchor.start - b.anchor.start);
}

/** Every annotation, newest first. */
export async function allAnnotations(): Promise<Annotation[]> {
  const found = await (await database()).getAll('annotations');
  // A record stored by an older version, or damaged, is left out rather than breaking the
  // pages that list highlights.
  return found
    .map((a) => parseAnnotation(a))
    .filter((a): a is Annotation => a !== null)
    .sort((a, b) => b.created - a.created);
}

export async function saveAnnotation(annotation: Annotation): Promise<void> {
  await (await database()).put('annotations', annotation);
  changed();
}

export async function deleteAnnotation(id: string): Promise<void> {
  await (await database()).delete('annotations', id);
  changed();
}

/** What an annotation keeps of its essay, to list and link it without loading the essay. */
export type EssayDetails = Pick<Annotation, 'slug' | 'title' | 'theme' | 'tags'>;

/**
 * Brings what the annotations of an essay keep of it up to date with the essay as it is now
 * (a retitle moves its address). The reader's own edit times are left as they are: import
 * compares those. Returns how many changed.
 */
export async function refreshEssayDetails(threadId: string, now: EssayDetails): Promise<number> {
  const d = await database();
  const tx = d.transaction('annotations', 'readwrite');
  let changedCount = 0;
  for (const a of await tx.store.index('thread').getAll(threadId)) {
    if (
      a.slug === now.slug &&
      a.title === now.title &&
      a.theme === now.theme &&
      a.tags.join('\n') === now.tags.join('\n')
    )
      continue;
    await tx.store.put({ ...a, ...now, tags: [...now.tags] });
    changedCount++;
  }
  await tx.done;
  if (changedCount > 0) changed();
  return changedCount;
}

/** The thread id of an essay the reader kept something of at this address, if any. */
export async function threadKeptAt(slug: string): Promise<string | null> {
  return (await allAnnotations()).find((a) => a.slug === slug)?.threadId ?? null;
}

export async function clearAnnotations(): Promise<void> {
  await (await database()).clear('annotations');
  changed();
}

/**
 * Adds imported annotations: one with an id already here is kept in whichever version was
 * changed last, so importing the same file twice changes nothing. Returns how many were new.
 */
export async function mergeAnnotations(incoming: readonly Annotation[]): Promise<number> {
  const d = await database();
  const tx = d.transaction('annotations', 'readwrite');
  let added = 0;
  for (const a of incoming) {
    const existing = await tx.store.get(a.id);
    if (!existing) added++;
    if (!existing || existing.updated < a.updated) await tx.store.put(a);
  }
  await tx.done;
  changed();
  return added;
}

export function newId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** A stored value read back as an annotation, or null when it is not one (import, old data). */
export function parseAnnotation(raw: unknown): Annotation | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : null);
  // Offsets are whole characters; times are dates a Date can show (an imported `1e20` once
  // broke the Highlights page on every load, for good).
  const offset = (v: unknown) =>
    Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : null;
  const time = (v: unknown) => (isShowableTime(v) ? v : null);
  const anchor = r.anchor as Record<string, unknown> | null | undefined;
  if (typeof anchor !== 'object' || anchor === null) return null;
  const id = str('id');
  const threadId = str('threadId');
  const slug = str('slug');
  const title = str('title');
  const theme = str('theme');
  const note = str('note');
  const colour = COLOURS.find((c) => c === r.colour);
  const start = offset(anchor.start);
  const end = offset(anchor.end);
  const created = time(r.created);
  const updated = time(r.updated);
  if (
    !id ||
    !threadId ||
    slug === null ||
    title === null ||
    theme === null ||
    note === null ||
    !colour ||
    start === null ||
    end === null ||
    end < start ||
    created === null ||
    updated === null ||
    typeof anchor.exact !== 'string' ||
    anchor.exact === '' ||
    typeof anchor.prefix !== 'string' ||
    typeof anchor.suffix !== 'string' ||
    !Array.isArray(r.tags) ||
    !r.tags.every((t) => typeof t === 'string')
  )
    return null;
  return {
    id,
    threadId,
    slug,
    title,
    theme,
    tags: r.tags as string[],
    colour,
    note,
    anchor: { exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix, start, end },
    created,
    updated,
  };
}
