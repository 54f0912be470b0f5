import type { ArchiveTerms, TermEntry, ThemeEntry } from '../domain/archive';
import { normalizeTerm, termLabel } from '../domain/slugs';
import type { Term } from '../domain/browse';
import type { Catalog } from './catalog';

/** Tag and theme statistics for the tag and theme pages. */

/** Tags carried by the essays at `indexes`, most common first, leaving out `exclude`. */
export function tagsAmong(
  c: Catalog,
  indexes: readonly number[],
  exclude: readonly string[] = [],
): Term[] {
  const counts = new Map<string, number>();
  for (const i of indexes)
    for (const t of c.tagKeys[i]!)
      if (!exclude.includes(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, value: c.tags.get(key)!.value, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

export function indexesWhere(c: Catalog, test: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < c.count; i++) if (test(i)) out.push(i);
  return out;
}

export interface ThemeSummary {
  theme: Term;
  topTags: Term[];
  newest: ThemeEntry['newest'];
}

export interface ThemeGroup {
  /** The broad area before the underscore, or null for themes without one. */
  area: string | null;
  themes: ThemeSummary[];
  count: number;
}

const asTerm = (t: TermEntry): Term => ({
  key: normalizeTerm(t.value),
  value: t.value,
  count: t.count,
});

/** Every theme with its count, most common tags and newest essay, grouped by broad area. */
export function themeGroups(terms: ArchiveTerms): ThemeGroup[] {
  const groups = new Map<string | null, ThemeGroup>();
  for (const entry of terms.themes) {
    const summary: ThemeSummary = {
      theme: asTerm(entry),
      topTags: entry.topTags.map(asTerm),
      newest: entry.newest,
    };
    const area = termLabel(entry.value).area?.toLowerCase() ?? null;
    const group = groups.get(area) ?? { area, themes: [], count: 0 };
    group.themes.push(summary);
    group.count += entry.count;
    groups.set(area, group);
  }
  for (const g of groups.values()) g.themes.sort((a, b) => b.theme.count - a.theme.count);
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
