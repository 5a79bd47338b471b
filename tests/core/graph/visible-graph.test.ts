import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphModel } from '../../../renderer/src/graph/graph-model';
import type { GraphSettings } from '../../../renderer/src/graph/graph-settings';
import { defaultSettings, ROOT_FOLDER } from '../../../renderer/src/graph/graph-settings';
import { localNeighbourhood, statusText, visibleGraph } from '../../../renderer/src/graph/visible-graph';
import { edge, graph, note, other } from './helpers';

// a → b → c → d in a chain, e alone, b also links to a missing note; tags and a video hang off.
const model = new GraphModel(
  graph(
    [
      note('a.md', { tags: ['proj'] }),
      note('dir/b.md', { tags: ['proj/sub'] }),
      note('dir/c.md', { title: 'Kafka streams' }),
      note('other/d.md'),
      note('e.md'),
      other('ghost', 'missing'),
      other('tag', 'proj'),
      other('tag', 'proj/sub'),
      other('video', 'v1'),
    ],
    [
      edge('a.md', 'dir/b.md'),
      edge('dir/b.md', 'dir/c.md'),
      edge('dir/c.md', 'other/d.md'),
      edge('dir/b.md', 'ghost:missing'),
      edge('a.md', 'tag:proj', 'tag'),
      edge('dir/b.md', 'tag:proj/sub', 'tag'),
      edge('dir/c.md', 'video:v1', 'cites'),
    ],
  ),
);

const global: GraphSettings = { ...defaultSettings, mode: 'global' };
const ids = (set: Set<string>) => [...set].sort();

describe('visibleGraph', () => {
  it('shows every note and link of the vault in the global graph, other kinds off by default', () => {
    const v = visibleGraph(model, global, null);
    assert.deepEqual(ids(v.nodes), ['a.md', 'dir/b.md', 'dir/c.md', 'e.md', 'other/d.md']);
    assert.equal(v.counts.links, 3);
    assert.equal(statusText(v.counts), '5 notes · 3 links');
  });

  it('adds ghosts, tags and videos with their edges when toggled on, and says so in the status', () => {
    const v = visibleGraph(model, { ...global, showGhosts: true, showTags: true, showVideos: true }, null);
    assert.equal(v.nodes.size, 9);
    assert.equal(v.counts.links, 7);
    assert.equal(statusText(v.counts), '5 notes · 7 links · 1 unresolved · 2 tags · 1 videos');
    assert.equal(visibleGraph(model, { ...global, showGhosts: true }, null).counts.links, 4);
    assert.equal(visibleGraph(model, { ...global, showTags: true }, null).counts.links, 5);
  });

  it('hides notes without a shown link when orphans are off', () => {
    const v = visibleGraph(model, { ...global, showOrphans: false }, null);
    assert.equal(v.nodes.has('e.md'), false);
    assert.equal(v.counts.notes, 4);
  });

  it('filters the open note like any other in the global graph', () => {
    const v = visibleGraph(model, { ...global, text: 'kafka' }, 'a.md');
    assert.deepEqual(ids(v.nodes), ['dir/c.md']);
    assert.equal(v.centre, null);
  });

  it('filters by title or path text, every word having to match', () => {
    assert.deepEqual(ids(visibleGraph(model, { ...global, text: 'kafka' }, null).nodes), ['dir/c.md']);
    assert.deepEqual(ids(visibleGraph(model, { ...global, text: 'DIR' }, null).nodes), ['dir/b.md', 'dir/c.md']);
    assert.deepEqual(ids(visibleGraph(model, { ...global, text: 'dir streams' }, null).nodes), ['dir/c.md']);
    const v = visibleGraph(model, { ...global, text: 'dir' }, null);
    assert.equal(v.counts.links, 1);
  });

  it('filters by folder (subfolders included, and the top level on its own) and by tag (nested tags included)', () => {
    assert.deepEqual(ids(visibleGraph(model, { ...global, folders: ['dir'] }, null).nodes), ['dir/b.md', 'dir/c.md']);
    assert.deepEqual(ids(visibleGraph(model, { ...global, folders: [ROOT_FOLDER] }, null).nodes), ['a.md', 'e.md']);
    assert.deepEqual(ids(visibleGraph(model, { ...global, folders: ['di'] }, null).nodes), []);
    assert.deepEqual(ids(visibleGraph(model, { ...global, tags: ['proj'] }, null).nodes), ['a.md', 'dir/b.md']);
    assert.deepEqual(ids(visibleGraph(model, { ...global, tags: ['proj/sub'] }, null).nodes), ['dir/b.md']);
  });

  it('keeps a tag or ghost only while a note it hangs on is shown', () => {
    const v = visibleGraph(model, { ...global, showTags: true, showGhosts: true, folders: [ROOT_FOLDER] }, null);
    assert.deepEqual(ids(v.nodes), ['a.md', 'e.md', 'tag:proj']);
  });

  it('shows the open note and its neighbours, in both directions, to the chosen depth', () => {
    const local: GraphSettings = { ...defaultSettings, mode: 'local' };
    assert.deepEqual(ids(visibleGraph(model, { ...local, depth: 1 }, 'dir/c.md').nodes), ['dir/b.md', 'dir/c.md', 'other/d.md']);
    assert.deepEqual(ids(visibleGraph(model, { ...local, depth: 2 }, 'dir/c.md').nodes), ['a.md', 'dir/b.md', 'dir/c.md', 'other/d.md']);
    assert.deepEqual(ids(visibleGraph(model, { ...local, depth: 3 }, 'other/d.md').nodes), ['a.md', 'dir/b.md', 'dir/c.md', 'other/d.md']);
    const v = visibleGraph(model, { ...local, depth: 1 }, 'dir/c.md');
    assert.equal(v.centre, 'dir/c.md');
    assert.equal(statusText(v.counts), '3 notes · 2 links');
  });

  it('walks through ghosts when shown but never through tags, which only hang off the notes found', () => {
    const s = { showGhosts: true, showTags: true, showVideos: false };
    assert.deepEqual(ids(localNeighbourhood(model, 'a.md', 1, s)), ['a.md', 'dir/b.md', 'tag:proj', 'tag:proj/sub']);
    assert.deepEqual(ids(localNeighbourhood(model, 'a.md', 2, { ...s, showTags: false })), ['a.md', 'dir/b.md', 'dir/c.md', 'ghost:missing']);
  });

  it('keeps the open note in its local graph whatever the filters, and shows nothing without one', () => {
    const local: GraphSettings = { ...defaultSettings, mode: 'local', showOrphans: false, text: 'zzz' };
    assert.deepEqual(ids(visibleGraph(model, local, 'e.md').nodes), ['e.md']);
    assert.equal(visibleGraph(model, { ...local, text: '' }, null).nodes.size, 0);
    assert.equal(visibleGraph(model, { ...local, text: '' }, 'no-such.md').nodes.size, 0);
  });
});
