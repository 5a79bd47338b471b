import assert from 'node:assert/strict';
import type { GraphEdge, GraphNode, NoteRecord, VaultDelta, VaultPath } from '../../../main/core/model';
import { VaultIndex, type IndexUpdate } from '../../../main/core/vault-index';
import { indexSnapshot as snapshot } from './index-snapshot';

export interface LinkSpec {
  target: string;
  subpath?: string | null;
  embed?: boolean;
  kind?: 'wiki' | 'markdown';
}

export interface RecordSpec {
  title?: string;
  aliases?: string[];
  links?: LinkSpec[];
  tags?: string[];
  video?: string | null;
  headings?: string[];
}

/** A note record as the extractor would produce it, from the few fields these tests vary. */
export function record(path: string, opts: RecordSpec = {}): NoteRecord {
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
    links: (opts.links ?? []).map((l, i) => ({ kind: l.kind ?? 'wiki', target: l.target, subpath: l.subpath ?? null, alias: null, embed: l.embed ?? false, line: i + 1 })),
    timestamps: opts.video ? [{ seconds: 1, label: '00:01', videoId: opts.video, kind: 'anchor', line: 1 }] : [],
    problems: [],
  };
}

/** What a view (the graph pane, the search index) holds after applying every delta in order. */
export interface DeltaView {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
  notes: Set<string>;
}

export function emptyView(): DeltaView {
  return { nodes: new Map(), edges: new Map(), notes: new Set() };
}

export function applyDelta(view: DeltaView, delta: VaultDelta): void {
  for (const id of delta.edgesRemoved) view.edges.delete(id);
  for (const id of delta.nodesRemoved) view.nodes.delete(id);
  for (const n of delta.nodesUpserted) view.nodes.set(n.id, n);
  for (const e of delta.edgesUpserted) view.edges.set(e.id, e);
  for (const p of delta.notesRemoved) view.notes.delete(p);
  for (const p of delta.notesUpserted) view.notes.add(p);
}

/**
 * Applies the batches to one index and checks it against a fresh build of what is left on disk,
 * every link against the resolver called on its own, and the deltas against the graph they describe.
 */
export function assertReplayEqualsFreshBuild(batches: readonly (readonly IndexUpdate[])[], start: readonly IndexUpdate[] = []): void {
  const incremental = VaultIndex.build(start);
  const view = emptyView();
  const { nodes, edges } = incremental.graph();
  for (const n of nodes) view.nodes.set(n.id, n);
  for (const e of edges) view.edges.set(e.id, e);
  for (const n of incremental.notes()) view.notes.add(n.path);
  const onDisk = new Map<string, IndexUpdate>();
  for (const u of start) onDisk.set(u.kind === 'note' ? u.record.path : u.path, u);
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
}
