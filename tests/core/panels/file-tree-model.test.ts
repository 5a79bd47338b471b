import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NoteSummary } from '../../../main/api';
import { buildTree, rowIndex, visibleRows } from '../../../renderer/src/panels/file-tree-model';

const note = (path: string): NoteSummary => ({ path, title: path.slice(path.lastIndexOf('/') + 1, -3) }) as NoteSummary;

const notes = ['Inbox/Capture 10.md', 'Inbox/Capture 2.md', 'Areas/A/Topic.md', 'Areas/B/Topic.md', 'Areas/Overview.md', 'Home.md'].map(note);

test('rows list each open folder’s folders, then its notes, with level, position and set size', () => {
  const rows = visibleRows(buildTree(notes), new Set(['Areas', 'Areas/B', 'Inbox']));
  assert.deepEqual(
    rows.map((r) => `${r.depth} ${r.posInSet}/${r.setSize} ${r.name}${r.kind === 'folder' ? (r.expanded ? ' -' : ' +') : ''}`),
    ['1 1/3 Areas -', '2 1/3 A +', '2 2/3 B -', '3 1/1 Topic', '2 3/3 Overview', '1 2/3 Inbox -', '2 1/2 Capture 2', '2 2/2 Capture 10', '1 3/3 Home'],
  );
  assert.equal(rows.find((r) => r.path === 'Areas/B/Topic.md')?.parentId, 'd:Areas/B');
});

test('opening a folder again reuses its note rows instead of making them anew', () => {
  const tree = buildTree(notes);
  const before = visibleRows(tree, new Set(['Inbox']));
  const after = visibleRows(tree, new Set(['Inbox', 'Areas']));
  const capture = (rows: typeof before) => rows.find((r) => r.path === 'Inbox/Capture 2.md');
  assert.ok(capture(before));
  assert.equal(capture(after), capture(before));
});

test('a 100,000-note folder flattens without overflowing the stack, and rows are found by id', () => {
  const many = Array.from({ length: 100_000 }, (_, i) => note(`Big/N ${i}.md`));
  const rows = visibleRows(buildTree(many), new Set(['Big']));
  assert.equal(rows.length, 100_001);
  assert.equal(rows.at(-1)!.name, 'N 99999');
  assert.equal(rows.at(-1)!.setSize, 100_000);
  assert.equal(rowIndex(rows, 'n:Big/N 99999.md'), 100_000);
  assert.equal(rowIndex(rows, 'n:nowhere.md'), -1);
  assert.equal(rowIndex(rows, null), -1);
});

test('rebuilt on the last tree, unchanged folders keep their sorted notes and rows, and the result equals a fresh build', () => {
  const first = buildTree(notes);
  const rowsBefore = visibleRows(first, new Set(['Inbox', 'Areas', 'Areas/A']));
  const changed = [...notes.filter((n) => n.path !== 'Areas/Overview.md'), note('Areas/Another.md')];
  const again = buildTree(changed, first);
  const fresh = buildTree(changed);
  const shape = (rows: ReturnType<typeof visibleRows>) => rows.map((r) => `${r.id} ${r.name} ${r.depth} ${r.posInSet}/${r.setSize} ${r.count}`);
  const open = new Set(['Inbox', 'Areas', 'Areas/A', 'Areas/B']);
  assert.deepEqual(shape(visibleRows(again, open)), shape(visibleRows(fresh, open)));
  const inbox = (t: typeof first) => t.folders.find((f) => f.path === 'Inbox')!;
  const areas = (t: typeof first) => t.folders.find((f) => f.path === 'Areas')!;
  assert.equal(inbox(again).notes, inbox(first).notes);
  assert.notEqual(areas(again).notes, areas(first).notes);
  assert.deepEqual(areas(again).notes.map((n) => n.title), ['Another']);
  const rowsAfter = visibleRows(again, new Set(['Inbox', 'Areas', 'Areas/A']));
  const capture = (rows: typeof rowsBefore) => rows.find((r) => r.path === 'Inbox/Capture 2.md');
  assert.equal(capture(rowsAfter), capture(rowsBefore));
});

test('a title change re-sorts its folder', () => {
  const first = buildTree(notes);
  const renamed = notes.map((n) => (n.path === 'Inbox/Capture 10.md' ? { ...n, title: 'Aardvark' } : n));
  const again = buildTree(renamed, first);
  assert.deepEqual(
    again.folders.find((f) => f.path === 'Inbox')!.notes.map((n) => n.title),
    ['Aardvark', 'Capture 2'],
  );
});
