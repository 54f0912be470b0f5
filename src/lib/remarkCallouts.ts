import type { Blockquote, Paragraph, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Obsidian's callouts (also GitHub's alerts): a quote whose first line is `[!type]`, with an
 * optional title after it, and `+` or `-` after the type to make it fold (open or closed).
 *
 *     > [!warning]- Before you start
 *     > The words inside.
 *
 * becomes an aside with its title (a `<details>` with a `<summary>` when it folds), classed by
 * its type for the stylesheet; an unknown type is a plain note. A quote that does not start
 * so stays a quote. Pure Markdown tree work: the reader and the build share it.
 */

const MARKER = /^\[!([A-Za-z][\w-]*)\]([+-]?)[ \t]*/;

const KNOWN = new Set([
  'note',
  'abstract',
  'summary',
  'tldr',
  'info',
  'todo',
  'tip',
  'hint',
  'important',
  'success',
  'check',
  'done',
  'question',
  'help',
  'faq',
  'warning',
  'caution',
  'attention',
  'failure',
  'fail',
  'missing',
  'danger',
  'error',
  'bug',
  'example',
  'quote',
  'cite',
]);

const capitalised = (type: string) => type.charAt(0).toUpperCase() + type.slice(1);

export function remarkCallouts() {
  return (tree: Root) => {
    visit(tree, 'blockquote', (quote: Blockquote) => {
      const first = quote.children[0];
      if (first?.type !== 'paragraph') return;
      const lead = first.children[0];
      if (lead?.type !== 'text') return;
      const marker = MARKER.exec(lead.value);
      if (!marker) return;
      const type = marker[1]!.toLowerCase();
      const fold = marker[2];
      // The title is the rest of the first line; the first line's break ends it.
      const rest = lead.value.slice(marker[0].length);
      const breakAt = rest.indexOf('\n');
      const titleText = breakAt === -1 ? rest : rest.slice(0, breakAt);
      const titleNodes: PhrasingContent[] = [];
      const bodyNodes: PhrasingContent[] = [];
      if (breakAt === -1) {
        if (titleText.trim()) titleNodes.push({ type: 'text', value: titleText.trim() });
        // Inline nodes after the marker on the first line belong to the title, up to a break.
        let inTitle = true;
        for (const node of first.children.slice(1)) {
          if (inTitle && node.type === 'text' && node.value.includes('\n')) {
            const at = node.value.indexOf('\n');
            if (at > 0) titleNodes.push({ type: 'text', value: node.value.slice(0, at) });
            bodyNodes.push({ type: 'text', value: node.value.slice(at + 1) });
            inTitle = false;
          } else if (inTitle && node.type === 'break') inTitle = false;
          else (inTitle ? titleNodes : bodyNodes).push(node);
        }
      } else {
        if (titleText.trim()) titleNodes.push({ type: 'text', value: titleText.trim() });
        bodyNodes.push(
          { type: 'text', value: rest.slice(breakAt + 1) },
          ...first.children.slice(1),
        );
      }
      if (titleNodes.length === 0) titleNodes.push({ type: 'text', value: capitalised(type) });

      const kind = KNOWN.has(type) ? type : 'note';
      const title: Paragraph = {
        type: 'paragraph',
        children: titleNodes,
        data: { hName: fold ? 'summary' : 'p', hProperties: { className: ['callout-title'] } },
      };
      const body: Blockquote['children'] =
        bodyNodes.length > 0 ? [{ type: 'paragraph', children: bodyNodes }] : [];
      quote.children = [title, ...body, ...quote.children.slice(1)];
      quote.data = {
        ...quote.data,
        hName: fold ? 'details' : 'aside',
        hProperties: {
          className: ['callout', `callout-${kind}`],
          ...(fold === '+' ? { open: true } : {}),
        },
      };
    });
  };
}
