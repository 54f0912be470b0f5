import type { Nodes, Parents, Root, RootContent } from 'mdast';

/**
 * Markdown nests without limit: a line of 1,500 `>` is 1,500 quotes one inside the other, and
 * every tree walker after the parser (mdast to hast, hast to XHTML, React) recursed once per
 * level until the stack ran out, stopping the build. No writing needs more than a few levels,
 * so anything deeper than MAX_NESTING is kept as the plain text it holds, at that level. The
 * walk here uses its own stack, never recursion, so it holds at any depth. Used right after
 * every parse: the build's (src/pipeline/derive/markdown.ts) and the reader's (components/Markdown).
 */

export const MAX_NESTING = 32;

/** Nodes whose children are blocks (a paragraph may stand in for a too-deep one). */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** The text a subtree holds, in order, without recursion. */
function textOf(node: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if ('value' in next && typeof next.value === 'string' && next.type !== 'html')
      parts.push(next.value);
    else if (next.type === 'image' && next.alt) parts.push(next.alt);
    else if (next.type === 'break') parts.push(' ');
    if ('children' in next)
      for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
    if (BLOCK_PARENTS.has(next.type) || next.type === 'paragraph') parts.push(' ');
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The too-deep node `child` of `parent` as text that fits where it stands. */
function flattened(parent: Parents, child: RootContent): RootContent | null {
  const value = textOf(child);
  if (parent.type === 'list')
    return {
      type: 'listItem',
      spread: false,
      children: value ? [{ type: 'paragraph', children: [{ type: 'text', value }] }] : [],
    };
  if (BLOCK_PARENTS.has(parent.type))
    return value ? { type: 'paragraph', children: [{ type: 'text', value }] } : null;
  // Tables keep their rows and cells (they cannot nest); anything else holds inline content.
  if (parent.type === 'table' || parent.type === 'tableRow') return child;
  return { type: 'text', value };
}

/** Flattens what lies deeper than `max`; says how many nodes were flattened. */
export function flattenDeepNesting(tree: Root, max = MAX_NESTING): number {
  let count = 0;
  const stack: { node: Parents; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const children = node.children as RootContent[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (!('children' in child)) continue;
      if (depth + 1 < max) {
        stack.push({ node: child, depth: depth + 1 });
        continue;
      }
      const flat = flattened(node, child);
      if (flat === child) continue;
      count++;
      if (flat) children[i] = flat;
      else children.splice(i--, 1);
    }
  }
  return count;
}

/** The same as a remark plugin, for the reader's react-markdown. */
export function remarkFlattenDeep() {
  return (tree: Root) => {
    flattenDeepNesting(tree);
  };
}
