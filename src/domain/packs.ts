import { slugBucket } from './archive.ts';

/**
 * Offline packs (docs/decisions/0012-offline-packs.md): the files a reader needs offline,
 * bundled so that saving the archive is a few hundred requests instead of two per essay.
 * The service worker keeps each pack whole in the cache and answers a request for one of its
 * files by slicing it out, so a pack is stored once and never unpacked into thousands of
 * cache entries.
 *
 * Essay packs hold the page files and bodies of the essays whose slug hashes to them (FNV-1a
 * modulo a power of two), so the pack of an essay's files is known from its slug alone, and
 * adding or editing an essay changes one pack (and its neighbours'), not all of them. Shared
 * packs hold summary chunks, slug buckets and search shards, listed by name in the pack table.
 */

export const PACK_VERSION = 1;
/** About this many essays per essay pack: ~150 KB of page files and bodies. */
export const ESSAYS_PER_PACK = 48;
/** Shared packs are cut near this size (raw). */
export const SHARED_PACK_BYTES = 256 * 1024;

/**
 * Saved without asking up to 40 MB (about 6,000 essays of a few hundred words, at the 6.6 KB
 * an essay measured with its share of the shared packs): a size a phone keeps without noticing. Above it, saving is offered with its size. `OFFLINE_AUTO_SAVE_MB`
 * sets another limit at build time.
 */
export const DEFAULT_AUTO_SAVE_BYTES = 40 * 1024 * 1024;

export function autoSaveBytesFrom(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.OFFLINE_AUTO_SAVE_MB?.trim();
  if (!raw) return DEFAULT_AUTO_SAVE_BYTES;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb < 0)
    throw new Error(`OFFLINE_AUTO_SAVE_MB "${raw}" must be a number of megabytes, like 40`);
  return Math.round(mb * 1024 * 1024);
}

export interface EssayPackEntry {
  file: string;
  /** Essays whose page file and body it holds. */
  essays: number;
  bytes: number;
}

export interface SharedPackEntry {
  file: string;
  bytes: number;
  /** The files it holds (site-relative names). */
  files: string[];
}

export interface MediaEntry {
  file: string;
  bytes: number;
}

/** `data/packs.<h>.json`, named by the archive manifest. */
export interface PackTable {
  version: typeof PACK_VERSION;
  /** Essay pack k holds the essays with `essayPackOf(slug, essays.length) === k`. */
  essays: EssayPackEntry[];
  shared: SharedPackEntry[];
  /** The images essays embed (`media/<name>.<h>.<ext>`), saved one by one as they are. */
  media: MediaEntry[];
  /** All packs and images together, raw: what saving everything stores. */
  bytes: number;
  /** Up to this many bytes the archive is saved without asking; above it, saving is offered. */
  autoSaveBytes: number;
}

/** The number of essay packs for an archive: a power of two, so growth splits packs evenly. */
export function essayPackCount(essays: number): number {
  let p = 1;
  while (p * ESSAYS_PER_PACK < essays) p *= 2;
  return p;
}

export const essayPackOf = (slug: string, packs: number) => slugBucket(slug, packs);

/**
 * A pack's text: one JSON header line `{"pack":1,"files":[[name, length], …]}`, then the
 * files' sources one after another (each is JSON, so none holds a raw newline).
 */
export function encodePack(files: readonly { fileName: string; source: string }[]): string {
  const sources = files.map((f) => f.source); // once each: a file's source may be made on read
  const header = {
    pack: PACK_VERSION,
    files: files.map((f, i) => [f.fileName, sources[i]!.length]),
  };
  return `${JSON.stringify(header)}\n${sources.join('')}`;
}

/** A pack's files by name, or null when the text is not a pack (a host's HTML error page). */
export function decodePack(text: string): Map<string, string> | null {
  const newline = text.indexOf('\n');
  if (newline < 0 || !text.startsWith('{"pack":')) return null;
  let header: { pack?: unknown; files?: unknown };
  try {
    header = JSON.parse(text.slice(0, newline)) as typeof header;
  } catch {
    return null;
  }
  if (header.pack !== PACK_VERSION || !Array.isArray(header.files)) return null;
  const out = new Map<string, string>();
  let at = newline + 1;
  for (const entry of header.files as [string, number][]) {
    const [name, length] = entry;
    out.set(name, text.slice(at, at + length));
    at += length;
  }
  return at === text.length ? out : null;
}

/** The essay whose files are `data/pages/<slug>.<h>.json` and `data/essays/<slug>.<h>.json`. */
const ESSAY_FILE = /^data\/(?:pages|essays)\/(.+)\.[0-9a-f]{10}\.json$/;

export type PackRef = { kind: 'essay'; index: number } | { kind: 'shared'; index: number };

/** Finds which pack of the table holds a file; null when none does. */
export function packLocator(table: PackTable): (fileName: string) => PackRef | null {
  const shared = new Map<string, number>();
  table.shared.forEach((pack, index) => {
    for (const f of pack.files) shared.set(f, index);
  });
  return (fileName) => {
    const essay = ESSAY_FILE.exec(fileName);
    if (essay) return { kind: 'essay', index: essayPackOf(essay[1]!, table.essays.length) };
    const index = shared.get(fileName);
    return index === undefined ? null : { kind: 'shared', index };
  };
}

export const packFile = (ref: PackRef, table: PackTable) =>
  (ref.kind === 'essay' ? table.essays : table.shared)[ref.index]!.file;
