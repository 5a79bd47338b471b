/** Reading rendered hast trees in tests. */
import type { Element, Nodes } from 'hast';

/** Every element of `tree` that passes `test`, in document order. */
export function elementsWhere(tree: Nodes, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'element' && test(n)) out.push(n);
    if ('children' in n) n.children.forEach(walk);
  };
  walk(tree);
  return out;
}
