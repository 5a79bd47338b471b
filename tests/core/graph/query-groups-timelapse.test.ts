import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VaultPath } from '../../../main/core/model';
import { GraphModel } from '../../../renderer/src/graph/graph-model';
import { defaultSettings, normalizeSettings } from '../../../renderer/src/graph/graph-settings';
import { presetGroups, queryGrouping } from '../../../renderer/src/graph/query-grouping';
import { revealOnly, revealSteps, stepInterval } from '../../../renderer/src/graph/timelapse';
import { visibleGraph } from '../../../renderer/src/graph/visible-graph';
import { edge, graph, note, other } from './helpers';

const notes = [note('Data stack/a.md', { tags: ['kafka'] }), note('Data stack/b.md'), note('People/c.md', { tags: ['kafka'] }), note('d.md'), other('tag', 'kafka')];

describe('queryGrouping', () => {
  it('colours each note by the group the host matched it to, counting the rest as other', () => {
    const groups = [
      { query: 'tag:kafka', color: '#ff0000' },
      { query: 'path:Data', color: '#0000ff' },
    ];
    const g = queryGrouping(groups, { paths: ['Data stack/a.md', 'People/c.md', 'Data stack/b.md'] as VaultPath[], groups: [0, 0, 1], errors: [null, null], indexing: false }, notes);
    assert.equal(g.colorOf(notes[0]!), '#ff0000');
    assert.equal(g.colorOf(notes[1]!), '#0000ff');
    assert.equal(g.colorOf(notes[3]!), null);
    assert.equal(g.colorOf(notes[4]!), null);
    assert.deepEqual(g.groups.map((x) => [x.label, x.count]), [['tag:kafka', 2], ['path:Data', 1]]);
    assert.equal(g.other, 1);
  });
});

describe('presetGroups', () => {
  it('turns the automatic colouring into query groups, quoting values with spaces', () => {
    assert.deepEqual(presetGroups(notes, 'folder').map((g) => g.query), ['path:"Data stack/"', 'path:People/']);
    assert.deepEqual(presetGroups(notes, 'tag').map((g) => g.query), ['tag:#kafka']);
  });
});

describe('graph settings: groups', () => {
  it('keeps valid groups in order and repairs or drops damaged ones', () => {
    const s = normalizeSettings({ groups: [{ query: 'tag:a', color: '#AABBCC' }, { query: 'x', color: 'red' }, { color: '#000000' }, 'junk'], lightSearch: false });
    assert.deepEqual(s.groups, [
      { query: 'tag:a', color: '#aabbcc' },
      { query: 'x', color: '#888888' },
    ]);
    assert.equal(s.lightSearch, false);
    assert.deepEqual(normalizeSettings(null).groups, []);
    assert.equal(normalizeSettings(null).lightSearch, true);
  });
});

describe('time-lapse', () => {
  it('reveals every note in about the same number of steps whatever the vault size', () => {
    assert.deepEqual(revealSteps(3), [1, 2, 3]);
    const big = revealSteps(10_000);
    assert.equal(big.length, 60);
    assert.equal(big.at(-1), 10_000);
    assert.ok(big.every((n, i) => i === 0 || n > big[i - 1]!));
    assert.deepEqual(revealSteps(0), [0]);
    // A big vault plays in ~15 s; a small one a note a second.
    assert.equal(stepInterval(60) * 60, 15_000);
    assert.equal(stepInterval(7), 1000);
  });

  it('draws only the notes shown so far, with what hangs on them and the links between them', () => {
    const model = new GraphModel(graph([note('a.md', { tags: ['t'] }), note('b.md'), note('c.md'), other('tag', 't')], [edge('a.md', 'b.md'), edge('b.md', 'c.md'), edge('a.md', 'tag:t', 'tag')]));
    const all = visibleGraph(model, { ...defaultSettings, mode: 'global', showTags: true }, null);
    const one = revealOnly(model, all, new Set(['b.md']));
    assert.deepEqual([...one.nodes].sort(), ['b.md']);
    const two = revealOnly(model, all, new Set(['a.md', 'b.md']));
    assert.deepEqual([...two.nodes].sort(), ['a.md', 'b.md', 'tag:t']);
    assert.deepEqual([...two.edges].sort(), ['link:a.md->b.md', 'tag:a.md->tag:t']);
    assert.deepEqual(two.counts, { notes: 2, links: 2, ghosts: 0, tags: 1, videos: 0 });
  });
});
