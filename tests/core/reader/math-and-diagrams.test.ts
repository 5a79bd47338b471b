import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import katex from 'katex';
import type { Element, Nodes, Root } from 'hast';
import { createRenderProcessor, renderNoteTree } from '../../../main/core/markdown/render';
import { diagramOf, displayMathOf, inlineMathOf } from '../../../renderer/src/reader/special-blocks';
import { MAX_TEX_LENGTH, renderTex } from '../../../renderer/src/reader/tex';

const processor = createRenderProcessor();

function elements(tree: Nodes, tag: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'element' && n.tagName === tag) out.push(n);
    if ('children' in n) n.children.forEach(walk);
  };
  walk(tree);
  return out;
}

function render(source: string): Root {
  return renderNoteTree(processor, source).tree;
}

describe('what the reader draws with KaTeX or mermaid', () => {
  it('takes a ```math fence as display math, keeping its TeX', () => {
    const [pre] = elements(render('```math\n\\frac{a}{b}\n```'), 'pre');
    assert.deepEqual(displayMathOf(pre!), { tex: '\\frac{a}{b}', display: true });
    assert.equal(diagramOf(pre!), null);
  });

  it('lets remark-math’s inline and display classes through the sanitizer and recognises them', () => {
    const tree = render(
      'Inline <code class="language-math math-inline">x^2</code>.\n\n<pre><code class="language-math math-display">\\sum_i x_i</code></pre>',
    );
    const codes = elements(tree, 'code');
    assert.deepEqual(
      codes.map((c) => c.properties.className),
      [
        ['language-math', 'math-inline'],
        ['language-math', 'math-display'],
      ],
    );
    assert.deepEqual(inlineMathOf(codes[0]!), { tex: 'x^2', display: false });
    const [pre] = elements(tree, 'pre');
    assert.deepEqual(displayMathOf(pre!), { tex: '\\sum_i x_i', display: true });
  });

  it('does not take ordinary code or a code span for math', () => {
    const tree = render('`x^2` and\n\n```js\nlet x = 1;\n```');
    assert.equal(inlineMathOf(elements(tree, 'code')[0]!), null);
    assert.equal(displayMathOf(elements(tree, 'pre')[0]!), null);
    assert.equal(diagramOf(elements(tree, 'pre')[0]!), null);
  });

  it('takes a ```mermaid fence as a diagram source', () => {
    const [pre] = elements(render('```mermaid\ngraph TD\n  A --> B\n```'), 'pre');
    assert.equal(diagramOf(pre!), 'graph TD\n  A --> B\n');
    assert.equal(displayMathOf(pre!), null);
  });
});

describe('renderTex', () => {
  it('typesets TeX as KaTeX markup with MathML for screen readers', () => {
    const result = renderTex(katex, 'E = mc^2', false);
    assert.ok(result.ok);
    assert.match(result.html, /class="katex"/);
    assert.match(result.html, /<math/);
  });

  it('returns KaTeX’s message for bad TeX instead of throwing', () => {
    const result = renderTex(katex, '\\frac{a}{', true);
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.message : '', /KaTeX parse error/);
  });

  it('makes no links or classes from untrusted commands', () => {
    const result = renderTex(
      katex,
      '\\href{javascript:alert(1)}{x} \\url{https://evil.example} \\htmlClass{x}{y}',
      false,
    );
    const html = result.ok ? result.html : '';
    assert.ok(html.includes('class="katex"'), 'the rest still typesets');
    assert.ok(!html.includes('href='), 'no link');
    assert.ok(!/<a[\s>]/.test(html), 'no anchor element');
    assert.ok(!/class="[^"]*\bx\b/.test(html), 'no class chosen by the note');
  });

  it('stops runaway macro expansion with a message', () => {
    const result = renderTex(katex, '\\def\\a{\\a\\a}\\a', false);
    assert.equal(result.ok, false);
  });

  it('shows overlong TeX as source', () => {
    const result = renderTex(katex, 'x+'.repeat(MAX_TEX_LENGTH), false);
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.message : '', /Too long/);
  });
});
