import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_FIELDS } from './archiveOptions.ts';
import { dateFromFileName } from './fileNames.ts';
import { error, warning, type Problem } from '../problems.ts';

/** Stage 1: find essay files and decode them. */

export const ESSAY_EXTENSIONS = ['.txt', '.md', '.markdown', '.mdx'];
/** Images an essay may embed (`![[chart.png]]`, `![](img/chart.png)`): listed, read on use. */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif'];

export interface SourceFile {
  /** Relative to the essays folder, with `/` separators; used in every message. */
  file: string;
  text: string;
  /**
   * `YYYY-MM-DD` the file last changed: looked up only for a file that names no date, since
   * a notes vault dates such a note by it (one call per file costs seconds at 100,000).
   */
  modified?: string;
}

export interface LoadResult {
  sources: SourceFile[];
  problems: Problem[];
  /** Image files in the folder, relative with `/` separators. */
  images: string[];
}

function hasEssayExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return ESSAY_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function isEssayName(name: string): boolean {
  return !name.startsWith('.') && hasEssayExtension(name);
}

export interface LoadOptions {
  /**
   * Folder names never read, anywhere in the tree (a vault's `templates`, `private`): each
   * is listed once as skipped, so nothing is left out without a word.
   */
  ignoredFolders?: readonly string[];
  /** Look up when a file without a date last changed (a notes vault dates notes by it). */
  datesFromFileTimes?: boolean;
  /** Front-matter keys a date may be under (the archive's `fields.date`). */
  dateKeys?: readonly string[];
}

/** Whether `real` (a resolved path) is `realRoot` or lies inside it. */
function isInside(realRoot: string, real: string): boolean {
  const relative = path.relative(realRoot, real);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Walks the folder; follows symlinks once each, so a loop is reported rather than followed.
 * A link that leads outside the folder is never followed: git keeps symlinks, so a post
 * contributed with `chart.png -> /proc/self/environ` would otherwise publish the build
 * machine's secrets (docs/decisions/0016).
 */
async function listEssayFiles(
  root: string,
  problems: Problem[],
  ignored: ReadonlySet<string>,
  images: string[],
): Promise<string[]> {
  const found: string[] = [];
  const seenDirs = new Set<string>();
  const realRoot = await realpath(root);
  async function walk(dir: string): Promise<void> {
    const real = await realpath(dir);
    if (seenDirs.has(real)) {
      // Nothing is lost (that folder was read), so the build goes on.
      problems.push(
        warning(rel(root, dir), 'this folder links back to a folder already read; skipped'),
      );
      return;
    }
    seenDirs.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (dir === root) throw e; // the whole folder: reported by the caller
      // A folder that vanished or cannot be listed may hold essays: the build must not go on
      // as if it had none.
      problems.push(error(rel(root, dir), `this folder cannot be read: ${reason(e)}`));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.name.startsWith('.')) {
        // Hidden files are editors' and systems' business, but one named like an essay is
        // said out loud rather than silently left out.
        if (hasEssayExtension(entry.name))
          problems.push(
            warning(rel(root, full), 'is a hidden file (its name starts with "."); skipped'),
          );
        continue;
      }
      // The listing already says what a plain entry is; only a link needs a look at what
      // it points to (one call fewer per file: a tenth of a second per 1,000 essays).
      let info: { isDirectory(): boolean; isFile(): boolean } = entry;
      try {
        if (entry.isSymbolicLink()) {
          if (!isInside(realRoot, await realpath(full))) {
            problems.push(
              warning(
                rel(root, full),
                // Never grouped: each one may be an attempt to publish the build's secrets.
                'is a link to a file outside the essays folder; not read, so nothing outside the folder is published',
              ),
            );
            continue;
          }
          info = await stat(full);
        } else if (!entry.isFile() && !entry.isDirectory()) info = await lstat(full);
      } catch (e) {
        if (isEssayName(entry.name)) {
          problems.push(error(rel(root, full), `cannot be read: ${reason(e)}`));
        }
        continue;
      }
      if (info.isDirectory()) {
        if (ignored.has(entry.name.toLowerCase())) {
          problems.push(
            warning(
              rel(root, full),
              'is an ignored folder (templates, private notes, or the ignore list); skipped',
            ),
          );
          continue;
        }
        if (isEssayName(entry.name)) {
          problems.push(
            warning(
              rel(root, full),
              'is a folder, not an essay file; its contents are read as usual',
            ),
          );
        }
        await walk(full);
      } else if (info.isFile() && isEssayName(entry.name)) {
        found.push(full);
      } else if (
        info.isFile() &&
        IMAGE_EXTENSIONS.some((e) => entry.name.toLowerCase().endsWith(e))
      ) {
        images.push(rel(root, full));
      }
    }
  }
  await walk(root);
  return found;
}

/** Whether a file gives its date by name or has a front-matter key that may hold one. */
function namesADate(source: SourceFile, dateKey: RegExp): boolean {
  return dateFromFileName(source.file) !== null || dateKey.test(frontMatterText(source.text));
}

/**
 * The front matter block alone (`---`, `+++` or a JSON object), or nothing: a `date:` in the
 * body (a template shown in a code block) is not the file's date.
 */
function frontMatterText(text: string): string {
  const head = text.slice(0, 8000);
  const fence = /^(---|\+\+\+)[ \t]*\n/.exec(head);
  if (fence) {
    const end = head.indexOf(`\n${fence[1]}`, fence[0].length - 1);
    return end === -1 ? head : head.slice(0, end);
  }
  return head.startsWith('{') ? head : '';
}

/** A line starting with one of `keys`, as YAML (`date:`), TOML (`date =`) or JSON writes it. */
function keyPattern(keys: readonly string[]): RegExp {
  const names = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`^\\s*"?(?:${names})"?\\s*[:=]`, 'm');
}

/** A file system error in plain words, without the stack or the absolute path. */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM')
    return 'permission denied; make the file readable (chmod a+r)';
  if (code === 'ENOENT') return 'it was removed or renamed while the build was reading';
  if (code === 'EISDIR') return 'it is a folder';
  return e instanceof Error ? e.message : String(e);
}

/** Why the essays folder itself cannot be read, naming it: the first thing a new user meets. */
function folderProblem(root: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT')
    return `the essays folder ${root} does not exist; set ESSAYS_DIR to a folder of essays`;
  if (code === 'ENOTDIR')
    return `the essays folder ${root} is a file, not a folder; set ESSAYS_DIR to a folder of essays`;
  return `the essays folder ${root} cannot be read: ${reason(e)}`;
}

function rel(root: string, full: string): string {
  return path.relative(root, full).split(path.sep).join('/');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 strictly; on failure names the line of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { badLine: number } {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    // Find the first byte sequence that does not decode and count the lines before it.
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          utf8.decode(bytes.subarray(start, i));
        } catch {
          return { badLine: line };
        }
        line++;
        start = i + 1;
      }
    }
    return { badLine: line };
  }
}

export function decodeSource(file: string, bytes: Uint8Array): SourceFile | Problem {
  const decoded = decodeUtf8(bytes);
  if ('badLine' in decoded) {
    return error(file, 'holds bytes that are not UTF-8; save the file as UTF-8', decoded.badLine);
  }
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    return error(file, 'holds a NUL byte; this looks like a binary file, not text', line);
  }
  return { file, text: text.replace(/\r\n?/g, '\n') };
}

/** How a file's bytes are read; tests put a failing reader here. */
export type ReadBytes = (file: string) => Promise<Uint8Array>;

/**
 * Decoded files that `vite dev` keeps between runs, by absolute path; it forgets a file when
 * the watcher reports a change to it (src/pipeline/vite/devPipeline.ts).
 */
export type DecodedFiles = Map<string, SourceFile | Problem>;

export async function loadEssays(
  root: string,
  read: ReadBytes = readFile,
  kept?: DecodedFiles,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const problems: Problem[] = [];
  const images: string[] = [];
  let files: string[];
  const ignored = new Set((options.ignoredFolders ?? []).map((f) => f.toLowerCase()));
  const dateKey = keyPattern(options.dateKeys ?? DEFAULT_FIELDS.date);
  try {
    files = await listEssayFiles(root, problems, ignored, images);
  } catch (e) {
    problems.push(error(root, folderProblem(root, e)));
    return { sources: [], problems, images };
  }
  if (files.length === 0 && problems.length === 0) {
    problems.push(
      error(
        root,
        `no essay files (${ESSAY_EXTENSIONS.join(', ')}) found; set ESSAYS_DIR to your folder`,
      ),
    );
  }
  const sources: SourceFile[] = [];
  for (const full of files) {
    let result = kept?.get(full);
    if (!result) {
      let bytes: Uint8Array;
      try {
        bytes = await read(full);
      } catch (e) {
        problems.push(error(rel(root, full), `cannot be read: ${reason(e)}`));
        continue;
      }
      result = decodeSource(rel(root, full), bytes);
      if (options.datesFromFileTimes && !('severity' in result) && !namesADate(result, dateKey)) {
        try {
          result.modified = (await stat(full)).mtime.toISOString().slice(0, 10);
        } catch {
          // Vanished since it was read: the date is then reported missing.
        }
      }
      kept?.set(full, result);
    }
    if ('severity' in result) problems.push(result);
    else sources.push(result);
  }
  if (kept) {
    const listed = new Set(files);
    for (const full of kept.keys()) if (!listed.has(full)) kept.delete(full);
  }
  return { sources, problems, images };
}
