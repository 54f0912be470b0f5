import {
  lengthCounts,
  linked,
  type ArchiveTerms,
  type TermEntry,
  type ThemeEntry,
} from './archive.ts';
import type { EssayIndex } from './essay.ts';
import { normalizeTerm } from './slugs.ts';

/**
 * The archive's tags, themes, months and lengths with their counts: the tag and theme index
 * pages and the filters' options, computed once at build time.
 */

/**
 * Terms counted once each however they are spelled (and once per essay); the newest spelling
 * wins.
 */
function countTerms(values: readonly string[][]): { entries: Map<string, TermEntry> } {
  const entries = new Map<string, TermEntry>();
  for (const list of values)
    for (const value of new Map(list.map((v) => [normalizeTerm(v), v])).values()) {
      const key = normalizeTerm(value);
      const entry = entries.get(key);
      if (entry) entry.count++;
      else entries.set(key, { value, count: 1 });
    }
  return { entries };
}

export function archiveTerms(index: EssayIndex): ArchiveTerms {
  const essays = index.essays;
  const tags = countTerms(essays.map((e) => e.tags)).entries;
  const themeKeys = essays.map((e) => normalizeTerm(e.theme));
  const themes = new Map<string, ThemeEntry>();
  const themeTags = new Map<string, Map<string, number>>();
  essays.forEach((e, i) => {
    const key = themeKeys[i]!;
    const entry = themes.get(key);
    if (entry) entry.count++;
    else
      themes.set(key, {
        value: e.theme,
        count: 1,
        topTags: [],
        newest: { ...linked(e), date: e.date },
      });
    const counts = themeTags.get(key) ?? new Map<string, number>();
    themeTags.set(key, counts);
    for (const t of e.tags) {
      const tk = normalizeTerm(t);
      if (tk !== key) counts.set(tk, (counts.get(tk) ?? 0) + 1);
    }
  });
  for (const [key, entry] of themes)
    entry.topTags = [...themeTags.get(key)!]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 4)
      .map(([tk, count]) => ({ value: tags.get(tk)!.value, count }));
  const months = essays.map((e) => e.date.iso.slice(0, 7)).sort();
  return {
    tags: [...tags.values()],
    themes: [...themes.values()],
    months: { min: months[0] ?? '', max: months[months.length - 1] ?? '' },
    lengths: lengthCounts(essays.map((e) => e.readingTime)),
  };
}
