import type { Heading as MdHeading, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { headingIds, TOC_DEPTHS } from '../domain/headings';
import { smarten } from './typography';

/**
 * Remark plugins for the reader. Both change only what is displayed.
 * - `remarkHeadingIds` gives headings the same ids the pipeline listed for the contents.
 * - `remarkTypography` curls quotes and turns `--` into dashes in text (never in code).
 */

export function remarkHeadingIds() {
  return (tree: Root) => {
    const headings: MdHeading[] = [];
    visit(tree, 'heading', (node) => {
      if ((TOC_DEPTHS as readonly number[]).includes(node.depth)) headings.push(node);
    });
    const ids = headingIds(headings.map((h) => toString(h)));
    headings.forEach((h, i) => {
      h.data = { ...h.data, hProperties: { ...(h.data?.hProperties ?? {}), id: ids[i]! } };
    });
  };
}

export function remarkTypography() {
  return (tree: Root) => {
    let last = '';
    visit(tree, (node) => {
      // A new block resets the context for quote direction.
      if (
        node.type === 'paragraph' ||
        node.type === 'heading' ||
        node.type === 'tableCell' ||
        node.type === 'listItem'
      )
        last = '';
      if (node.type === 'inlineCode' || node.type === 'code') {
        last = 'x';
        return;
      }
      if (node.type === 'text') {
        const text = node as Text;
        const before = last;
        text.value = smarten(text.value, before);
        last = text.value.slice(-1) || before;
      }
    });
  };
}
