import type { EssaySummary } from './essay.ts';
import { lengthBucket, type LengthBucket } from './browse.ts';
import { decodeNumbers, encodeNumbers } from './searchIndex.ts';
import { normalizeTerm } from './slugs.ts';

/**
 * One tag's or theme's own slice of the archive: the numbers of its essays, newest first,
 * and the filter panel's counts among them. A tag or theme page's first screen (no other
 * filter, newest first) needs this and one chunk of summaries, not the facets of every
 * essay, which grow with the archive (~900 KB gzipped at 100,000 essays). Other filters and
 * sorts on those pages still use the catalog.
 */
export interface TermList {
  /** Essay numbers, newest first, as deltas (`encodeNumbers`). */
  ids: string;
  /** [index in the terms file's tags, essays among these carrying it], every tag present. */
  tags: [number, number][];
  /** The same for themes: for a tag's list; a theme's list leaves it empty (see below). */
  themes: [number, number][];
  lengths: Partial<Record<LengthBucket, number>>;
}

/** `data/termlists.<h>.json`: the hash of each tag's and theme's list, by terms-file index. */
export interface TermListTable {
  tags: string[];
  themes: string[];
}

export const tagListFile = (i: number, hash: string) => `data/tags/${i}.${hash}.json`;
export const themeListFile = (i: number, hash: string) => `data/themes/${i}.${hash}.json`;

export function decodeIds(list: TermList): number[] {
  const deltas = decodeNumbers(list.ids);
  let id = 0;
  return deltas.map((d, i) => (id = i === 0 ? d : id + d));
}

/** Every tag's and theme's list, for essays numbered newest first (the build). */
export function termListsOf(
  essays: readonly Pick<EssaySummary, 'tags' | 'theme' | 'readingTime'>[],
  tagKeys: readonly string[],
  themeKeys: readonly string[],
): { tags: TermList[]; themes: TermList[] } {
  const tagIndex = new Map(tagKeys.map((k, i) => [k, i]));
  const themeIndex = new Map(themeKeys.map((k, i) => [k, i]));
  const essayTags = essays.map((e) => [
    ...new Set(e.tags.map((t) => tagIndex.get(normalizeTerm(t))!)),
  ]);
  const essayTheme = essays.map((e) => themeIndex.get(normalizeTerm(e.theme))!);
  const lists = (count: number) =>
    Array.from({ length: count }, () => ({
      ids: [] as number[],
      tags: new Map<number, number>(),
      themes: new Map<number, number>(),
      lengths: {} as Partial<Record<LengthBucket, number>>,
    }));
  const byTag = lists(tagKeys.length);
  const byTheme = lists(themeKeys.length);
  const add = (l: (typeof byTag)[number], id: number, withTheme: boolean) => {
    l.ids.push(id);
    for (const t of essayTags[id]!) l.tags.set(t, (l.tags.get(t) ?? 0) + 1);
    if (withTheme) l.themes.set(essayTheme[id]!, (l.themes.get(essayTheme[id]!) ?? 0) + 1);
    const b = lengthBucket(essays[id]!.readingTime);
    l.lengths[b] = (l.lengths[b] ?? 0) + 1;
  };
  essays.forEach((_, id) => {
    for (const t of essayTags[id]!) add(byTag[t]!, id, true);
    add(byTheme[essayTheme[id]!]!, id, false);
  });
  const pack = (l: (typeof byTag)[number]): TermList => ({
    ids: encodeNumbers(l.ids.map((id, i) => (i === 0 ? id : id - l.ids[i - 1]!))),
    tags: [...l.tags].sort((a, b) => a[0] - b[0]),
    themes: [...l.themes].sort((a, b) => a[0] - b[0]),
    lengths: l.lengths,
  });
  return { tags: byTag.map(pack), themes: byTheme.map(pack) };
}
