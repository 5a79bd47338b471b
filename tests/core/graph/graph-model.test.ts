import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { VaultPath } from '../../../main/core/model';
import { VaultIndex } from '../../../main/core/vault-index';
import type { IndexUpdate } from '../../../main/core/vault-index';
import { GraphModel } from '../../../renderer/src/graph/graph-model';
import { defaultSettings } from '../../../renderer/src/graph/graph-settings';
import { visibleGraph } from '../../../renderer/src/graph/visible-graph';
import { edge, graph, note, other, record } from './helpers';

const empty = { notesUpserted: [], notesRemoved: [], nodesUpserted: [], nodesRemoved: [], edgesUpserted: [], edgesRemoved: [] };

describe('GraphModel', () => {
  it('reports added, removed and changed elements when a delta is applied', () => {
    const model = new GraphModel(graph([note('a.md'), note('b.md')], [edge('a.md', 'b.md')]));
    const change = model.apply({
      ...empty,
      nodesUpserted: [note('c.md'), note('b.md', { title: 'Bee' })],
      edgesUpserted: [edge('c.md', 'a.md'), edge('a.md', 'b.md', 'link', 2)],
    });
    assert.deepEqual(change.nodesAdded, ['c.md']);
    assert.deepEqual(change.edgesAdded, ['link:c.md->a.md']);
    assert.deepEqual(change.edgesChanged, ['link:a.md->b.md']);
    // b's label changed; a gained a link, so its size changes too.
    assert.deepEqual(new Set(change.nodesChanged), new Set(['b.md', 'a.md']));
    assert.equal(model.nodes.get('b.md')!.label, 'Bee');
    assert.equal(model.edges.get('link:a.md->b.md')!.count, 2);
  });

  it('drops the edges of a removed node, both directions', () => {
    const model = new GraphModel(graph([note('a.md'), note('b.md'), note('c.md')], [edge('a.md', 'b.md'), edge('c.md', 'a.md'), edge('b.md', 'c.md')]));
    const change = model.apply({ ...empty, nodesRemoved: ['a.md'] });
    assert.deepEqual(change.nodesRemoved, ['a.md']);
    assert.deepEqual(new Set(change.edgesRemoved), new Set(['link:a.md->b.md', 'link:c.md->a.md']));
    assert.deepEqual([...model.edges.keys()], ['link:b.md->c.md']);
    assert.equal(model.edgesOf('b.md').length, 1);
    // b → c is all that is left: b has no links in.
    assert.equal(model.degree('b.md'), 0);
    assert.equal(model.degree('c.md'), 1);
  });

  it('counts links in for notes and ghosts, carriers for tags and videos, and citations for videos', () => {
    const model = new GraphModel(
      graph(
        [note('a.md', { tags: ['t'] }), note('b.md', { tags: ['t'] }), other('ghost', 'x'), other('tag', 't'), other('video', 'v')],
        [edge('a.md', 'b.md'), edge('a.md', 'ghost:x'), edge('b.md', 'ghost:x'), edge('a.md', 'tag:t', 'tag'), edge('b.md', 'tag:t', 'tag'), { ...edge('a.md', 'video:v', 'cites'), count: 5 }, { ...edge('b.md', 'video:v', 'cites'), count: 2 }],
      ),
    );
    // Links in: a has none, b one from a; links out do not size a node.
    assert.equal(model.degree('a.md'), 0);
    assert.equal(model.degree('b.md'), 1);
    assert.equal(model.degree('ghost:x'), 2);
    assert.equal(model.degree('tag:t'), 2);
    assert.equal(model.degree('video:v'), 2);
    assert.equal(model.citations('video:v'), 7);
    assert.equal(model.citations('a.md'), 0);
  });

  it('ignores removals of what it does not hold and re-applying the same delta', () => {
    const model = new GraphModel(graph([note('a.md')], []));
    const delta = { ...empty, nodesUpserted: [note('b.md')], edgesUpserted: [edge('a.md', 'b.md')], nodesRemoved: ['zzz'], edgesRemoved: ['nope'] };
    model.apply(delta);
    const again = model.apply(delta);
    assert.deepEqual(again.nodesAdded, []);
    assert.deepEqual(again.edgesAdded, []);
    assert.deepEqual(again.nodesRemoved, []);
    assert.equal(model.edges.size, 1);
  });

  const PATHS = ['A.md', 'B.md', 'dir/C.md', 'dir/D.md', 'E.md'];
  const TARGETS = ['A', 'B', 'C', 'dir/D', 'E', 'missing', 'Other missing'];
  const update: fc.Arbitrary<IndexUpdate> = fc.oneof(
    fc
      .record({ path: fc.constantFrom(...PATHS), links: fc.array(fc.constantFrom(...TARGETS), { maxLength: 4 }), tags: fc.subarray(['t1', 't2']), video: fc.option(fc.constantFrom('vid00000001', 'vid00000002'), { nil: null }) })
      .map((r): IndexUpdate => ({ kind: 'note', record: record(r.path, r) })),
    fc.constantFrom(...PATHS).map((p): IndexUpdate => ({ kind: 'remove', path: p as VaultPath })),
  );

  it("applying the core's deltas gives the same graph, degrees and visible set as loading the core's graph afresh", () => {
    fc.assert(
      fc.property(fc.array(fc.array(update, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 10 }), (batches) => {
        const index = new VaultIndex();
        const live = new GraphModel(index.graph());
        for (const batch of batches) live.apply(index.applyBatch(batch));
        const fresh = new GraphModel(index.graph());
        assert.deepEqual(new Map([...live.nodes].sort()), new Map([...fresh.nodes].sort()));
        assert.deepEqual(new Map([...live.edges].sort()), new Map([...fresh.edges].sort()));
        for (const id of fresh.nodes.keys()) assert.equal(live.degree(id), fresh.degree(id), id);
        const settings = { ...defaultSettings, mode: 'global' as const, showGhosts: true, showTags: true, showVideos: true };
        const a = visibleGraph(live, settings, null);
        const b = visibleGraph(fresh, settings, null);
        assert.deepEqual([...a.nodes].sort(), [...b.nodes].sort());
        assert.deepEqual([...a.edges].sort(), [...b.edges].sort());
      }),
      { numRuns: 150 },
    );
  });
});
