import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Element, Nodes, Root } from 'hast';
import { createRenderProcessor, renderNoteTree } from '../../../main/core/markdown/render';
import { markTasks } from '../../../renderer/src/reader/hast/tasks';
import { textOf } from '../../../renderer/src/reader/hast/util';

const processor = createRenderProcessor();

function render(source: string): Root {
  const tree = renderNoteTree(processor, source).tree;
  markTasks(tree);
  return tree;
}

function all(tree: Nodes, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'element' && test(n)) out.push(n);
    if ('children' in n) n.children.forEach(walk);
  };
  walk(tree);
  return out;
}

const markers = (tree: Root) => all(tree, (e) => e.properties.role === 'checkbox');

describe('task markers', () => {
  it('draws GFM and custom statuses as read-only checkboxes named by their status', () => {
    const tree = render('- [ ] a\n- [x] b\n- [/] c\n- [-] d\n- [>] e\n- [!] f\n- [?] g\n- [k] h');
    assert.deepEqual(
      markers(tree).map((m) => [m.properties.dataTask, m.properties.ariaChecked, m.properties.ariaLabel]),
      [
        [' ', 'false', 'To do'],
        ['x', 'true', 'Done'],
        ['/', 'mixed', 'In progress'],
        ['-', 'true', 'Cancelled'],
        ['>', 'true', 'Deferred'],
        ['!', 'true', 'Important'],
        ['?', 'true', 'Question'],
        ['k', 'true', 'Key'],
      ],
    );
    assert.equal(all(tree, (e) => e.tagName === 'input').length, 0, 'no native inputs left');
    // The words stay; only the bracket prefix is gone.
    assert.deepEqual(
      all(tree, (e) => e.tagName === 'li').map((li) => textOf(li).trim()),
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
    );
  });

  it('finds the status in a loose list’s paragraph', () => {
    const tree = render('- [/] first\n\n- [x] second\n');
    assert.deepEqual(
      markers(tree).map((m) => m.properties.dataTask),
      ['/', 'x'],
    );
  });

  it('leaves brackets that are not a status alone', () => {
    for (const source of ['[/] not in a list', '- [/]no space', '- a [/] later', '- `[/]` code', '- [ab] two chars']) {
      assert.equal(markers(render(source)).length, 0, source);
    }
  });
});
