import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/data/catalog';
import { neighbors, readingOrder } from '../../src/data/neighbors';
import { relatedForAll } from '../../src/domain/related';
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

const essays = [
  essay('e', 2, 'org', ['common', 'rare', 'org']),
  essay('d', 9, 'org', ['common', 'org']),
  essay('c', 5, 'org', ['org']),
  essay('b', 1, 'city', ['common', 'rare']),
  essay('a', 3, 'city', ['common']),
];
const catalog = buildCatalog(essays);
const idOf = (slug: string) => essays.findIndex((e) => e.slug === slug);
const slugs = (ids: ArrayLike<number>) => Array.from(ids, (i) => essays[i]!.slug).join('');

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
    const o = readingOrder(catalog, context === null ? null : { path: context }, idOf(slug));
    expect(o.label).toBe(label);
    expect(slugs(o.ids)).toBe(order);
  });

  it.each([
    ['search results keep their ranking', [1, 4, 2], 'a', 'Search: “dryer”', 'dac'],
    ['numbers past the archive are skipped', [99, -1, 2, 4], 'c', 'Search: “dryer”', 'ca'],
    ['results without this essay fall back', [1], 'a', 'Newest first', 'edcba'],
  ])('%s', (_, ranked, slug, label, order) => {
    const o = readingOrder(catalog, { path: '/search?q=dryer', ids: ranked }, idOf(slug));
    expect(o.label).toBe(label);
    expect(slugs(o.ids)).toBe(order);
  });

  it('gives previous and next within that order', () => {
    const o = readingOrder(catalog, { path: '/?sort=shortest' }, idOf('a'));
    expect(neighbors(o, idOf('a'))).toEqual({ prev: idOf('e'), next: idOf('c') });
    expect(neighbors(o, idOf('b')).prev).toBeNull();
    expect(neighbors(o, idOf('d')).next).toBeNull();
  });
});

describe('related essays weigh rare shared tags above common ones', () => {
  it.each([
    ['e', 'bdc'], // b shares the rare tag and a common one; then d (common + org), then c (org beats common)
    ['a', 'edb'],
    ['c', 'ed'],
  ])('related to %s: %s', (slug, expected) => {
    const related = relatedForAll(
      { tags: essays.map((e) => e.tags), themes: essays.map((e) => e.theme) },
      3,
    );
    expect(slugs(related[idOf(slug)]!.related)).toBe(expected);
  });

  it('more in this theme leaves out what is already shown as related', () => {
    const related = relatedForAll(
      { tags: essays.map((e) => e.tags), themes: essays.map((e) => e.theme) },
      1,
    );
    // e's one related essay is b (the rare tag); more in org: d and c, newest first.
    expect(slugs(related[idOf('e')]!.related)).toBe('b');
    expect(slugs(related[idOf('e')]!.more)).toBe('dc');
    expect(slugs(related[idOf('c')]!.related)).toBe('e');
    expect(slugs(related[idOf('c')]!.more)).toBe('d');
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
