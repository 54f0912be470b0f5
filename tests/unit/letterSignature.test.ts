import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/search/editDistance';
import {
  buildSignatureTable,
  letterSignature,
  popcount,
  signatureCandidates,
} from '../../src/search/letterSignature';

const differingBits = (a: string, b: string) => {
  const [a1, a2, a3] = letterSignature(a);
  const [b1, b2, b3] = letterSignature(b);
  return popcount(a1 ^ b1) + popcount(a2 ^ b2) + popcount(a3 ^ b3);
};

/** A small deterministic generator, so a failure names a reproducible word pair. */
function* randomWords(seed: number, count: number): Generator<string> {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 8) / 2 ** 24;
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(next() * 14);
    yield Array.from({ length }, () => 'aeinorstlmbc'[Math.floor(next() * 12)]).join('');
  }
}

describe('letter signatures', () => {
  it.each([
    [0, 0],
    [1, 1],
    [0xffffffff, 32],
    [0b1011, 3],
  ])('popcount(%i) = %i', (x, bits) => expect(popcount(x)).toBe(bits));

  it.each([
    ['word', 'word', 0],
    ['form', 'from', 0], // a swap moves no counts
    ['cat', 'cut', 2], // a substitution moves two
    ['cat', 'cats', 1], // an insertion moves one
    ['aaa', 'aa', 1], // the third of a letter is its own bit
    ['letter', 'leter', 1],
  ])('%s vs %s differ in %i bits', (a, b, bits) => expect(differingBits(a, b)).toBe(bits));

  it('never rules out a word within the allowed edits (2,000 random pairs)', () => {
    const words = [...randomWords(7, 2000)];
    const others = [...randomWords(99, 2000)];
    let close = 0;
    words.forEach((a, i) => {
      const b = others[i]!;
      const d = editDistance(a, b, 3);
      if (d <= 3) close++;
      if (d <= 3) expect(differingBits(a, b), `${a} / ${b}`).toBeLessThanOrEqual(2 * d);
    });
    expect(close).toBeGreaterThan(50); // the pairs did exercise the bound
  });

  it('finds misspellings across lengths and rules out the rest', () => {
    const terms = ['reading', 'readings', 'heading', 'bread', 'zebra', 'raeding', 'leading'];
    const table = buildSignatureTable(terms);
    const found = signatureCandidates(table, 'reeding', 1, 1).map((i) => terms[i]);
    expect(found).toEqual(expect.arrayContaining(['reading', 'raeding']));
    expect(found).not.toContain('zebra');
    expect(found).not.toContain('bread');
    // Typos in the first letters are found too (no first-letter grouping).
    expect(signatureCandidates(table, 'eading', 1, 1).map((i) => terms[i])).toContain('reading');
  });
});
