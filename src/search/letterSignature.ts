/**
 * A word's letter counts, folded into three 32-bit masks: bit b of mask n is set when the
 * word has at least n+1 letters in bin b (a character's code modulo 32).
 *
 * Why: changing a word by one edit moves one bin's count by one (an insertion or deletion)
 * or two bins' counts by one each (a substitution); a swap moves none. Each count moving by
 * one crosses at most one threshold, so it flips at most one bit across the three masks.
 * Two words within k edits therefore differ in at most 2k bits: a necessary condition that
 * costs three XORs and popcounts per word, and rules out almost the whole vocabulary before
 * fuse.js looks at anything. Bins that collide only make the test weaker, never wrong.
 */
export type Signature = readonly [number, number, number];

export function letterSignature(word: string): Signature {
  const counts = new Uint8Array(32);
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < word.length; i++) {
    const bin = word.charCodeAt(i) & 31;
    const c = ++counts[bin]!;
    const bit = 1 << bin;
    if (c === 1) m1 |= bit;
    else if (c === 2) m2 |= bit;
    else if (c === 3) m3 |= bit;
  }
  return [m1 >>> 0, m2 >>> 0, m3 >>> 0];
}

export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Words grouped by length, each with its signature in flat typed arrays for fast scans. */
export interface SignatureTable {
  /** Vocabulary indexes of the words of each length. */
  ids: Map<number, Int32Array>;
  /** Three masks per word, in the same order as `ids`. */
  masks: Map<number, Uint32Array>;
}

export function buildSignatureTable(terms: readonly string[]): SignatureTable {
  const byLength = new Map<number, number[]>();
  terms.forEach((t, i) => {
    const list = byLength.get(t.length);
    if (list) list.push(i);
    else byLength.set(t.length, [i]);
  });
  const ids = new Map<number, Int32Array>();
  const masks = new Map<number, Uint32Array>();
  for (const [length, list] of byLength) {
    const m = new Uint32Array(list.length * 3);
    list.forEach((termIndex, j) => {
      const [a, b, c] = letterSignature(terms[termIndex]!);
      m[3 * j] = a;
      m[3 * j + 1] = b;
      m[3 * j + 2] = c;
    });
    ids.set(length, Int32Array.from(list));
    masks.set(length, m);
  }
  return { ids, masks };
}

/**
 * Vocabulary indexes of words whose length is within `spread` of the word's and whose
 * signature could be within `maxEdits` edits of it.
 */
export function signatureCandidates(
  table: SignatureTable,
  word: string,
  maxEdits: number,
  spread: number,
): number[] {
  const [a, b, c] = letterSignature(word);
  const limit = 2 * maxEdits;
  const out: number[] = [];
  for (let length = word.length - spread; length <= word.length + spread; length++) {
    const ids = table.ids.get(length);
    const m = table.masks.get(length);
    if (!ids || !m) continue;
    for (let j = 0; j < ids.length; j++) {
      const bits =
        popcount(a ^ m[3 * j]!) + popcount(b ^ m[3 * j + 1]!) + popcount(c ^ m[3 * j + 2]!);
      if (bits <= limit) out.push(ids[j]!);
    }
  }
  return out;
}
