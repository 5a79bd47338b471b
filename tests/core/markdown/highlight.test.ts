import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Element, Nodes, Root } from 'hast';
import { createRenderProcessor, renderNoteTree } from '../../../main/core/markdown/render';
import { createNoteParser } from '../../../main/core/markdown/pipeline';

const processor = createRenderProcessor();

function render(source: string): Root {
  return renderNoteTree(processor, source).tree;
}

/** A compact outline of the tree: tags and text, e.g. `p(mark(a) b)`. */
function shape(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') {
    if (node.tagName === 'a') return `a(${node.children.map(shape).join('')})`;
    return `${node.tagName}(${node.children.map(shape).join('')})`;
  }
  return 'children' in node ? node.children.map(shape).join('') : '';
}

function marks(tree: Nodes): Element[] {
  const out: Element[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'element' && n.tagName === 'mark') out.push(n);
    if ('children' in n) n.children.forEach(walk);
  };
  walk(tree);
  return out;
}

describe('==highlight==', () => {
  const cases: Array<[string, string]> = [
    ['==a== b', 'p(mark(a) b)'],
    ['x==a==y', 'p(xmark(a)y)'],
    ['*==a==*', 'p(em(mark(a)))'],
    ['==*a*==', 'p(mark(em(a)))'],
    ['**==bold hi==** and ==hi **bold**==', 'p(strong(mark(bold hi)) and mark(hi strong(bold)))'],
    ['==a\nb==', 'p(mark(a\nb))'],
    ['> ==quoted==', 'blockquote(\np(mark(quoted))\n)'],
    ['[==link==](x) ==[[Note]]==', 'p(a(mark(link)) mark(a(Note)))'],
  ];
  for (const [source, expected] of cases) {
    it(`draws ${JSON.stringify(source)} as ${expected}`, () => {
      assert.equal(shape(render(source)), expected);
    });
  }

  const literal: Array<[string, string]> = [
    ['\\==a==', 'escaped opener'],
    ['`==a==`', 'code span'],
    ['```\n==a==\n```', 'fenced code'],
    ['==a\n\nb==', 'across paragraphs'],
    ['=== a ===', 'three equals signs'],
    ['== a ==', 'spaces inside the markers'],
    ['a ==', 'unclosed'],
  ];
  for (const [source, why] of literal) {
    it(`leaves ${JSON.stringify(source)} alone (${why})`, () => {
      const tree = render(source);
      assert.equal(marks(tree).length, 0);
      assert.ok(shape(tree).includes('=='), 'the equals signs stay in the text');
    });
  }

  it('does not cross an emphasis boundary it did not open', () => {
    assert.equal(shape(render('==a *b== c*')), 'p(mark(a *b) c*)');
  });

  it('does not put a mark inside a mark', () => {
    assert.equal(shape(render('==a ==b== c==')), 'p(==a mark(b) c==)');
  });

  it('keeps a table cell’s escaped pipe inside a highlight', () => {
    const tree = render('| a | b |\n|---|---|\n| ==c\\|d== | e |');
    assert.deepEqual(
      marks(tree).map((m) => shape(m)),
      ['mark(c|d)'],
    );
  });

  it('handles a long paragraph of unpaired markers and many highlights in one pass', () => {
    const unpaired = 'a== '.repeat(5_000);
    assert.equal(marks(render(unpaired)).length, 0);
    const many = '==x== '.repeat(5_000);
    assert.equal(marks(render(many)).length, 5_000);
  });

  it('is render-only: the index parser sees plain text with the markers', () => {
    const tree = createNoteParser().parse('==a==');
    assert.equal(JSON.stringify(tree).includes('"highlight"'), false);
  });
});
