/**
 * Heading ids, shared by the pipeline (which lists headings for the table of contents) and
 * the reader (which puts the ids on the rendered headings), so both always agree.
 */

export interface Heading {
  depth: number;
  text: string;
  id: string;
}

/** Headings that get anchors and appear in the table of contents. */
export const TOC_DEPTHS = [2, 3, 4] as const;

export function headingSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}

/** Ids for headings in document order; repeats get `-2`, `-3`, … */
export function headingIds(texts: readonly string[]): string[] {
  const used = new Map<string, number>();
  return texts.map((text) => {
    const base = headingSlug(text);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}
