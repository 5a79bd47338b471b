import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Root } from 'hast';
import { createRenderProcessor, renderNoteTree } from '../../../main/core/markdown/render';
import { markTasks } from '../../../renderer/src/reader/hast/tasks';
import { textOf } from '../../../renderer/src/reader/hast/util';
import { elementsWhere } from '../helpers/hast';

const processor = createRenderProcessor();

function render(source: string): Root {
  const tree = renderNoteTree(processor, source).tree;
  markTasks(tree);
  return tree;
}

const all = elementsWhere;

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

  it('draws a task with nothing after its marker as an empty checkbox, as Obsidian does', () => {
    // Daily-note templates: `- [ ] ` alone. GFM makes no task without text after the marker.
    const tree = render('- [ ] \n- [x]\n- [/]\n- [ ]\n  - sub\n\n---\n\n- [ ]\n\n- [x] loose\n');
    assert.deepEqual(
      markers(tree).map((m) => [m.properties.dataTask, m.properties.ariaLabel]),
      [
        [' ', 'To do'],
        ['x', 'Done'],
        ['/', 'In progress'],
        [' ', 'To do'],
        [' ', 'To do'],
        ['x', 'Done'],
      ],
    );
    assert.ok(!textOf(tree).includes('['), 'no bracket text left');
    assert.equal(markers(render('- [ ] [ ]')).length, 1, 'only the leading marker');
  });

  it('leaves brackets that are not a status alone', () => {
    for (const source of [
      '[/] not in a list',
      '- [/]no space',
      '- a [/] later',
      '- `[/]` code',
      '- [ab] two chars',
      '- [ ]**bold**',
      '- [] empty',
      'a [ ]',
    ]) {
      assert.equal(markers(render(source)).length, 0, source);
    }
  });
});
