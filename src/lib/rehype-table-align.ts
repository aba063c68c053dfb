/**
 * GFM table alignment as classes (`align-right`), not the `style="text-align: right"` that MDX
 * would write: a strict Content-Security-Policy forbids style attributes.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export default function rehypeTableAlign() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if ((node.tagName !== 'th' && node.tagName !== 'td') || !node.properties.align) return;
      const align = String(node.properties.align);
      delete node.properties.align;
      const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
      node.properties.className = [...classes, `align-${align}`];
    });
  };
}
