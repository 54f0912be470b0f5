/**
 * The search index as emitted at build time. Postings are packed into strings with a small
 * variable-length code (see `encodeNumbers`) because JSON arrays of numbers would be three
 * times larger. Document `i` is essay `i` of the essay index with the same build hash.
 */

export interface SearchIndex {
  version: 1;
  /** The essay index build this belongs to; a mismatch means a stale pair. */
  build: string;
  docCount: number;
  /** Sorted vocabulary. */
  terms: string[];
  /** Per term: packed (doc-id delta, weight level) pairs; see `weightLevel`. */
  postings: string[];
}

/**
 * BM25F weights are stored as one of 32 levels on a log scale (one character each): ranking
 * needs their order and rough ratios, not their third decimal.
 */
export const WEIGHT_LEVELS = 32;
const LEVEL_BASE = 1.16;

export function weightLevel(weight: number): number {
  return Math.min(
    WEIGHT_LEVELS - 1,
    Math.max(1, Math.round(Math.log(1 + weight * 4) / Math.log(LEVEL_BASE) / 1.5)),
  );
}

export function levelWeight(level: number): number {
  return (Math.pow(LEVEL_BASE, level * 1.5) - 1) / 4;
}

// 64 URL- and JSON-safe characters: the first 32 end a number, the last 32 continue it.
const ALPHABET = '0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ-_wxyz';
/** Character code → its digit (the alphabet is ASCII). */
const DIGIT = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

const CODES = [...ALPHABET].map((c) => c.charCodeAt(0));
/** Characters per `String.fromCharCode` call: well under any engine's argument limit. */
const CHUNK = 8192;

/**
 * The numbers as one flat string. Built from character codes, not by appending one
 * character at a time: each `+=` made a rope node, and the postings of 100,000 essays
 * (~40 million numbers) held over a gigabyte of them until written (decision 0017).
 */
export function encodeNumbers(values: readonly number[]): string {
  const codes: number[] = [];
  for (let v of values) {
    while (v >= 32) {
      codes.push(CODES[32 + (v & 31)]!);
      v = Math.floor(v / 32);
    }
    codes.push(CODES[v]!);
  }
  if (codes.length <= CHUNK) return String.fromCharCode(...codes);
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += CHUNK)
    parts.push(String.fromCharCode(...codes.slice(i, i + CHUNK)));
  return parts.join('');
}

export function decodeNumbers(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let scale = 1;
  for (let i = 0; i < text.length; i++) {
    const d = DIGIT[text.charCodeAt(i)]!;
    if (d >= 32) {
      value += (d - 32) * scale;
      scale *= 32;
    } else {
      out.push(value + d * scale);
      value = 0;
      scale = 1;
    }
  }
  return out;
}

/** How many numbers the packed text holds (each ends with one of the first 32 digits). */
export function countNumbers(text: string): number {
  let numbers = 0;
  for (let i = 0; i < text.length; i++) if (DIGIT[text.charCodeAt(i)]! < 32) numbers++;
  return numbers;
}

/**
 * Postings as (doc, weight) pairs from their packed form, straight into typed arrays: a
 * common word's postings at 100,000 essays are ~100,000 pairs, decoded on a keystroke.
 */
export function decodePostings(packed: string): { docs: Int32Array; weights: Int32Array } {
  const n = countNumbers(packed) >> 1;
  const docs = new Int32Array(n);
  const weights = new Int32Array(n);
  let doc = 0;
  let k = 0;
  let value = 0;
  let scale = 1;
  for (let i = 0; i < packed.length && k < 2 * n; i++) {
    const d = DIGIT[packed.charCodeAt(i)]!;
    if (d >= 32) {
      value += (d - 32) * scale;
      scale *= 32;
      continue;
    }
    const number = value + d * scale;
    value = 0;
    scale = 1;
    if (k % 2 === 0) docs[k >> 1] = doc += number;
    else weights[k >> 1] = number;
    k++;
  }
  return { docs, weights };
}
