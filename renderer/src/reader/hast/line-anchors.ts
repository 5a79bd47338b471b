/**
 * Marks block elements with the source lines they came from (`data-line`, `data-line-end`), so the
 * reader can jump to a line (a backlink context, an outline entry) and find a heading or block by
 * the line the index recorded for it. Lines are file lines, front matter included, as in the index.
 */
import type { Root } from 'hast';
import { eachElement } from './util';

const BLOCKS = new Set([
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'tr',
  'hr',
  'ul',
  'ol',
  'dl',
  'div',
  'details',
  'section',
]);

export function annotateLines(tree: Root): void {
  eachElement(tree, (node) => {
    const pos = node.position;
    if (!pos || !BLOCKS.has(node.tagName)) return;
    node.properties.dataLine = pos.start.line;
    node.properties.dataLineEnd = pos.end.line;
  });
}
