import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { colourGroups, PALETTE } from '../../../renderer/src/graph/colour-groups';
import { diffVisible, nodeData, nodeSize } from '../../../renderer/src/graph/elements';
import { graphFacets } from '../../../renderer/src/graph/facets';
import { defaultSettings, inFolder, normalizeSettings, ROOT_FOLDER, underTag } from '../../../renderer/src/graph/graph-settings';
import { note, other } from './helpers';

const notes = [
  note('Podcast/a.md', { tags: ['kafka', 'data'] }),
  note('Podcast/2024/b.md', { tags: ['data'] }),
  note('Podcast/c.md', { tags: ['data'] }),
  note('People/d.md'),
  note('e.md', { tags: ['kafka'] }),
  other('tag', 'data'),
];

describe('colourGroups', () => {
  it('groups notes by top-level folder, largest first, each with its own colour', () => {
    const g = colourGroups(notes, 'folder');
    assert.deepEqual(
      g.groups.map((x) => [x.label, x.count]),
      [['Podcast', 3], ['(top level)', 1], ['People', 1]],
    );
    assert.equal(g.colorOf(notes[1]!), PALETTE[0]);
    assert.equal(g.colorOf(notes[4]!), PALETTE[1]);
    assert.equal(g.colorOf(notes[5]!), null);
  });

  it('groups by tag with the largest group winning for notes with several tags, the rest neutral', () => {
    const g = colourGroups(notes, 'tag');
    assert.deepEqual(g.groups.map((x) => [x.label, x.count]), [['#data', 3], ['#kafka', 1]]);
    assert.equal(g.colorOf(notes[0]!), PALETTE[0]);
    assert.equal(g.colorOf(notes[4]!), PALETTE[1]);
    assert.equal(g.colorOf(notes[3]!), null);
    assert.equal(g.other, 1);
  });

  it('keeps to the palette and leaves the smaller groups out', () => {
    const many = Array.from({ length: 30 }, (_, i) => note(`f${i}/n.md`));
    const g = colourGroups(many, 'folder', 4);
    assert.equal(g.groups.length, 4);
    assert.equal(g.other, 26);
    assert.equal(colourGroups(many, 'none').groups.length, 0);
  });
});

describe('graph settings', () => {
  it('turns anything stored into valid settings, clamping numbers and dropping junk', () => {
    assert.deepEqual(normalizeSettings(null), defaultSettings);
    assert.deepEqual(normalizeSettings('nonsense'), defaultSettings);
    const s = normalizeSettings({ mode: 'global', depth: 9, linkDistance: -4, repulsion: 'x', showTags: 1, folders: ['a', 2, 'a'], tags: 'x', groupBy: 'colour' });
    assert.equal(s.mode, 'global');
    assert.equal(s.depth, 3);
    assert.equal(s.linkDistance, 10);
    assert.equal(s.repulsion, defaultSettings.repulsion);
    assert.equal(s.showTags, false);
    assert.deepEqual(s.folders, ['a']);
    assert.deepEqual(s.tags, []);
    assert.equal(s.groupBy, defaultSettings.groupBy);
  });

  it('matches folders with their subfolders and tags with their nested tags', () => {
    assert.ok(inFolder('a/b', 'a'));
    assert.ok(!inFolder('ab', 'a'));
    assert.ok(inFolder('', ROOT_FOLDER));
    assert.ok(!inFolder('a', ROOT_FOLDER));
    assert.ok(underTag('proj/x', 'proj'));
    assert.ok(!underTag('project', 'proj'));
  });
});

describe('elements', () => {
  it('precomputes size, label size and colour into the node data', () => {
    const d = nodeData(notes[0]!, 9, '#123456');
    assert.equal(d.size, nodeSize(9));
    assert.ok(nodeSize(9) > nodeSize(1) && nodeSize(1) > nodeSize(0));
    assert.ok(d.font > 0);
    assert.equal(d.color, '#123456');
    assert.equal('color' in nodeData(notes[0]!, 0, null), false);
  });

  it('diffs what is drawn against what should be', () => {
    const diff = diffVisible({ nodes: new Set(['a', 'b']), edges: new Set(['ab']) }, { nodes: new Set(['b', 'c']), edges: new Set(['bc']) });
    assert.deepEqual(diff, { nodesAdded: ['c'], nodesRemoved: ['a'], edgesAdded: ['bc'], edgesRemoved: ['ab'] });
  });
});

describe('graphFacets', () => {
  it('counts notes per folder (including the folders above) and per tag', () => {
    const f = graphFacets(notes);
    assert.deepEqual(
      f.folders.map((x) => [x.key, x.count]),
      [[ROOT_FOLDER, 1], ['People', 1], ['Podcast', 3], ['Podcast/2024', 1]],
    );
    assert.deepEqual(f.tags.map((x) => [x.label, x.count]), [['#data', 3], ['#kafka', 2]]);
  });
});
