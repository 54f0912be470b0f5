/**
 * Obsidian's wiki links, `[[note]]`, `[[note#heading]]`, `[[note|label]]` and the embed
 * `![[image.png]]`: the one pattern links.ts resolves and fields.ts reads as text. Not
 * `[[label]](url)`, which is a Markdown link whose label is in brackets.
 *
 * No part of it may run over a `[`: a label that could swallow brackets made a line of 20,000
 * `[` cost one scan to the line's end per bracket (47 s for one file).
 */
export const WIKI = /(!?)\[\[([^[\]|#\n]*)(#[^[\]|\n]*)?(?:\|([^[\]\n]*))?\]\](?!\()/g;

/** Wiki links as the words a reader sees (`[[note|label]]` → label), for descriptions. */
export function wikiLinksAsText(markdown: string): string {
  if (!markdown.includes('[[')) return markdown;
  return markdown.replace(
    WIKI,
    (_w, bang: string, name: string, heading?: string, label?: string) =>
      bang ? '' : (label ?? (name || heading?.slice(1) || '')).trim(),
  );
}
