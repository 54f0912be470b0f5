import { describe, expect, it } from 'vitest';
import { runOnTexts } from '../../src/pipeline/run';
import { buildSearchIndex, shardedSearchFiles } from '../../src/pipeline/emit/search';
import { createEngine } from '../../src/search/engine';
import { ShardStore } from '../../src/search/shardStore';
import type { SearchManifest } from '../../src/domain/searchShards';

/**
 * The typos people make (issue 24), one class at a time, at engine level: each misspelling
 * must find the essay that holds the word meant, ranked first, while the word spelled right
 * still ranks its own essay first. The index is cut into one word shard per first letter, as
 * a large archive's is, so a wrong first letter must be found through the tail shards.
 */

const WORDS = [
  'annotations',
  'unordered',
  'excerpts',
  'complicate',
  'emphasis',
  'problematic',
  'encapsulated',
  'graphic',
  'aliased',
  'detached',
  'success',
  'city',
  'read',
  'bus',
];

function essay(n: number, word: string): string {
  // Each essay holds one of the words, among filler that shares none of their letters' shapes.
  return `---\ntitle: "Essay ${n}"\ndate: 2024-03-${String(n).padStart(2, '0')}\n---\n\nSome plain notes about ${word} and other things.\n`;
}

const pipeline = runOnTexts(
  Object.fromEntries(
    WORDS.map((w, i) => [`${String(i + 1).padStart(3, '0')}.md`, essay(i + 1, w)]),
  ),
  { anchorDate: '2026-11-24' },
);
const index = buildSearchIndex(pipeline.essays, 'test');
// One word shard per first character (no minimum run), as a 10,000-essay archive has, and
// tail shards of a few tails each.
const outputs = shardedSearchFiles(index, 1, 20);
const files = new Map(outputs.map((o) => [o.fileName, o.source]));
const manifest = JSON.parse(outputs.at(-1)!.source) as SearchManifest;
const store = new ShardStore(manifest, (file) => Promise.resolve(JSON.parse(files.get(file)!)));
const engine = createEngine(store);

/** The word of the essay found first for `typed`, typed and then finished with a space. */
async function found(typed: string): Promise<string | undefined> {
  const q = `${typed} `;
  await engine.prepare(q);
  const doc = engine.search(q, 10).hits[0]?.doc;
  return doc === undefined ? undefined : pipeline.essays[doc]!.markdown.match(/about (\w+)/)![1];
}

describe('typos people make are forgiven', () => {
  it('has one word shard per first letter', () => {
    expect(manifest.words.length).toBeGreaterThan(8);
    expect(manifest.tails?.length).toBeGreaterThan(5);
  });

  it.each([
    ['two letters swapped', 'compilcate', 'complicate'],
    ['two letters swapped, short word', 'ctiy', 'city'],
    ['two letters swapped, four letters', 'raed', 'read'],
    ['two letters swapped, three letters', 'ubs', 'bus'],
    ['a letter dropped', 'annotaions', 'annotations'],
    ['a letter dropped', 'unorderd', 'unordered'],
    ['a letter dropped', 'exerpts', 'excerpts'],
    ['a letter added', 'ghraphic', 'graphic'],
    ['a wrong first letter', 'amphasis', 'emphasis'],
    ['a wrong first letter', 'broblematic', 'problematic'],
    ['a wrong first letter', 'ancapsulated', 'encapsulated'],
    ['an extra first letter', 'caliased', 'aliased'],
    ['a missing first letter', 'roblematic', 'problematic'],
    ['two letters added to a long word', 'deattached', 'detached'],
  ])('%s: %j finds %j', async (_, typed, meant) => {
    expect(await found(typed)).toBe(meant);
    // Still typing (no space yet) finds it too.
    await engine.prepare(typed);
    expect(engine.search(typed, 10).hits.map((h) => pipeline.essays[h.doc]!.markdown)).toEqual(
      expect.arrayContaining([expect.stringContaining(meant)]),
    );
  });

  it('a finished word that misspells the start of a longer one finds it', async () => {
    expect(await found('suces')).toBe('success');
  });

  it.each(WORDS)('the word spelled right finds its own essay first: %j', async (word) => {
    expect(await found(word)).toBe(word);
  });

  it('a wrong first letter is looked for only when the word is unknown', async () => {
    const seen: string[] = [];
    const fresh = createEngine(
      new ShardStore(manifest, (file) => {
        seen.push(file);
        return Promise.resolve(JSON.parse(files.get(file)!));
      }),
    );
    await fresh.prepare('problematic ');
    expect(seen.filter((f) => f.startsWith('data/tails/'))).toEqual([]);
    expect(seen.filter((f) => f.startsWith('data/words/'))).toHaveLength(1);
    await fresh.prepare('xroblematic ');
    expect(seen.filter((f) => f.startsWith('data/tails/')).length).toBeGreaterThan(0);
  });

  it('short words forgive a swap only, not a wrong letter', async () => {
    expect(await found('bux')).toBeUndefined();
    expect(await found('sub')).toBeUndefined(); // the same letters, not one swap away
  });

  it('a first-letter typo with a second typo is not a match', async () => {
    await engine.prepare('amphasis ');
    expect(engine.search('amphasis ', 10).didYouMean).toBeNull();
    await engine.prepare('xmphasys ');
    const r = engine.search('xmphasys ', 10);
    expect(r.hits).toEqual([]);
  });
});
