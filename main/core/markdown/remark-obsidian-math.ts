/**
 * remark plugin: Obsidian's `$inline$`, `$$display$$` and `$$` blocks (RULES.md "Math"), recognised by the
 * tokenizer (`micromark-obsidian-math.ts`), as the mdast nodes mdast-util-math makes, so remark-rehype
 * yields what KaTeX renderers expect:
 * - `$x$` → `inlineMath` → `<code class="language-math math-inline">x</code>`;
 * - `$$x$$` inside a paragraph → `inlineMath` → `<code class="language-math math-display">x</code>`
 *   (Obsidian shows it as display math; it stays phrasing so the paragraph stays valid HTML);
 * - a `$$` block → `math` → `<pre><code class="language-math math-display">x</code></pre>`.
 * `value` is the TeX source between the markers. Nothing inside math is a link, tag or timestamp.
 */
import type { ElementContent } from 'hast';
import type { InlineMath, Math } from 'mdast-util-math';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
// For unified's `micromarkExtensions` / `fromMarkdownExtensions` data keys.
import type {} from 'remark-parse';
import type { Processor } from 'unified';
import { obsidianMathSyntax } from './micromark-obsidian-math';

export default function remarkObsidianMath(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(obsidianMathSyntax());
  (data.fromMarkdownExtensions ??= []).push(mathFromMarkdown());
}

function mathFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      dollarMathText(this: CompileContext, token: Token) {
        const node: InlineMath = {
          type: 'inlineMath',
          value: '',
          data: { hName: 'code', hProperties: { className: ['language-math', 'math-inline'] }, hChildren: [] },
        };
        this.enter(node, token);
      },
      dollarMathFlow(this: CompileContext, token: Token) {
        const node: Math = { type: 'math', meta: null, value: '', data: { hName: 'pre', hChildren: [] } };
        this.enter(node, token);
      },
    },
    exit: {
      dollarMathText(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1];
        this.exit(token);
        if (node?.type !== 'inlineMath') return;
        const raw = this.sliceSerialize(token);
        const display = raw.startsWith('$$');
        node.value = display ? raw.slice(2, -2) : raw.slice(1, -1);
        node.data = {
          hName: 'code',
          hProperties: { className: ['language-math', display ? 'math-display' : 'math-inline'] },
          hChildren: [{ type: 'text', value: node.value }],
        };
      },
      dollarMathFlow(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1];
        this.exit(token);
        if (node?.type !== 'math') return;
        node.value = blockValue(this.sliceSerialize(token));
        const code: ElementContent = {
          type: 'element',
          tagName: 'code',
          properties: { className: ['language-math', 'math-display'] },
          children: [{ type: 'text', value: node.value }],
        };
        node.data = { hName: 'pre', hChildren: [code] };
      },
    },
  };
}

/** The TeX between a block's `$$` markers (the closing line's rest dropped), without the line endings next to them. */
function blockValue(raw: string): string {
  let inner = raw.slice(2);
  const close = inner.indexOf('$$');
  if (close >= 0) inner = inner.slice(0, close);
  return inner.replace(/^[ \t]*(?:\r\n?|\n)/, '').replace(/(?:\r\n?|\n)[ \t]*$/, '');
}
