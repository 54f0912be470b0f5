/**
 * "Did you mean": the closest strings by bigram overlap (Dice coefficient). Cheap, good at
 * typos, swapped words and partial slugs, which is what a mistyped URL usually holds.
 */

function bigrams(s: string): Map<string, number> {
  const text = ` ${s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const g = text.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

export function similarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** The `limit` best matches scoring at least `threshold`, best first. */
export function closest<T>(
  target: string,
  items: readonly T[],
  key: (item: T) => string,
  limit = 5,
  threshold = 0.3,
): T[] {
  return items
    .map((item) => ({ item, score: similarity(target, key(item)) }))
    .filter((x) => x.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((x) => x.item);
}
