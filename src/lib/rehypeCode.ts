import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { CodeToken } from '../domain/essay';

/**
 * Puts the build's highlighting (src/pipeline/derive/highlight.ts) into the code blocks: the n-th
 * `pre > code` gets the n-th block's tokens as spans with `hl-` classes. A block whose text
 * is not exactly the tokens' text (the order differed, say in a footnote) stays plain
 * rather than show wrong text.
 */
export function rehypeCode({ blocks }: { blocks: readonly (CodeToken[] | null)[] | undefined }) {
  return (tree: Root) => {
    if (!blocks || blocks.length === 0) return;
    let n = 0;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'pre') return;
      const code = node.children.find(
        (c): c is Element => c.type === 'element' && c.tagName === 'code',
      );
      if (!code) return;
      const tokens = blocks[n++];
      if (!tokens) return;
      const text = code.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      if (text.replace(/\n$/, '') !== tokensText(tokens).replace(/\n$/, '')) return;
      code.children = tokens.map(toHast);
      if (text.endsWith('\n')) code.children.push({ type: 'text', value: '\n' });
      const existing = code.properties.className;
      code.properties.className = [
        ...(Array.isArray(existing) ? existing.map(String) : []),
        'highlighted',
      ];
    });
  };
}

function tokensText(tokens: readonly CodeToken[]): string {
  return tokens
    .map((t) => (typeof t === 'string' ? t : tokensText(t.slice(1) as CodeToken[])))
    .join('');
}

function toHast(token: CodeToken): ElementContent {
  if (typeof token === 'string') return { type: 'text', value: token };
  const [classes, ...children] = token;
  return {
    type: 'element',
    tagName: 'span',
    properties: {
      className: classes
        .split(' ')
        .filter(Boolean)
        .map((c) => `hl-${c}`),
    },
    children: children.map(toHast),
  };
}
