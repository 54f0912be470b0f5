import type { Element, ElementContent, Root, Text } from 'hast';
import { markWords } from '../domain/snippet';

/**
 * Wraps every word of the essay that a search matched in <mark>, so a reader arriving from
 * search sees where the match is. Words in code are left alone.
 */
export function rehypeMark(options: { terms: ReadonlySet<string> }) {
  return (tree: Root) => {
    if (options.terms.size === 0) return;
    const walk = (node: Root | Element) => {
      const next: (typeof node.children)[number][] = [];
      for (const child of node.children) {
        if (child.type === 'element') {
          if (child.tagName !== 'code' && child.tagName !== 'pre') walk(child);
          next.push(child);
        } else if (child.type === 'text') {
          const segments = markWords((child as Text).value, options.terms);
          for (const s of segments) {
            next.push(
              s.mark
                ? ({
                    type: 'element',
                    tagName: 'mark',
                    properties: { className: ['search-hit'] },
                    children: [{ type: 'text', value: s.text }],
                  } as ElementContent)
                : ({ type: 'text', value: s.text } as Text),
            );
          }
        } else {
          next.push(child);
        }
      }
      node.children = next as typeof node.children;
    };
    walk(tree);
  };
}
