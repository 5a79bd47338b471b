/**
 * Which sanitized hast elements the reader draws with a lazily loaded library instead of as code:
 * math (the hast remark-math and our `$`/`$$` parser produce, plus fenced ```` ```math ````) and
 * ```` ```mermaid ```` diagrams. Pure, so the choice is unit-tested without a browser.
 */
import type { Element } from 'hast';
import { hasClass, isElement, textOf } from './hast/util';

export interface MathSource {
  tex: string;
  display: boolean;
}

/** `<code class="language-math math-inline">`: inline math. */
export function inlineMathOf(code: Element): MathSource | null {
  if (code.tagName !== 'code' || !hasClass(code, 'math-inline')) return null;
  return { tex: textOf(code), display: false };
}

function codeChild(pre: Element): Element | null {
  if (pre.tagName !== 'pre') return null;
  const kids = pre.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = kids.length === 1 ? kids[0] : undefined;
  return isElement(only, 'code') ? only : null;
}

/** `<pre><code class="language-math …">`: display math, from `$$…$$` or a ```` ```math ```` fence. */
export function displayMathOf(pre: Element): MathSource | null {
  const code = codeChild(pre);
  if (!code || !hasClass(code, 'language-math') || hasClass(code, 'math-inline')) return null;
  return { tex: textOf(code).replace(/\n$/, ''), display: true };
}

/** `<pre><code class="language-mermaid">`: a diagram's source. */
export function diagramOf(pre: Element): string | null {
  const code = codeChild(pre);
  if (!code || !hasClass(code, 'language-mermaid')) return null;
  return textOf(code);
}
