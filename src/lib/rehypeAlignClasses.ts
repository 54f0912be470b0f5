import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * GFM table alignment (`| :---: |`) arrives as an `align` property, which react-markdown
 * renders as an inline `style` attribute. The Content-Security-Policy allows no inline
 * styles, so every aligned table logged a violation and lost its alignment in prerendered
 * pages. The alignment becomes a class instead (`.align-center`, styled in styles.css).
 */
export function rehypeAlignClasses() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'td' && node.tagName !== 'th') return;
      const align = node.properties.align;
      if (typeof align !== 'string') return;
      delete node.properties.align;
      if (!['left', 'center', 'right'].includes(align)) return;
      const existing = node.properties.className;
      node.properties.className = [
        ...(Array.isArray(existing) ? existing : existing ? [String(existing)] : []),
        `align-${align}`,
      ];
    });
  };
}
