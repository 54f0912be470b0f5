import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';
import { headingIds, TOC_DEPTHS, type Heading } from '../domain/headings.ts';

/** Markdown parsed once at build time, exactly as the reader's remark parses it. */

export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

export function headingsOf(tree: Root): Heading[] {
  const found: { depth: number; text: string }[] = [];
  visit(tree, 'heading', (node) => {
    if ((TOC_DEPTHS as readonly number[]).includes(node.depth))
      found.push({ depth: node.depth, text: toString(node) });
  });
  const ids = headingIds(found.map((h) => h.text));
  return found.map((h, i) => ({ ...h, id: ids[i]! }));
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{2,4})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/**
 * Headings without parsing the whole essay (full parsing costs ~5 ms an essay, minutes at
 * 10,000): ATX heading lines outside fenced code, each line's text parsed on its own so it
 * reads exactly as the reader's `toString` will. Setext headings are not listed.
 */
export function headingsFast(markdown: string): Heading[] {
  const found: { depth: number; text: string }[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const f = FENCE.exec(line);
    if (f) {
      if (fence === null) fence = f[1]!.slice(0, 3);
      else if (f[1]!.startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const m = ATX.exec(line);
    if (m) found.push({ depth: m[1]!.length, text: toString(parseMarkdown(m[2]!)) });
  }
  const ids = headingIds(found.map((h) => h.text));
  return found.map((h, i) => ({ ...h, id: ids[i]! }));
}
