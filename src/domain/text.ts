/**
 * Counting and summarizing bodies. Pure string work so the pipeline and tests share it.
 */

/** Silent reading speed for essays, words per minute (a common middle estimate). */
export const WORDS_PER_MINUTE = 230;
export const DESCRIPTION_LENGTH = 120;

/** Markdown reduced to the words a reader sees: no markers, link targets or bare URLs. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[\^[^\]]+\]:?/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_~`|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function countWords(markdown: string): number {
  const text = plainText(markdown);
  if (text === '') return 0;
  return text.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE));
}

/** The first ~120 characters of the body, cut at a word, as the authors' own files do. */
export function describe(markdown: string): string {
  const text = plainText(markdown);
  if (text.length <= DESCRIPTION_LENGTH) return text;
  const cut = text.slice(0, DESCRIPTION_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > 60 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}
