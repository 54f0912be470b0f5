import { describe, expect, it } from 'vitest';
import { pageCount, pageSlice, queryList, relaxations } from '../../src/data/browse';
import { buildCatalog } from '../../src/data/catalog';
import { listQueryToParams, parseListQuery, toggleTag } from '../../src/data/listQuery';
import { EMPTY_FILTERS, lengthBucket, type ListQuery } from '../../src/domain/browse';
import type { EssaySlug, EssaySummary } from '../../src/domain/essay';

function essay(
  slug: string,
  iso: string,
  minutes: number,
  theme: string,
  tags: string[],
  title = slug,
): EssaySummary {
  return {
    slug: slug as EssaySlug,
    threadId: `thread_${slug}`,
    order: 0,
    title,
    date: { text: iso, iso, yearInferred: false },
    description: '',
    wordCount: minutes * 230,
    readingTime: minutes,
    theme,
    tags,
    bodyPath: `data/essays/${slug}.json`,
  };
}

// Newest first, as the pipeline emits them.
const essays = [
  essay(
    'e',
    '2026-05-01',
    2,
    'organizing_study groups',
    ['Pedagogy', 'group dynamics', 'organizing_study groups'],
    'echo',
  ),
  essay('d', '2026-03-01', 12, 'organizing_study groups', ['pedagogy', 'habits'], 'delta'),
  essay('c', '2025-11-01', 5, 'marxism_political economy', ['theory', 'pedagogy'], 'Charlie'),
  essay('b', '2025-06-01', 20, 'marxism_historical materialism', ['theory', 'history'], 'bravo'),
  essay('a', '2025-01-01', 1, 'cities_transit', ['buses'], 'alpha'),
];
const catalog = buildCatalog(essays);
const q = (over: Partial<ListQuery> = {}): ListQuery => ({
  ...EMPTY_FILTERS,
  sort: 'newest',
  page: 1,
  ...over,
});
const slugs = (query: ListQuery) =>
  queryList(catalog, query)
    .ids.map((i) => essays[i]!.slug)
    .join('');

describe('filtering and sorting', () => {
  it.each([
    ['nothing', q(), 'edcba'],
    ['one tag (case-insensitive identity)', q({ tags: ['pedagogy'] }), 'edc'],
    ['two tags: all must match', q({ tags: ['pedagogy', 'theory'] }), 'c'],
    ['tags that never meet', q({ tags: ['buses', 'theory'] }), ''],
    ['a theme', q({ theme: 'organizing_study groups' }), 'ed'],
    ['a length bucket', q({ length: 'quick' }), 'ea'],
    ['a date range, inclusive months', q({ from: '2025-06', to: '2026-03' }), 'dcb'],
    ['only a start', q({ from: '2026-01' }), 'ed'],
    [
      'everything combined',
      q({ tags: ['pedagogy'], theme: 'organizing_study groups', length: 'medium' }),
      'd',
    ],
    ['oldest', q({ sort: 'oldest' }), 'abcde'],
    ['longest', q({ sort: 'longest' }), 'bdcea'],
    ['shortest', q({ sort: 'shortest' }), 'aecdb'],
    ['title A–Z ignores case', q({ sort: 'title' }), 'abcde'],
    ['filter then sort', q({ tags: ['theory'], sort: 'shortest' }), 'cb'],
  ])('%s', (_, query, expected) => {
    expect(slugs(query)).toBe(expected);
  });
});

describe('facet counts use every other filter', () => {
  it('counts tags among the current results', () => {
    const { facets } = queryList(catalog, q({ tags: ['pedagogy'] }));
    expect(Object.fromEntries(facets.tags)).toEqual({
      pedagogy: 3,
      'group dynamics': 1,
      'organizing_study groups': 1,
      habits: 1,
      theory: 1,
    });
  });
  it('counts themes as if the theme filter were not set', () => {
    const { facets } = queryList(
      catalog,
      q({ tags: ['pedagogy'], theme: 'marxism_political economy' }),
    );
    expect(Object.fromEntries(facets.themes)).toEqual({
      'organizing_study groups': 2,
      'marxism_political economy': 1,
    });
  });
  it('counts lengths as if the length filter were not set', () => {
    const { facets } = queryList(catalog, q({ length: 'long', tags: ['theory'] }));
    expect(Object.fromEntries(facets.lengths)).toEqual({ short: 1, long: 1 });
  });
});

describe('relaxations for an empty result', () => {
  it('names each single filter to drop with what it would give, best first', () => {
    expect(
      relaxations(catalog, { ...EMPTY_FILTERS, tags: ['buses', 'theory'], length: 'long' }),
    ).toEqual([
      { drop: 'tag:buses', count: 1 },
      { drop: 'tag:theory', count: 0 },
      { drop: 'length', count: 0 },
    ]);
  });
});

describe('length buckets', () => {
  it.each([
    [1, 'quick'],
    [3, 'quick'],
    [4, 'short'],
    [7, 'short'],
    [8, 'medium'],
    [15, 'medium'],
    [16, 'long'],
    [90, 'long'],
  ])('%i min is %s', (minutes, bucket) => {
    expect(lengthBucket(minutes)).toBe(bucket);
  });
});

describe('the URL is the state', () => {
  const params = (s: string) => parseListQuery(new URLSearchParams(s), catalog);

  it.each([
    ['', q()],
    ['tag=pedagogy&tag=group-dynamics', q({ tags: ['pedagogy', 'group dynamics'] })],
    [
      'theme=organizing_study-groups&length=long',
      q({ theme: 'organizing_study groups', length: 'long' }),
    ],
    [
      'from=2025-01&to=2025-12&sort=title&page=3',
      q({ from: '2025-01', to: '2025-12', sort: 'title', page: 3 }),
    ],
  ])('%j round-trips', (search, query) => {
    expect(params(search)).toEqual(query);
    expect(listQueryToParams(query).toString()).toBe(search);
  });

  it.each([
    ['unknown tag', 'tag=nope&tag=pedagogy', q({ tags: ['pedagogy'] })],
    ['repeated tag', 'tag=pedagogy&tag=Pedagogy&tag=pedagogy', q({ tags: ['pedagogy'] })],
    ['malformed slug', 'tag=%7Ezz&theme=a~', q()],
    ['unknown theme', 'theme=cooking', q()],
    ['unknown length', 'length=epic', q()],
    ['unknown sort', 'sort=random', q()],
    ['bad pages', 'page=0', q()],
    ['fractional page', 'page=2.5', q()],
    ['bad months', 'from=2025-13&to=yesterday', q()],
    ['reversed range is swapped', 'from=2026-01&to=2025-01', q({ from: '2025-01', to: '2026-01' })],
  ])('ignores %s', (_, search, query) => {
    expect(params(search)).toEqual(query);
  });

  it('a filter change returns to page 1', () => {
    expect(toggleTag(q({ page: 4 }), 'theory')).toEqual(q({ tags: ['theory'] }));
    expect(toggleTag(q({ tags: ['theory'] }), 'theory')).toEqual(q());
  });
});

describe('pages', () => {
  it.each([
    [0, 1],
    [20, 1],
    [21, 2],
    [10_000, 500],
  ])('%i essays make %i page(s)', (n, pages) => {
    expect(pageCount(n)).toBe(pages);
  });
  it('clamps a page past the end to the last one', () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    expect(pageSlice(items, 9)).toEqual([40, 41, 42, 43, 44]);
    expect(pageSlice(items, 2)[0]).toBe(20);
  });
});
