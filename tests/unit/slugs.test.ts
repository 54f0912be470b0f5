import { describe, expect, it } from 'vitest';
import {
  essaySlugFromTitle,
  isEssaySlug,
  termFromSlug,
  termLabel,
  termSlug,
} from '../../src/domain/slugs';

describe('essaySlugFromTitle', () => {
  it.each([
    ['notes on keeping a reading group alive', 'notes-on-keeping-a-reading-group-alive'],
    ["why the reading group didn't die", 'why-the-reading-group-didnt-die'],
    ['Café -- Économie', 'cafe-economie'],
    ['  spaces   everywhere  ', 'spaces-everywhere'],
    ['1) numbers: first', '1-numbers-first'],
    ['日本語だけ', ''],
    [
      'a'.repeat(30) + ' ' + 'b'.repeat(30) + ' ' + 'c'.repeat(30),
      'a'.repeat(30) + '-' + 'b'.repeat(30),
    ],
  ])('%j → %j', (title, slug) => {
    expect(essaySlugFromTitle(title)).toBe(slug);
    if (slug) expect(isEssaySlug(slug)).toBe(true);
  });
});

describe('termSlug round-trips', () => {
  it.each([
    ['pedagogy', 'pedagogy'],
    ['organizing_study groups', 'organizing_study-groups'],
    ['marxism_historical materialism', 'marxism_historical-materialism'],
    ['Group Dynamics', 'group-dynamics'],
    ['self-study', 'self~2d.study'],
    ['c++ & rust', 'c~2b.~2b.-~26.-rust'],
    ['économie', 'économie'],
    ['🔥 hot takes', '~1f525.-hot-takes'],
    ['a~b', 'a~7e.b'],
    ['  padded   tag ', 'padded-tag'],
  ])('%j → %j and back', (value, slug) => {
    expect(termSlug(value)).toBe(slug);
    expect(termFromSlug(slug)).toBe(value.trim().replace(/\s+/g, ' ').toLowerCase());
  });

  it.each(['', 'has space', 'bad~zz.', 'trailing~2d', 'UPPER~2D.', '~110000.', 'a~ffffff.b'])(
    'rejects %j',
    (slug) => {
      expect(termFromSlug(slug)).toBeNull();
    },
  );
});

describe('termLabel', () => {
  it.each([
    [
      'marxism_historical materialism',
      'marxism',
      'historical materialism',
      'marxism › historical materialism',
    ],
    ['organizing_study groups', 'organizing', 'study groups', 'organizing › study groups'],
    ['pedagogy', null, 'pedagogy', 'pedagogy'],
    ['_leading', null, 'leading', 'leading'],
    ['trailing_', null, 'trailing', 'trailing'],
    ['a_b_c', 'a', 'b c', 'a › b c'],
  ])('%j reads as %j › %j', (value, area, name, text) => {
    expect(termLabel(value)).toEqual({ area, name, text });
  });
});
