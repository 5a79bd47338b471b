/**
 * A paragraph holding nothing but embeds (`![[Note]]` on its own line, the usual case) becomes a
 * `div`, so the embedded note's blocks are not nested inside a `<p>`.
 */
import type { Root } from 'hast';
import { eachElement, hasClass, isBlankText, isElement } from './util';

export function unwrapEmbedParagraphs(tree: Root): void {
  eachElement(tree, (node) => {
    if (node.tagName !== 'p') return;
    const meaningful = node.children.filter((c) => !isBlankText(c) && !isElement(c, 'br'));
    if (meaningful.length === 0) return;
    if (!meaningful.every((c) => isElement(c, 'span') && hasClass(c, 'embed'))) return;
    node.tagName = 'div';
    node.properties.className = ['embed-paragraph'];
  });
}
