import {
  loadCatalog,
  catalogInMemory,
  loadSummaries,
  loadTermList,
  loadTerms,
} from '../data/essays';
import { pageCount, pageSlice } from '../data/browse';
import { termMaps } from '../data/catalog';
import { parseListQuery } from '../data/listQuery';
import { termListView, type ListView } from '../data/listView';
import { indexesWhere, tagsAmong } from '../data/terms';
import type { Term } from '../domain/browse';
import { termFromSlug } from '../domain/slugs';
import { decodeIds, type TermList } from '../domain/termLists';
import { loadListData, withFixed } from './browseView';

/** What a tag's or theme's page shows: its list, and the tags most often found with it. */
export interface TermPageData {
  key: string;
  related: Term[];
  view: ListView;
}

/** How many related tags each page shows. */
const RELATED = { tag: 10, theme: 12 } as const;

/**
 * A tag's or theme's page; null for a term the archive lacks. The first screen (no other
 * filter, newest first, any page) comes from the term's own list and the summaries shown,
 * so it costs the same at any archive size; any other filter or sort uses the catalog (the
 * packed facets of every essay), as the home page does (docs/decisions/0011).
 */
export async function loadTermPage(
  kind: 'tag' | 'theme',
  slug: string,
  request: Request,
): Promise<TermPageData | null> {
  const key = termFromSlug(slug);
  if (key === null) return null;
  const fixed = kind === 'tag' ? { tag: key } : { theme: key };
  if (!catalogInMemory()) {
    const terms = await loadTerms();
    const maps = termMaps(terms);
    const known = kind === 'tag' ? maps.tags : maps.themes;
    if (!known.has(key)) return null;
    const query = withFixed(parseListQuery(new URL(request.url).searchParams, maps), fixed);
    const onlyThisTerm =
      query.tags.length === (kind === 'tag' ? 1 : 0) &&
      query.theme === (kind === 'theme' ? key : null) &&
      query.length === null &&
      query.from === null &&
      query.to === null &&
      query.sort === 'newest';
    if (onlyThisTerm) {
      const list = await loadTermList(kind, [...known.keys()].indexOf(key));
      const ids = decodeIds(list);
      const page = Math.min(query.page, pageCount(ids.length));
      const shown = await loadSummaries(pageSlice(ids, page));
      return {
        key,
        related: relatedOf(list, maps.tags, key).slice(0, RELATED[kind]),
        view: termListView(terms, list, kind, { ...query, page }, ids.length, shown),
      };
    }
  }
  const catalog = await loadCatalog();
  if (!(kind === 'tag' ? catalog.tags : catalog.themes).has(key)) return null;
  // Walks every essay: computed once per navigation here, not on every render.
  const related = tagsAmong(
    catalog,
    indexesWhere(catalog, (i) =>
      kind === 'tag' ? catalog.tagKeys[i]!.includes(key) : catalog.themeKeys[i] === key,
    ),
    [key],
  ).slice(0, RELATED[kind]);
  return { key, related, view: (await loadListData(request, fixed)).view };
}

/** The tags of a term's list, most common first, as `tagsAmong` orders them. */
function relatedOf(list: TermList, tags: ReadonlyMap<string, Term>, exclude: string): Term[] {
  const keys = [...tags.keys()];
  return list.tags
    .map(([i, count]) => ({ key: keys[i]!, value: tags.get(keys[i]!)!.value, count }))
    .filter((t) => t.key !== exclude)
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}
