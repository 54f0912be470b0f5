import { lengthBucket, LENGTHS, type LengthBucket } from './browse.ts';
import type { EssaySummary } from './essay.ts';
import { decodeNumbers, encodeNumbers } from './searchIndex.ts';
import { normalizeTerm } from './slugs.ts';

/**
 * The whole archive in the few numbers filtering, faceting and sorting need, one column per
 * property, packed (docs/decisions/0011-archive-at-scale.md). About 8 bytes an essay
 * gzipped, against ~140 for a summary: at 10,000 essays the list filters from ~80 KB
 * instead of a 1.4 MB index. Essays are numbered newest first, as everywhere.
 *
 * Tags and themes are numbers into the terms file's `tags` and `themes` lists.
 */
export interface ArchiveFacets {
  count: number;
  /** Per essay: how many tags, then each tag's number. */
  tags: string;
  /** Per essay: its theme's number. */
  themes: string;
  /** Per essay: its month (`YYYY-MM`, as months since year 0), zigzag delta from the one before. */
  months: string;
  /** Per essay: its length bucket, an index into LENGTHS. */
  lengths: string;
  /** Per essay: its word count (the longest and shortest sorts). */
  words: string;
  /** Essay numbers in title order (a collation the browser should not redo for every essay). */
  byTitle: string;
}

/** The columns unpacked. */
export interface FacetColumns {
  count: number;
  tags: number[][];
  themes: number[];
  months: string[];
  lengths: LengthBucket[];
  words: number[];
  byTitle: Uint32Array;
}

const titleCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const monthNumber = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const monthText = (n: number) =>
  `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
const zigzag = (n: number) => (n >= 0 ? 2 * n : -2 * n - 1);
const unzigzag = (n: number) => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);

/** Essay numbers sorted by title, ties by number (newest first): the list's title order. */
export function titleOrder(titles: readonly string[]): Uint32Array {
  return Uint32Array.from(titles, (_, i) => i).sort(
    (a, b) => titleCollator.compare(titles[a]!, titles[b]!) || a - b,
  );
}

/** `tags` and `themes`: the terms file's lists, whose positions number them. */
export function encodeFacets(
  essays: readonly EssaySummary[],
  tags: readonly { value: string }[],
  themes: readonly { value: string }[],
): ArchiveFacets {
  const tagNumber = new Map(tags.map((t, i) => [normalizeTerm(t.value), i]));
  const themeNumber = new Map(themes.map((t, i) => [normalizeTerm(t.value), i]));
  const tagColumn: number[] = [];
  let previousMonth = 0;
  const months: number[] = [];
  for (const e of essays) {
    // An essay may carry one tag twice in two spellings; it counts once.
    const mine = [...new Set(e.tags.map((t) => tagNumber.get(normalizeTerm(t))!))];
    tagColumn.push(mine.length, ...mine);
    const month = monthNumber(e.date.iso);
    months.push(zigzag(month - previousMonth));
    previousMonth = month;
  }
  return {
    count: essays.length,
    tags: encodeNumbers(tagColumn),
    themes: encodeNumbers(essays.map((e) => themeNumber.get(normalizeTerm(e.theme))!)),
    months: encodeNumbers(months),
    lengths: encodeNumbers(essays.map((e) => LENGTHS.indexOf(lengthBucket(e.readingTime)))),
    words: encodeNumbers(essays.map((e) => e.wordCount)),
    byTitle: encodeNumbers([...titleOrder(essays.map((e) => e.title))]),
  };
}

export function decodeFacets(facets: ArchiveFacets): FacetColumns {
  const n = facets.count;
  const packedTags = decodeNumbers(facets.tags);
  const tags: number[][] = [];
  for (let at = 0; tags.length < n;) {
    const k = packedTags[at]!;
    tags.push(packedTags.slice(at + 1, at + 1 + k));
    at += k + 1;
  }
  let month = 0;
  return {
    count: n,
    tags,
    themes: decodeNumbers(facets.themes),
    months: decodeNumbers(facets.months).map((d) => monthText((month += unzigzag(d)))),
    lengths: decodeNumbers(facets.lengths).map((i) => LENGTHS[i]!),
    words: decodeNumbers(facets.words),
    byTitle: Uint32Array.from(decodeNumbers(facets.byTitle)),
  };
}
