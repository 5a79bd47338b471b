/** Reading rendered hast trees in tests. */
import type { Element, Nodes } from 'hast';
/** Every element of `tree` that passes `test`, in document order. */
export declare function elementsWhere(tree: Nodes, test: (e: Element) => boolean): Element[];
