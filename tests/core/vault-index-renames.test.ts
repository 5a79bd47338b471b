import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { VaultPath } from '../../main/core/model';
import { VaultIndex, type IndexUpdate } from '../../main/core/vault-index';
import { assertReplayEqualsFreshBuild, record, type LinkSpec } from './helpers/index-records';

// A few notes many others link to, under names that collide: same name in several folders, case-only variants, aliases and titles.
const HUBS = ['Hub.md', 'hub.md', 'dir/Hub.md', 'dir/sub/Hub.md', 'Hub (moved).md', 'other/Centre.md', 'dir/Other.md', 'dir.md'] as const;
const LINKERS = ['n/a.md', 'n/b.md', 'dir/c.md', 'dir/sub/d.md', 'e.md', 'dir/f.md', 'other/g.md'] as const;
const FILES = ['Hub.png', 'dir/Hub.pdf'] as const;
/** A path that is sometimes a note and sometimes another file, as the index's API allows. */
const SHAPESHIFTER = 'dir/sub/Hub.md';
const WIKI_TARGETS = ['Hub', 'hub', 'HUB', 'dir/Hub', 'sub/Hub', 'dir/sub/Hub', 'Hub (moved)', 'hub-moved', 'Centre', 'Other', 'H Alias', 'h alias', 'Hub.png', 'Hub.md', './Hub', '../Hub', '', 'dir/', './..'];
// Targets whose last segment names no file (`..`, a trailing `/`) resolve through the linking note's folder.
const MARKDOWN_TARGETS = ['Hub.md', '../Hub.md', 'sub/Hub.md', 'Hub (moved).md', 'dir/Hub.pdf', '../dir/Hub.md', '..', 'sub/..', 'Hub/', '../Hub/.', 'sub\\Hub.md'];

const linkArb: fc.Arbitrary<LinkSpec> = fc.oneof(
  fc.record({ target: fc.constantFrom(...WIKI_TARGETS), subpath: fc.option(fc.constantFrom('Top', 'second', '^b'), { nil: null }), embed: fc.boolean() }),
  fc.record({ target: fc.constantFrom(...MARKDOWN_TARGETS), kind: fc.constant<'markdown'>('markdown') }),
);
const hubSpec = fc.record({
  title: fc.option(fc.constantFrom('Centre', 'Hub moved', 'H Alias'), { nil: undefined }),
  aliases: fc.subarray(['H Alias', 'Other', 'Hub', 'hub moved']),
  headings: fc.subarray(['Top', 'Second']),
  links: fc.array(linkArb, { maxLength: 3 }),
  tags: fc.subarray(['t1']),
});
const linkerSpec = fc.record({ links: fc.array(linkArb, { minLength: 1, maxLength: 8 }), tags: fc.subarray(['t1', 't2']) });

const path = <T extends string>(paths: readonly T[]) => fc.constantFrom(...paths).map((p) => p as string as VaultPath);
/** One change as a batch sees it: a move is a remove and a note at the new path, with the same or an edited record. */
const opArb: fc.Arbitrary<IndexUpdate[]> = fc.oneof(
  fc.record({ from: path(HUBS), to: path(HUBS), spec: hubSpec }).map(({ from, to, spec }): IndexUpdate[] => [{ kind: 'remove', path: from }, { kind: 'note', record: record(to, spec) }]),
  fc.record({ at: path(HUBS), spec: hubSpec }).map(({ at, spec }): IndexUpdate[] => [{ kind: 'note', record: record(at, spec) }]),
  fc.record({ at: path(LINKERS), spec: linkerSpec }).map(({ at, spec }): IndexUpdate[] => [{ kind: 'note', record: record(at, spec) }]),
  path([...HUBS, ...LINKERS, ...FILES]).map((p): IndexUpdate[] => [{ kind: 'remove', path: p }]),
  path([...FILES, SHAPESHIFTER]).map((p): IndexUpdate[] => [{ kind: 'file', path: p }]),
);
const startArb = fc.tuple(fc.array(linkerSpec, { minLength: LINKERS.length, maxLength: LINKERS.length }), fc.subarray([...HUBS], { minLength: 1 }), hubSpec).map(([linkers, hubs, spec]): IndexUpdate[] => [
  ...linkers.map((s, i): IndexUpdate => ({ kind: 'note', record: record(LINKERS[i]!, s) })),
  ...hubs.map((p): IndexUpdate => ({ kind: 'note', record: record(p, spec) })),
  { kind: 'file', path: 'Hub.png' as VaultPath },
]);

describe('VaultIndex, names that many notes link to', () => {
  it('equals a fresh build after moves, case-only renames, alias and title changes of linked notes, and files that stop being notes', () => {
    fc.assert(
      fc.property(startArb, fc.array(fc.array(opArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 10 }), (start, batches) => {
        assertReplayEqualsFreshBuild(
          batches.map((ops) => ops.flat()),
          start,
        );
      }),
      { numRuns: 400, seed: 20261206 },
    );
  });

  it('resolves to the same one of two files differing only in case whatever order they came in, and to the other when one goes', () => {
    const linker: IndexUpdate = { kind: 'note', record: record('n/a.md', { links: [{ target: 'hub' }, { target: 'Hub.md', kind: 'markdown' }] }) };
    const upper: IndexUpdate = { kind: 'note', record: record('Hub.md') };
    const lower: IndexUpdate = { kind: 'note', record: record('hub.md') };
    const targets = (index: VaultIndex) => index.links('n/a.md' as VaultPath).map((l) => l.path);
    const one = VaultIndex.build([linker, upper, lower]);
    const other = VaultIndex.build([linker, lower, upper]);
    assert.deepEqual(targets(one), ['Hub.md', 'Hub.md']);
    assert.deepEqual(targets(other), ['Hub.md', 'Hub.md']);
    one.applyBatch([{ kind: 'remove', path: 'Hub.md' as VaultPath }]);
    assert.deepEqual(targets(one), ['hub.md', 'hub.md']);
    other.applyBatch([{ kind: 'remove', path: 'hub.md' as VaultPath }]);
    assert.deepEqual(targets(other), ['Hub.md', 'Hub.md']);
  });

  it('checks subpaths again when a note becomes another file and a note again with new headings in one batch', () => {
    const index = VaultIndex.build([{ kind: 'note', record: record('n/a.md', { links: [{ target: 'Hub', subpath: 'Top' }] }) }, { kind: 'note', record: record('dir/Hub.md') }]);
    assert.equal(index.links('n/a.md' as VaultPath)[0]!.subpathFound, false);
    index.applyBatch([{ kind: 'file', path: 'dir/Hub.md' as VaultPath }, { kind: 'note', record: record('dir/Hub.md', { headings: ['Top'] }) }]);
    assert.equal(index.links('n/a.md' as VaultPath)[0]!.subpathFound, true);
  });
});
