/** Small helpers over hast trees shared by the reader's transforms. */
import type { Element, ElementContent, Nodes, Parents, Root, Text } from 'hast';

export function isElement(node: Nodes | undefined, tagName?: string): node is Element {
  return node?.type === 'element' && (tagName === undefined || node.tagName === tagName);
}

export function hasClass(node: Element, name: string): boolean {
  const cls: unknown = node.properties.className;
  if (Array.isArray(cls)) return cls.includes(name);
  return typeof cls === 'string' && cls.split(/\s+/).includes(name);
}

export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

export function isBlankText(node: Nodes | undefined): boolean {
  return node?.type === 'text' && node.value.trim() === '';
}

export function text(value: string): Text {
  return { type: 'text', value };
}

export function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

/** Visits every element, parents before children; the callback may replace `parent.children[index]`. */
export function eachElement(tree: Root | Element, fn: (node: Element, parent: Parents, index: number) => void): void {
  const walk = (parent: Parents) => {
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i];
      if (child?.type !== 'element') continue;
      fn(child, parent, i);
      const current = parent.children[i];
      if (current?.type === 'element') walk(current);
    }
  };
  walk(tree);
}

export const HEADING = /^h[1-6]$/;
