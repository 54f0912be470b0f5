/**
 * What to read next, computed once at build time for every essay (so the reader needs no
 * archive-wide data): essays sharing the most tags, rarer shared tags counting more (each tag
 * weighs 1 / log2(1 + essays carrying it), ties to the newer essay), then the newest other
 * essays of the same theme.
 *
 * Essays are numbered newest first. A tag carried by more than `NEAREST` essays is only
 * followed to the `NEAREST` essays closest in that order: such a tag weighs little, and
 * following all of them made this quadratic (100,000 essays × a tag on 10,000 of them).
 */

export interface RelatedInput {
  /** Normalized tag keys per essay. */
  tags: readonly (readonly string[])[];
  /** Normalized theme key per essay. */
  themes: readonly string[];
}

const NEAREST = 1000;

/** Essay numbers of each tag, ascending. */
function postingsOf(input: RelatedInput): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  input.tags.forEach((keys, i) => {
    for (const t of keys) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(i);
    }
  });
  return postings;
}

/** The part of a long posting list nearest to essay `i`. */
function nearest(list: readonly number[], i: number): readonly number[] {
  if (list.length <= NEAREST) return list;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  const start = Math.max(0, Math.min(lo - NEAREST / 2, list.length - NEAREST));
  return list.slice(start, start + NEAREST);
}

export interface Related {
  related: number[];
  more: number[];
}

/** For every essay: up to `relatedLimit` related essays and `moreLimit` more in its theme. */
export function relatedForAll(input: RelatedInput, relatedLimit = 4, moreLimit = 3): Related[] {
  const n = input.tags.length;
  const postings = postingsOf(input);
  const weight = new Map([...postings].map(([t, list]) => [t, 1 / Math.log2(1 + list.length)]));
  const byTheme = new Map<string, number[]>();
  input.themes.forEach((t, i) => {
    let list = byTheme.get(t);
    if (!list) byTheme.set(t, (list = []));
    list.push(i);
  });
  const score = new Float64Array(n);
  const out: Related[] = [];
  for (let i = 0; i < n; i++) {
    const touched: number[] = [];
    for (const t of input.tags[i]!) {
      const w = weight.get(t)!;
      for (const j of nearest(postings.get(t)!, i)) {
        if (j === i) continue;
        if (score[j] === 0) touched.push(j);
        score[j]! += w;
      }
    }
    touched.sort((a, b) => score[b]! - score[a]! || a - b);
    const related = touched.slice(0, relatedLimit);
    for (const j of touched) score[j] = 0;
    const more: number[] = [];
    for (const j of byTheme.get(input.themes[i]!)!) {
      if (more.length === moreLimit) break;
      if (j !== i && !related.includes(j)) more.push(j);
    }
    out.push({ related, more });
  }
  return out;
}
