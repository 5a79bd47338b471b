/**
 * The note's title is the reader's only h1, so the note's own headings move one level down
 * (`#` → h2 … `######` stays h6). `data-level` keeps the written level for styling and sections.
 */
import type { Root } from 'hast';
import { eachElement, HEADING } from './util';

export function demoteHeadings(tree: Root): void {
  eachElement(tree, (node) => {
    if (!HEADING.test(node.tagName)) return;
    const level = Number(node.tagName.slice(1));
    node.properties.dataLevel = level;
    node.tagName = `h${Math.min(6, level + 1)}`;
  });
}
