/**
 * Obsidian block ids: `text ^my-id` names the paragraph or list item it ends, and a paragraph that
 * is only `^my-id` names the block above it. The marker is hidden from the reading view and the
 * element gets `data-block-id`, which block links and block embeds look for.
 */
import type { Element, ElementContent, Parents, Root } from 'hast';
import { eachElement, isBlankText, isElement } from './util';

const TRAILING_ID = /(^|\s)\^([A-Za-z0-9-]+)\s*$/;
const ONLY_ID = /^\s*\^([A-Za-z0-9-]+)\s*$/;

export function extractBlockIds(tree: Root): void {
  const lonely: { parent: Parents; node: Element; id: string }[] = [];
  eachElement(tree, (node, parent) => {
    if (node.tagName !== 'p' && node.tagName !== 'li') return;
    const only =
      node.tagName === 'p' && node.children.length === 1 && node.children[0]?.type === 'text'
        ? ONLY_ID.exec(node.children[0].value)
        : null;
    if (only?.[1]) {
      lonely.push({ parent, node, id: only[1] });
      return;
    }
    const last = lastOwnText(node);
    if (!last) return;
    const m = TRAILING_ID.exec(last.value);
    if (!m?.[2]) return;
    last.value = last.value.slice(0, m.index + (m[1] ?? '').length).trimEnd();
    node.properties.dataBlockId = m[2];
  });
  for (const { parent, node, id } of lonely) {
    const index = parent.children.indexOf(node);
    let prev = index - 1;
    while (prev >= 0 && isBlankText(parent.children[prev])) prev--;
    const target = parent.children[prev];
    if (isElement(target)) {
      target.properties.dataBlockId = id;
      parent.children.splice(index, 1);
    } else {
      node.properties.dataBlockId = id;
      node.children = [];
    }
  }
}

/** The last text node of an element's own line: for a list item, before any nested list. */
function lastOwnText(node: Element): { value: string } | null {
  let children: ElementContent[] = node.children;
  if (node.tagName === 'li') {
    const nested = children.findIndex((c) => isElement(c, 'ul') || isElement(c, 'ol'));
    if (nested !== -1) children = children.slice(0, nested);
    // A loose item wraps its text in a paragraph, which is handled as a paragraph already.
    if (children.some((c) => isElement(c, 'p'))) return null;
  }
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i];
    if (!child) continue;
    if (child.type === 'text') {
      if (child.value.trim() === '') continue;
      return child;
    }
    return null;
  }
  return null;
}
