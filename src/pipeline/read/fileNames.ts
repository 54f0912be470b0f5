/**
 * What generators put in file names: Jekyll's and Eleventy's `YYYY-MM-DD-slug.md`, Hugo's
 * page bundles `YYYY-MM-DD-slug/index.md`, a note named for its title.
 */

/** A leading `YYYY-MM-DD-` (or `_`), the day captured. */
const DATED = /^(\d{4}-\d{2}-\d{2})[-_]/;

/** A note named for its day alone, as Obsidian's daily notes are: `2023-09-12.md`. */
const DAY_NOTE = /^(\d{4}-\d{2}-\d{2})\.[^.]+$/;

/** A name without its leading date: `2021-03-04-welcome` → `welcome`. */
export const withoutDate = (name: string): string => name.replace(DATED, '');

/**
 * `2007-09-02-octave-mandel.markdown`, `2007-09-02-octave-mandel/index.md` or a daily note
 * `2007-09-02.md` → 2007-09-02.
 */
export function dateFromFileName(file: string): string | null {
  const parts = file.split('/');
  const base = parts.pop() ?? '';
  const named = DATED.exec(base) ?? DAY_NOTE.exec(base);
  if (named) return named[1]!;
  if (/^index\.[^.]+$/i.test(base)) {
    const folder = DATED.exec(parts.pop() ?? '');
    if (folder) return folder[1]!;
  }
  return null;
}

/** `2007-09-02-octave-mandel.md` → "octave mandel": a note's title is its file name. */
export function titleFromFileName(file: string): string {
  const parts = file.split('/');
  let base = parts.pop() ?? file;
  if (/^index\.[^.]+$/i.test(base) && parts.length > 0) base = parts.pop()!;
  return base
    .replace(/\.[^.]+$/, '')
    .replace(DATED, '')
    .trim();
}
