/**
 * Footnote ids scoped to one rendered body. Every note's footnotes are numbered from 1, so a note
 * and a note it embeds (or a hover preview of one) would both hold `user-content-fn-1`: two
 * elements with one id, and a reference in the embedded note that finds, shows and scrolls to the
 * host's footnote. Each embedded or previewed body rewrites the ids the sanitizer made
 * (`user-content-…`) and the `#…` links and `aria-describedby` that point at them to carry its own
 * scope (`user-content-user-content-<scope>-fn-1`). Returns a copy: the tree is a cached, shared one.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

const PREFIXED = /^((?:user-content-)+)/;

function scoped(value: string, scope: string): string {
  return PREFIXED.test(value) ? value.replace(PREFIXED, `$1${scope}-`) : value;
}

function copy<T extends RootContent | ElementContent>(node: T, scope: string): T {
  if (node.type !== 'element') return node;
  const el: Element = node;
  const properties: Element['properties'] = { ...el.properties };
  if (typeof properties.id === 'string') properties.id = scoped(properties.id, scope);
  if (typeof properties.href === 'string' && properties.href.startsWith('#'))
    properties.href = '#' + scoped(properties.href.slice(1), scope);
  const described: unknown = properties.ariaDescribedBy;
  if (Array.isArray(described) || typeof described === 'string')
    properties.ariaDescribedBy = ([] as unknown[]).concat(described).map((v) => scoped(String(v), scope));
  return { ...el, properties, children: el.children.map((c) => copy(c, scope)) } as T;
}

export function scopeFootnoteIds(tree: Root, scope: string): Root {
  return { ...tree, children: tree.children.map((c) => copy(c, scope)) };
}
