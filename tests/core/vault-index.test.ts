import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { VaultPath } from '../../main/core/model';
import { VaultIndex, type IndexUpdate } from '../../main/core/vault-index';
import { assertReplayEqualsFreshBuild, record } from './helpers/index-records';

const PATHS = ['A.md', 'B.md', 'dir/A.md', 'dir/C.md', 'other/D.md', 'img.png', 'dir/E.md'] as const;
const TARGETS = ['A', 'B', 'C', 'dir/A', 'D', 'img.png', 'Alias One', 'ghost', 'Ghost', 'e', 'c_note', ''];

const linkArb = fc.record({ target: fc.constantFrom(...TARGETS), subpath: fc.option(fc.constantFrom('H1', 'h2', '^b', 'H1#h2', 'nope'), { nil: null }), embed: fc.boolean() });
const updateArb: fc.Arbitrary<IndexUpdate> = fc.oneof(
  fc.record({
    path: fc.constantFrom(...PATHS.filter((p) => p.endsWith('.md'))),
    title: fc.option(fc.constantFrom('C note', 'Alias One', 'Title X'), { nil: undefined }),
    aliases: fc.subarray(['Alias One', 'ghost', 'B']),
    links: fc.array(linkArb, { maxLength: 5 }),
    tags: fc.subarray(['t1', 't2', 'nested/t']),
    video: fc.option(fc.constantFrom('vid00000001', 'vid00000002'), { nil: null }),
    headings: fc.subarray(['H1', 'h2']),
  }).map((r): IndexUpdate => ({ kind: 'note', record: record(r.path, r) })),
  fc.constant<IndexUpdate>({ kind: 'file', path: 'img.png' as VaultPath }),
  fc.constantFrom(...PATHS).map((p): IndexUpdate => ({ kind: 'remove', path: p as VaultPath })),
);

describe('VaultIndex', () => {
  it('equals a fresh build after any sequence of batches, and its deltas rebuild the same graph', () => {
    fc.assert(
      fc.property(fc.array(fc.array(updateArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }), (batches) => {
        assertReplayEqualsFreshBuild(batches);
      }),
      { numRuns: 400, seed: 20261123 },
    );
  });

  it('picks up a link to a not-yet-written note when the note is created', () => {
    const index = VaultIndex.build([{ kind: 'note', record: record('A.md', { links: [{ target: 'Later' }] }) }]);
    assert.deepEqual([...index.unresolved()], [['Later', ['A.md']]]);
    assert.ok(index.graph().nodes.some((n) => n.id === 'ghost:later'));
    const delta = index.applyBatch([{ kind: 'note', record: record('notes/Later.md') }]);
    assert.equal(index.links('A.md' as VaultPath)[0]!.path, 'notes/Later.md');
    assert.deepEqual([...index.unresolved()], []);
    assert.ok(delta.nodesRemoved.includes('ghost:later'));
    assert.ok(delta.edgesUpserted.some((e) => e.source === 'A.md' && e.target === 'notes/Later.md'));
  });

  it('marks a heading link as missing when the heading is renamed, and found again when it comes back', () => {
    const index = VaultIndex.build([
      { kind: 'note', record: record('A.md', { links: [{ target: 'B', subpath: 'Intro' }] }) },
      { kind: 'note', record: record('B.md', { headings: ['Intro'] }) },
    ]);
    assert.equal(index.links('A.md' as VaultPath)[0]!.subpathFound, true);
    index.applyBatch([{ kind: 'note', record: record('B.md', { headings: ['Overview'] }) }]);
    assert.equal(index.links('A.md' as VaultPath)[0]!.subpathFound, false);
    assert.equal(index.stats().subpathMisses, 1);
  });

  it('counts links, embeds and resolution so that resolved + unresolved = links + embeds', () => {
    const index = VaultIndex.build([
      { kind: 'note', record: record('A.md', { links: [{ target: 'B' }, { target: 'B', embed: true }, { target: 'nowhere' }, { target: 'img.png', embed: true }] }) },
      { kind: 'note', record: record('B.md') },
      { kind: 'file', path: 'img.png' as VaultPath },
    ]);
    const s = index.stats();
    assert.deepEqual([s.links, s.embeds, s.resolved, s.unresolved], [2, 2, 3, 1]);
    assert.equal(s.notes, 2);
    assert.equal(s.files, 3);
  });
});
