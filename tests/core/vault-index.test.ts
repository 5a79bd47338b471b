import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { GraphEdge, GraphNode, NoteRecord, VaultDelta, VaultPath } from '../../main/core/model';
import { VaultIndex, type IndexUpdate } from '../../main/core/vault-index';
import { indexSnapshot as snapshot } from './helpers/index-snapshot';

const PATHS = ['A.md', 'B.md', 'dir/A.md', 'dir/C.md', 'other/D.md', 'img.png', 'dir/E.md'] as const;
const TARGETS = ['A', 'B', 'C', 'dir/A', 'D', 'img.png', 'Alias One', 'ghost', 'Ghost', 'e', 'c_note', ''];

function record(path: string, opts: { title?: string; aliases?: string[]; links?: { target: string; subpath?: string | null; embed?: boolean }[]; tags?: string[]; video?: string | null; headings?: string[] } = {}): NoteRecord {
  return {
    path: path as VaultPath,
    title: opts.title ?? path.replace(/^.*\//, '').replace(/\.md$/, ''),
    aliases: opts.aliases ?? [],
    tags: opts.tags ?? [],
    videoId: opts.video ?? null,
    url: null,
    media: null,
    frontmatter: null,
    headings: (opts.headings ?? []).map((text, i) => ({ level: 2, text, line: i + 1 })),
    blocks: [],
    links: (opts.links ?? []).map((l, i) => ({ kind: 'wiki', target: l.target, subpath: l.subpath ?? null, alias: null, embed: l.embed ?? false, line: i + 1 })),
    timestamps: opts.video ? [{ seconds: 1, label: '00:01', videoId: opts.video, kind: 'anchor', line: 1 }] : [],
    problems: [],
  };
}

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

/** What a view (the graph pane, the search index) holds after applying every delta in order. */
function applyDelta(view: { nodes: Map<string, GraphNode>; edges: Map<string, GraphEdge>; notes: Set<string> }, delta: VaultDelta) {
  for (const id of delta.edgesRemoved) view.edges.delete(id);
  for (const id of delta.nodesRemoved) view.nodes.delete(id);
  for (const n of delta.nodesUpserted) view.nodes.set(n.id, n);
  for (const e of delta.edgesUpserted) view.edges.set(e.id, e);
  for (const p of delta.notesRemoved) view.notes.delete(p);
  for (const p of delta.notesUpserted) view.notes.add(p);
}

describe('VaultIndex', () => {
  it('equals a fresh build after any sequence of batches, and its deltas rebuild the same graph', () => {
    fc.assert(
      fc.property(fc.array(fc.array(updateArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }), (batches) => {
        const incremental = new VaultIndex();
        const view = { nodes: new Map<string, GraphNode>(), edges: new Map<string, GraphEdge>(), notes: new Set<string>() };
        const onDisk = new Map<string, IndexUpdate>();
        for (const batch of batches) {
          applyDelta(view, incremental.applyBatch(batch));
          for (const u of batch) {
            const path = u.kind === 'note' ? u.record.path : u.path;
            if (u.kind === 'remove') onDisk.delete(path);
            else onDisk.set(path, u);
          }
        }
        const fresh = VaultIndex.build(onDisk.values());
        assert.deepEqual(snapshot(incremental), snapshot(fresh));
        // Both go through the per-batch resolution memo: hold them to the resolver called link by link.
        for (const note of fresh.notes()) {
          for (const link of fresh.links(note.path)) {
            const direct = fresh.resolveLink(link, note.path);
            assert.deepEqual([link.path, link.via], [direct?.path ?? null, direct?.via ?? null], `${note.path} → ${link.target}`);
          }
        }
        const graph = incremental.graph();
        assert.deepEqual([...view.nodes.keys()].sort(), graph.nodes.map((n) => n.id).sort());
        assert.deepEqual([...view.edges.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), graph.edges.sort((a, b) => (a.id < b.id ? -1 : 1)));
        assert.deepEqual([...view.notes].sort(), incremental.notes().map((n) => n.path).sort());
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
