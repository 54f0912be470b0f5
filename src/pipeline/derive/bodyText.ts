import type { Nodes, Root } from 'mdast';
import { plainText } from '../../domain/text.ts';
import { parseMarkdown } from './markdown.ts';

/**
 * The words a reader sees in a body, for word counts, descriptions and the search index.
 * `plainText`'s regexes read plain paragraphs exactly and fast; a body holding what they read
 * wrong (a `~~~` fence or indented code, whose code they counted; `[label][ref]` links and
 * their definitions, whose addresses they kept; HTML) is parsed instead, as the reader's own
 * parser reads it, and its text is taken from the tree without code, addresses or tags.
 * A false "maybe" costs one parse (~5 ms); plain archives of 100,000 essays parse none.
 */
const NEEDS_TREE = /~~~|^(?: {4}|\t)[^\s]|\]\[|^ {0,3}\[[^\]\n]+\]:|<[A-Za-z!/?]/m;

export function bodyText(markdown: string): string {
  return NEEDS_TREE.test(markdown) ? treeText(parseMarkdown(markdown)) : plainText(markdown);
}

/** Blocks whose end is a word boundary. */
const BLOCKS = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'list',
  'listItem',
  'table',
  'tableRow',
  'tableCell',
  'footnoteDefinition',
]);

/** Script and style bodies, comments and tags of raw HTML: none of it is read. */
const HTML_NOISE = /<(script|style)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<[^>]*>/gi;

/** An address written out in raw HTML's text (a tweet embed's link text). */
const BARE_ADDRESS = /https?:\/\/\S+/g;

export function treeText(tree: Root): string {
  const parts: string[] = [];
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'code':
      case 'definition':
      case 'footnoteReference':
      case 'yaml':
        return;
      case 'html':
        parts.push(' ', node.value.replace(HTML_NOISE, ' ').replace(BARE_ADDRESS, ' '), ' ');
        return;
      case 'text':
      case 'inlineCode':
        parts.push(node.value);
        return;
      case 'image':
      case 'imageReference':
        if (node.alt) parts.push(node.alt);
        return;
      case 'break':
      case 'thematicBreak':
        parts.push(' ');
        return;
      case 'link':
        // A bare address made a link (GFM autolinks) is an address, not words.
        if (isBareAddress(node)) return;
        break;
    }
    if ('children' in node) {
      for (const child of node.children) walk(child as Nodes);
      if (BLOCKS.has(node.type)) parts.push(' ');
    }
  };
  walk(tree);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function isBareAddress(link: { url: string; children: Nodes[] }): boolean {
  const only = link.children.length === 1 ? link.children[0] : undefined;
  return (
    only?.type === 'text' &&
    (only.value === link.url ||
      `mailto:${only.value}` === link.url ||
      /^https?:\/\//.test(only.value))
  );
}
