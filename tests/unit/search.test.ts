import { describe, expect, it } from 'vitest';
import {
  decodeNumbers,
  decodePostings,
  encodeNumbers,
  levelWeight,
  weightLevel,
} from '../../src/domain/searchIndex';
import { indexTerms, words } from '../../src/domain/tokens';
import { runOnTexts } from '../../src/pipeline/run';
import { allowedEdits, editDistance } from '../../src/search/editDistance';
import { createEngine } from '../../src/search/engine';
import { storeOfFiles } from '../../src/search/shardStore';
import { parseQuery } from '../../src/search/query';
import { markWords, snippet } from '../../src/domain/snippet';

describe('tokenizing real-format text', () => {
  it.each([
    ['organizing_study groups', ['organizing', 'study', 'groups']],
    ["don't the group's", ['dont', 'groups']], // a possessive reads as the plural
    ['see https://t.co/AbCdEf1234 now', ['see']],
    ['1) first -- then 2) second', ['first', 'second']],
    ['Économie CAFÉ', ['economie', 'cafe']],
    ['self-study', ['self', 'study']],
    ['1859 preface', ['1859', 'preface']],
  ])('%j → %j', (text, expected) => {
    expect(indexTerms(text)).toEqual(expected);
  });
  it('keeps stop words in plain word lists (phrases need them)', () => {
    expect(words('The Text gets hard')).toEqual(['the', 'text', 'gets', 'hard']);
  });
});

describe('parsing a query', () => {
  it.each([
    ['laundromat', [{ text: 'laundromat', exact: false, prefix: true }], [], false],
    ['laundromat ', [{ text: 'laundromat', exact: false, prefix: false }], [], false],
    [
      'the dryer door',
      [
        { text: 'dryer', exact: false, prefix: false },
        { text: 'door', exact: false, prefix: true },
      ],
      [],
      false,
    ],
    [
      '"dryer door" fix',
      [
        { text: 'dryer', exact: true, prefix: false },
        { text: 'door', exact: true, prefix: false },
        { text: 'fix', exact: false, prefix: true },
      ],
      [['dryer', 'door']],
      false,
    ],
    [
      '"unclosed phr',
      [
        { text: 'unclosed', exact: true, prefix: false },
        { text: 'phr', exact: true, prefix: false },
      ],
      [['unclosed', 'phr']],
      false,
    ],
    ['the of ', [], [], true],
    ['th', [{ text: 'th', exact: false, prefix: true }], [], false],
    ['', [], [], false],
    ['word word', [{ text: 'word', exact: false, prefix: false }], [], false],
  ])('%j', (raw, tokens, phrases, onlyStop) => {
    expect(parseQuery(raw)).toEqual({ tokens, phrases, onlyStopWords: onlyStop });
  });
});

describe('edit distance', () => {
  it.each([
    ['laundromat', 'laundromat', 0],
    ['laundramat', 'laundromat', 1],
    ['teh', 'the', 1], // a swap is one typo
    ['materialsim', 'materialism', 1],
    ['facilitaton', 'facilitation', 1],
    ['kitten', 'sitting', 3],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b, 3)).toBe(d);
  });
  it('stops early past the limit', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
  });
  it.each([
    [3, 0],
    [4, 1],
    [6, 1],
    [7, 2],
  ])('a %i-letter word allows %i edit(s)', (len, edits) => {
    expect(allowedEdits(len)).toBe(edits);
  });
});

describe('packed postings', () => {
  it('round-trips numbers of every size', () => {
    const values = [0, 1, 31, 32, 33, 1023, 1024, 99999, 5];
    expect(decodeNumbers(encodeNumbers(values))).toEqual(values);
  });
  it('decodes (doc delta, weight) pairs into essays and weights', () => {
    const packed = encodeNumbers([3, 7, 0, 31, 1029, 2, 40000, 12]);
    const { docs, weights } = decodePostings(packed);
    expect([...docs]).toEqual([3, 3, 1032, 41032]);
    expect([...weights]).toEqual([7, 31, 2, 12]);
    expect(decodePostings('').docs).toHaveLength(0);
  });
  it('keeps the order of weights through quantization', () => {
    const ws = [0.05, 0.2, 0.9, 2, 5, 11, 25];
    const levels = ws.map(weightLevel);
    expect([...levels].sort((a, b) => a - b)).toEqual(levels);
    for (const w of ws) expect(Math.abs(levelWeight(weightLevel(w)) - w) / w).toBeLessThan(0.6);
  });
});

function essay(
  n: number,
  title: string,
  tags: string[],
  body: string,
  description = 'a description',
): string {
  return `---\ntitle: "${title}"\ndate: Thu Mar 14\ndescription: "${description}"\nthread_id: thread_${n}\nword_count: 10\nreading_time: 1\nprimary_theme: ${tags[0]}\ntags: [${tags.map((t) => `"${t}"`).join(', ')}]\n---\n\n${body}\n`;
}

const pipeline = runOnTexts(
  {
    '001.txt': essay(
      1,
      'notes on reading groups',
      ['organizing_study groups', 'pedagogy'],
      'The laundromat had a broken dryer door. Groups die in the third month.',
    ),
    '002.txt': essay(
      2,
      'the bus is the backbone',
      ['cities_transit'],
      'Frequency matters; a bus every fifteen minutes. Reading the timetable is a chore.',
    ),
    '003.txt': essay(
      3,
      'a laundromat essay',
      ['craft_writing'],
      'Nothing about dryers here, but materialism appears once.',
    ),
    '004.txt': essay(
      4,
      'density is not height',
      ['cities_urban planning', 'housing'],
      'Door to door, the city is dense. Materialism again and reading.',
    ),
  },
  { anchorDate: '2026-11-24' },
);
const files = new Map(pipeline.outputs.map((o) => [o.fileName, o.source]));
const searchManifest = [...files.keys()].find((f) => f.startsWith('data/search.'))!;
const store = storeOfFiles(searchManifest, files);
await store.loadAll();
const engine = createEngine(store);
const top = (q: string) => engine.search(q, 10).hits.map((h) => pipeline.essays[h.doc]!.title);

describe('the engine', () => {
  it.each([
    ['exact body word', 'frequency ', 'the bus is the backbone'],
    ['body word with a typo', 'freqency ', 'the bus is the backbone'],
    ['a prefix while typing', 'timeta', 'the bus is the backbone'],
    ['title outranks body for the same word', 'laundromat ', 'a laundromat essay'],
    ['more matched words rank first', 'dryer door ', 'notes on reading groups'],
    ['a tag', 'pedagogy ', 'notes on reading groups'],
    ['a tag holding a space', 'housing ', 'density is not height'],
    ['the narrower part of a theme', 'transit ', 'the bus is the backbone'],
  ])('%s: %j → %j first', (_, q, title) => {
    expect(top(q)[0]).toBe(title);
  });

  it('one or two letters begun after other words only reorder what those words matched', () => {
    // "ba" begins "backbone" (the bus essay), which has no laundromat.
    expect(top('laundromat ba')).toEqual(['a laundromat essay', 'notes on reading groups']);
    expect(top('ba')).toContain('the bus is the backbone');
  });

  it('quoted words are required and exact', () => {
    expect(top('"dryer door"')).toEqual(['notes on reading groups']);
    expect(top('"laundramat"')).toEqual([]);
    expect(top('laundramat ')).toContain('notes on reading groups');
  });

  it('suggests a real word when nothing matches', () => {
    const r = engine.search('lxnudrmoat ');
    expect(r.hits).toEqual([]);
    expect(r.didYouMean).toBe('laundromat');
  });

  it('narrows to the given essays before the best are cut, and counts within them', () => {
    const all = engine.search('reading ', 10);
    expect(all.total).toBeGreaterThan(2);
    // With a limit of one, the best match in the archive fills the whole answer; the essays
    // searched within must still come back, and be counted right.
    const best = all.hits[0]!.doc;
    const others = all.hits.slice(1).map((h) => h.doc);
    const within = engine.search('reading ', 1, others);
    expect(within.hits.map((h) => h.doc)).toEqual([others[0]]);
    expect(within.total).toBe(others.length);
    expect(within.totalInArchive).toBe(all.total);
    expect(within.hits.map((h) => h.doc)).not.toContain(best);
    expect(engine.search('reading ', 10, []).hits).toEqual([]);
  });

  it('reports the words each query word matched, for highlighting', () => {
    expect(engine.search('freqency ').expansions[0]!.map((e) => e.term)).toEqual(['frequency']);
  });
});

describe('snippets', () => {
  const text =
    'Most groups die in the third month. ' +
    'Filler words here. '.repeat(30) +
    'The dryer door broke, and the dryer stayed broken.';
  it('centres on the densest cluster of matches and marks each one', () => {
    const segs = snippet(text, new Set(['dryer', 'door']), 120);
    expect(segs[0]!.text).toBe('… ');
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['dryer', 'door', 'dryer']);
  });
  it('marks words by their folded form, keeping the text as written', () => {
    expect(markWords("Économie and the group's work", new Set(['economie', 'groups']))).toEqual([
      { text: 'Économie', mark: true },
      { text: ' and the ', mark: false },
      { text: "group's", mark: true },
      { text: ' work', mark: false },
    ]);
  });
});

describe('languages other than English', () => {
  const many = runOnTexts(
    {
      '001.txt': essay(
        1,
        '夜空の観察',
        ['天文'],
        '昨夜は望遠鏡で木星を観察しました。東京の空でも縞模様がよく見えました。',
      ),
      '002.txt': essay(2, '北京的秋天', ['城市'], '北京的秋天很美，我们在公园里散步。'),
      '003.txt': essay(
        3,
        'the résumé of a season',
        ['garden'],
        'A résumé, a café and a naïve plan.',
      ),
      '004.txt': essay(
        4,
        'an English essay',
        ['garden'],
        'Telescopes and gardens, in plain English.',
      ),
    },
    { anchorDate: '2026-11-24' },
  );
  const own = new Map(many.outputs.map((o) => [o.fileName, o.source]));
  const manifest = [...own.keys()].find((f) => f.startsWith('data/search.'))!;
  const langStore = storeOfFiles(manifest, own);
  const titles = async (q: string) => {
    await langStore.loadAll();
    return createEngine(langStore)
      .search(q, 10)
      .hits.map((h) => many.essays[h.doc]!.title);
  };

  it('cuts Japanese and Chinese into words, as Pagefind does', () => {
    expect(indexTerms('望遠鏡で木星を観察')).toEqual(['望遠鏡', 'で', '木星', 'を', '観察']);
    expect(words('Tokyo東京')).toEqual(['tokyo', '東京']);
  });

  it.each([
    ['木星 ', '夜空の観察'],
    ['望遠鏡 ', '夜空の観察'],
    ['東京の空 ', '夜空の観察'],
    ['北京 ', '北京的秋天'],
    ['公园 ', '北京的秋天'],
  ])('finds %j in %j', async (q, title) => {
    expect(await titles(q)).toEqual([title]);
  });

  it('folds accents both ways: resume finds résumé, and naïve finds naive', async () => {
    expect(await titles('resume ')).toEqual(['the résumé of a season']);
    expect(await titles('cafe ')).toEqual(['the résumé of a season']);
    expect(await titles('naïve ')).toEqual(['the résumé of a season']);
  });
});
