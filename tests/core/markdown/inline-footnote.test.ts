import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Nodes, Root } from 'hast';
import { createRenderProcessor, renderNoteTree } from '../../../main/core/markdown/render';
import { createNoteParser } from '../../../main/core/markdown/pipeline';
import { elementsWhere } from '../helpers/hast';

const processor = createRenderProcessor();

function render(source: string): Root {
  return renderNoteTree(processor, source).tree;
}

const all = elementsWhere;

function text(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(text).join('') : '';
}

const refs = (tree: Root) => all(tree, (e) => e.tagName === 'a' && 'dataFootnoteRef' in e.properties);
const notes = (tree: Root) => all(tree, (e) => e.tagName === 'li' && String(e.properties.id).includes('fn-'));

describe('inline footnotes ^[…]', () => {
  it('become numbered references and footnotes like GFM ones, in reading order, with back-links', () => {
    const tree = render('A^[first *inline*] b[^g] and ^[second [link](https://x.example)].\n\n[^g]: a GFM one');
    assert.deepEqual(
      refs(tree).map((r) => text(r)),
      ['1', '2', '3'],
    );
    assert.deepEqual(
      notes(tree).map((li) => text(li).replace('↩', '').trim()),
      ['first inline', 'a GFM one', 'second link'],
    );
    assert.equal(all(notes(tree)[0]!, (e) => e.tagName === 'em').length, 1, 'markdown inside is parsed');
    assert.equal(all(tree, (e) => 'dataFootnoteBackref' in e.properties).length, 3);
    for (const [i, ref] of refs(tree).entries()) {
      const id = String(ref.properties.href).slice(1);
      assert.ok(String(notes(tree)[i]!.properties.id).endsWith(id), `reference ${i + 1} points at its footnote`);
    }
  });

  it('keeps balanced brackets inside and stops at the matching one', () => {
    const tree = render('x^[see [a] and [b](c)] after');
    assert.equal(text(notes(tree)[0]!).replace('↩', '').trim(), 'see [a] and b');
    assert.ok(text(tree).includes('after'));
  });

  it('leaves code, escapes, empty and unclosed ones as text', () => {
    const tree = render('`^[code]` \\^[esc] ^[] ^[open\n\n```\n^[fenced]\n```');
    assert.equal(refs(tree).length, 0);
    assert.ok(text(tree).includes('^[code]') && text(tree).includes('^[open') && text(tree).includes('^[fenced]'));
  });

  it('does not take an identifier a [^label] already uses', () => {
    const tree = render('a^[inline] b[^inline-1]\n\n[^inline-1]: labelled');
    assert.deepEqual(
      notes(tree).map((li) => text(li).replace('↩', '').trim()),
      ['inline', 'labelled'],
    );
  });

  it('renders a cycle of footnotes once each', () => {
    const tree = render('loop[^a]\n\n[^a]: see[^b]\n[^b]: back[^a]');
    assert.deepEqual(
      notes(tree).map((li) => text(li).replace(/↩\d*/g, '').replace(/\d/g, '').trim()),
      ['see', 'back'],
    );
  });

  it('stays linear on a line of unclosed openers', () => {
    const tree = render('^['.repeat(20_000));
    assert.equal(refs(tree).length, 0);
  });

  it('is render-only: the index parser leaves the text alone', () => {
    assert.equal(JSON.stringify(createNoteParser().parse('a^[b]')).includes('inlineFootnote'), false);
  });
});
