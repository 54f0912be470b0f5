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
