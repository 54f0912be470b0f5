import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/data/catalog';
import { moreInTheme, neighbors, readingOrder, relatedEssays } from '../../src/data/neighbors';
import { closest, similarity } from '../../src/data/suggest';
import type { EssaySlug, EssaySummary } from '../../src/domain/essay';

function essay(slug: string, minutes: number, theme: string, tags: string[]): EssaySummary {
  return {
    slug: slug as EssaySlug,
    threadId: slug,
    order: 0,
    title: slug,
    date: { text: '', iso: '2025-01-01', yearInferred: true },
    description: '',
    wordCount: minutes * 230,
    readingTime: minutes,
    theme,
    tags,
    bodyPath: '',
  };
}

const catalog = buildCatalog([
  essay('e', 2, 'org', ['common', 'rare', 'org']),
  essay('d', 9, 'org', ['common', 'org']),
  essay('c', 5, 'org', ['org']),
  essay('b', 1, 'city', ['common', 'rare']),
  essay('a', 3, 'city', ['common']),
]);
const slugs = (xs: readonly EssaySummary[]) => xs.map((e) => e.slug).join('');

describe('reading order follows the list the reader came from', () => {
  it.each([
    ['no context: newest first', null, 'c', 'Newest first', 'edcba'],
    ['the home list, sorted', '/?sort=shortest', 'c', 'All essays', 'beacd'],
    ['the home list, filtered', '/?length=quick', 'e', 'Your filtered list', 'eba'],
    ['a tag page', '/tags/rare', 'b', 'Tag: rare', 'eb'],
    ['a theme page with a filter', '/themes/org?length=quick', 'e', 'Theme: org', 'e'],
    [
      'a list without this essay falls back to date order',
      '/tags/rare',
      'c',
      'Newest first',
      'edcba',
    ],
    ['an unknown tag falls back', '/tags/nope', 'c', 'Newest first', 'edcba'],
    ['a page that is not a list falls back', '/essays/x', 'c', 'Newest first', 'edcba'],
  ])('%s', (_, context, slug, label, order) => {
    const o = readingOrder(catalog, context === null ? null : { path: context }, slug);
    expect(o.label).toBe(label);
    expect(slugs(o.essays)).toBe(order);
  });

  it.each([
    ['search results keep their ranking', ['d', 'a', 'c'], 'a', 'Search: “dryer”', 'dac'],
    ['unknown slugs are skipped', ['zz', 'c', 'a'], 'c', 'Search: “dryer”', 'ca'],
    ['results without this essay fall back', ['d'], 'a', 'Newest first', 'edcba'],
  ])('%s', (_, ranked, slug, label, order) => {
    const o = readingOrder(catalog, { path: '/search?q=dryer', slugs: ranked }, slug);
    expect(o.label).toBe(label);
    expect(slugs(o.essays)).toBe(order);
  });

  it('gives previous and next within that order', () => {
    const o = readingOrder(catalog, { path: '/?sort=shortest' }, 'a');
    expect(neighbors(o, 'a')).toEqual({
      prev: expect.objectContaining({ slug: 'e' }),
      next: expect.objectContaining({ slug: 'c' }),
    });
    expect(neighbors(o, 'b').prev).toBeNull();
    expect(neighbors(o, 'd').next).toBeNull();
  });
});

describe('related essays weigh rare shared tags above common ones', () => {
  it.each([
    ['e', 'bdc'], // b shares the rare tag and a common one; then d (common + org), then c (org beats common)
    ['a', 'edb'],
    ['c', 'ed'],
  ])('related to %s: %s', (slug, expected) => {
    const i = catalog.essays.findIndex((e) => e.slug === slug);
    expect(slugs(relatedEssays(catalog, i, 3))).toBe(expected);
  });

  it('more in this theme leaves out what is already shown', () => {
    const i = catalog.essays.findIndex((e) => e.slug === 'e');
    expect(slugs(moreInTheme(catalog, i))).toBe('dc');
    expect(slugs(moreInTheme(catalog, i, [catalog.essays[1]!]))).toBe('c');
  });
});

describe('closest matches for a mistyped URL', () => {
  it('ranks typos and partial slugs above unrelated strings', () => {
    expect(similarity('pedagogy', 'pedagogy')).toBe(1);
    expect(closest('pedagogi', ['history', 'pedagogy', 'habits'], (x) => x)).toEqual(['pedagogy']);
    expect(
      closest(
        'reading grup alive',
        ['notes on keeping a reading group alive', 'the bus is the backbone'],
        (x) => x,
      ),
    ).toEqual(['notes on keeping a reading group alive']);
    expect(closest('zzzz', ['history'], (x) => x)).toEqual([]);
  });
});
