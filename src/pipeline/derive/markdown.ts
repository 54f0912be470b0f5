import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { EXIT, visit } from 'unist-util-visit';
import type { CodeToken } from '../../domain/essay.ts';
import { headingIds, TOC_DEPTHS, type Heading } from '../../domain/headings.ts';
import { highlightBlocks, mayHaveCode } from './highlight.ts';
import { flattenDeepNesting } from '../../lib/remarkFlattenDeep.ts';

/** Markdown parsed once at build time, exactly as the reader's remark parses it. */

export function parseMarkdown(markdown: string): Root {
  const tree = fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
  // Before any walk over it: the walkers recurse once per level (lib/remarkFlattenDeep.ts).
  flattenDeepNesting(tree);
  return tree;
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

/**
 * A line that could be a heading: ATX (`#` after any quote, list or indent markers) or a
 * setext underline (`===` or `---`, also inside quotes and lists). Deliberately generous: a
 * false "maybe" costs one parse, a false "no" would hide a heading. A `-` in the prefix is a list marker (a space follows), so
 * a line of 100,000 dashes is read once, not once per dash.
 */
const MAYBE_HEADING = /^(?:[ \t>*+0-9.)]|-(?=[ \t]))*(?:#|=+[ \t]*$|-+[ \t]*$)/m;

/**
 * The headings the reader will give ids to, from the same parser the reader uses (one parse,
 * one list: an earlier line scan missed setext headings, headings in quotes and lists, and
 * fences inside fences, and its contents links led nowhere). Essays with no line that could
 * be a heading skip the parse (~5 ms an essay), which keeps big archives fast to build.
 */
export function headingsOfMarkdown(markdown: string): Heading[] {
  return MAYBE_HEADING.test(markdown) ? headingsOf(parseMarkdown(markdown)) : [];
}

/** A tag, comment or declaration could start here: the parse says whether it is HTML. */
const MAYBE_HTML = /<[A-Za-z!/?]/;

/** Whether the parsed Markdown holds HTML (a block or inline tag, or a comment). */
export function hasHtml(tree: Root): boolean {
  let found = false;
  visit(tree, 'html', () => {
    found = true;
    return EXIT;
  });
  return found;
}

/**
 * Headings, highlighted code and whether there is HTML to read, from one parse, and no
 * parse when there can be none of them.
 */
export function bodyParts(markdown: string): {
  headings: Heading[];
  code?: (CodeToken[] | null)[];
  html?: true;
} {
  const maybeHeading = MAYBE_HEADING.test(markdown);
  const maybeCode = mayHaveCode(markdown);
  const maybeHtml = MAYBE_HTML.test(markdown);
  if (!maybeHeading && !maybeCode && !maybeHtml) return { headings: [] };
  const tree = parseMarkdown(markdown);
  const code = maybeCode ? highlightBlocks(tree) : undefined;
  return {
    headings: maybeHeading ? headingsOf(tree) : [],
    ...(code ? { code } : {}),
    ...(maybeHtml && hasHtml(tree) ? { html: true as const } : {}),
  };
}
