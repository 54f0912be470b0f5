import { describe, expect, it } from 'vitest';
import { parseEssayDate, displayDate } from '../../src/domain/dates';

const ANCHOR = '2026-11-24';

describe('parseEssayDate', () => {
  it.each([
    // text, expected iso, year inferred
    ['Thu Mar 14', '2024-03-14', true],
    ['Tue Nov 07', '2023-11-07', true],
    ['Tue Nov 24', '2026-11-24', true], // the anchor day itself
    ['Wed Nov 25', '2020-11-25', true], // never after the anchor
    ['Mar 14', '2026-03-14', true],
    ['Dec 25', '2025-12-25', true],
    ['Thursday March 14', '2024-03-14', true],
    ['Thu, Mar 14', '2024-03-14', true],
    ['Thu Mar 14 2024', '2024-03-14', false],
    ['March 14, 2024', '2024-03-14', false],
    ['14 Mar 2024', '2024-03-14', false],
    ['2024-03-14', '2024-03-14', false],
    ['2024-03-14T10:00:00Z', '2024-03-14', false],
    ['Thu Feb 29', '2024-02-29', true],
    ['Sept 3', '2026-09-03', true],
    ['  Thu   Mar  14 ', '2024-03-14', true],
  ])('reads %j as %s', (text, iso, yearInferred) => {
    const result = parseEssayDate(text, ANCHOR);
    expect(result).toMatchObject({ ok: true, iso, yearInferred });
  });

  it.each([
    ['', 'empty'],
    ['yesterday', 'cannot read'],
    ['Fri Feb 30', 'not a day that exists'],
    ['Apr 31', 'not a day that exists'],
    ['2024-02-30', 'not a day that exists'],
    ['Blursday Mar 14', 'cannot read'],
    ['Thu Foo 14', 'cannot read'],
    ['14/03/2024', 'cannot read'],
  ])('rejects %j with a plain message', (text, message) => {
    const result = parseEssayDate(text, ANCHOR);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('keeps a date whose weekday disagrees with its year, with a warning', () => {
    const result = parseEssayDate('Fri Mar 14 2024', ANCHOR);
    expect(result).toMatchObject({ ok: true, iso: '2024-03-14', yearInferred: false });
    expect(result.ok && result.warning).toContain('Thursday');
  });

  it('is stable for the same anchor and moves only when a later matching day exists', () => {
    expect(parseEssayDate('Thu Mar 14', '2029-12-31')).toMatchObject({ iso: '2024-03-14' });
    expect(parseEssayDate('Thu Mar 14', '2030-03-14')).toMatchObject({ iso: '2030-03-14' });
  });
});

describe('displayDate', () => {
  it.each([
    ['2024-03-14', false, 'en', 'March 14, 2024'],
    ['2024-03-14', false, 'de', '14. März 2024'],
    ['2016-11-13', false, 'fr', '13 novembre 2016'],
    // Written without a year (`Thu Mar 14`): the day and month, never the worked-out year.
    ['2024-03-14', true, 'en', 'March 14'],
    ['2024-03-14', true, 'de', '14. März'],
  ])('%s (year inferred: %s) in %s → %j', (iso, yearInferred, locale, shown) => {
    expect(displayDate({ iso, yearInferred }, locale)).toBe(shown);
  });

  it('is one format for every way a file writes the same day', () => {
    for (const text of ['2014-05-06', 'May 6, 2014', '2014-05-06T04:06:11Z', '6 May 2014']) {
      const parsed = parseEssayDate(text, '2026-11-24');
      if (!parsed.ok) throw new Error(parsed.message);
      expect(displayDate(parsed, 'en')).toBe('May 6, 2014');
    }
  });
});
