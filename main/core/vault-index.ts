/**
 * The vault's link structure: notes, resolved links, backlinks, unresolved targets, the graph and
 * the citation index. Pure: it takes records (already parsed) and file lists, never touches disk.
 * `applyBatch` is incremental and returns what changed; a property test holds it equal to a fresh build.
 */
import { CITES, EdgeTable, GHOST_LINK, LINK, NO_EDGES, TAG, edgeKey, ghostId, type EdgeBatch, type EdgeChange, type EdgeKind, type OutEdges } from './graph-edges';
import type { FileChange, GraphEdge, GraphNode, LinkRef, NoteRecord, ResolvedLink, Timestamp, VaultDelta, VaultPath } from './model';
import { NameIndex, keysProvided, type NamedFile } from './name-index';
import { dirname, isMarkdownPath } from './paths';
import { ANY_NAME, keysNeeded, resolveTarget, subpathExists, type Resolution } from './resolve';
import { addTo, countDown, removeFrom } from './multimap';
import { ResolutionMemo, type WrittenTarget } from './resolution-memo';
import { nameKey } from './syntax/keys';

/** One entry of a batch: a note with its record, or another vault file (image, media) that links can name. */
export type IndexUpdate = { kind: 'note'; record: NoteRecord } | { kind: 'file'; path: VaultPath } | { kind: 'remove'; path: VaultPath };

export interface IndexStats {
  notes: number;
  files: number;
  links: number;
  embeds: number;
  resolved: number;
  unresolved: number;
  headingLinks: number;
  blockLinks: number;
  subpathMisses: number;
  timestamps: number;
  videos: number;
  tags: number;
  problems: number;
}

export class VaultIndex {
  private readonly records = new Map<VaultPath, NoteRecord>();
  private readonly otherFiles = new Set<VaultPath>();
  private readonly names = new NameIndex();
  private readonly resolved = new Map<VaultPath, Resolutions>();
  /**
   * Target path → the notes linking to it, once per link. Lists rather than counting maps: a build
   * only appends, and an update removes one note's few links (measured: a 10k-note build spent a
   * third of its resolving time filling the nested maps this replaces).
   */
  private readonly incoming = new Map<VaultPath, VaultPath[]>();
  /**
   * What to resolve again when a name changes, in two steps: dependency key → link targets (as
   * written) that depend on it, and each target as written → the notes writing it. Popular targets
   * register their keys once, not once per linking note.
   */
  private readonly keyTargets = new Map<string, Set<string>>();
  private readonly targets = new Map<string, WrittenTarget>();
  /** unresolved target key → the ways it is written, and linking notes → count. */
  private readonly unresolvedTargets = new Map<string, { forms: Map<string, number>; from: Map<VaultPath, number> }>();
  private readonly nodes = new Map<string, GraphNode>();
  /** Edges by source; ghost, tag and video nodes go when no edge points at them (notes stay while their file does). */
  private readonly edges = new EdgeTable(this.nodes);
  private readonly byVideo = new Map<string, Set<VaultPath>>();
  /** Counts batches, so a memo's answers stored on `targets` are known to be this batch's. */
  private batches = 0;

  /** Builds an index from scratch: the same as applying one batch to an empty index. */
  static build(updates: Iterable<IndexUpdate>): VaultIndex {
    const index = new VaultIndex();
    index.apply([...updates], false);
    return index;
  }

  applyBatch(updates: readonly IndexUpdate[]): VaultDelta {
    return this.apply(updates, true)!;
  }

  /** With `report` false (a fresh build, where nobody reads the delta) the delta is not assembled. */
  private apply(updates: readonly IndexUpdate[], report: boolean): VaultDelta | null {
    const touched = new Set<VaultPath>();
    const removed = new Set<VaultPath>();
    const keys = new Set<string>();
    const toResolve = new Set<VaultPath>();
    /** Notes whose headings or blocks changed while their name stayed: only subpath checks into them are stale. */
    const reshaped = new Set<VaultPath>();
    const unlinks = new Unlinks();
    /** Each path of the batch as a note before it (undefined when it was none). */
    const startRecords = new Map<VaultPath, NoteRecord | undefined>();

    for (const update of updates) {
      const path = update.kind === 'note' ? update.record.path : update.path;
      const before = this.names.get(path);
      const beforeRecord = this.records.get(path);
      this.forgetNote(path, unlinks);
      if (!startRecords.has(path)) startRecords.set(path, beforeRecord);

      let after: NamedFile | undefined;
      if (update.kind === 'remove') {
        removed.add(path);
        touched.delete(path);
      } else {
        if (update.kind === 'file') {
          // A note that is now another file leaves the notes and the graph as if removed (it had a node if it was a note before this batch).
          if (beforeRecord) {
            removed.add(path);
            touched.delete(path);
          } else if (!this.nodes.has(path)) removed.delete(path);
          this.otherFiles.add(path);
          after = { path, title: null, aliases: [] };
        } else {
          removed.delete(path);
          const record = update.record;
          this.records.set(path, record);
          after = { path, title: record.title, aliases: record.aliases };
          for (const v of videosOf(record)) addTo(this.byVideo, v, path);
          touched.add(path);
          toResolve.add(path);
        }
        this.names.set(after);
      }
      // Resolution reads only the name tables, so only keys this file gained or lost can move a link.
      // (An index with no links registered yet, as in a fresh build, has nothing to re-resolve.)
      if (this.keyTargets.size) for (const k of changedKeys(before, after)) keys.add(k);
    }

    if (keys.size) keys.add(ANY_NAME);
    for (const [path, start] of startRecords) {
      const now = this.records.get(path);
      if (start && now && !sameShape(start, now)) reshaped.add(path);
      // A file that turned from note to other file or back may keep its names, and the links into it
      // their answer, yet they gain or lose their edge: its linking notes are redone whole. Rare.
      if (!start !== !now && this.names.has(path)) for (const from of this.incoming.get(path) ?? []) toResolve.add(from);
    }
    // Names are settled for this batch, so equal (kind, folder, target) triples resolve alike.
    const memo = new ResolutionMemo(++this.batches);
    // Links whose target as written depends on a key that came or went (a removed file's keys all go,
    // so that covers links into it) are resolved again one by one, and only those whose answer moved
    // are filed again; the rest of their notes stays as it was. Entries of notes unlinked whole in
    // this batch are still listed: those notes are removed or in `toResolve`.
    const relinks = new Map<VaultPath, Relink>();
    const retargeted = new Set<string>();
    for (const k of keys) {
      for (const target of this.keyTargets.get(k) ?? []) {
        if (retargeted.has(target)) continue;
        retargeted.add(target);
        const written = this.targets.get(target)!;
        const { users, at } = written;
        for (let u = 0; u < users.length; u++) {
          const from = users[u]!;
          if (toResolve.has(from) || !this.records.has(from)) continue;
          const r = this.resolved.get(from)!;
          const i = at[u]!;
          const link = r.links[i]!;
          const hit = link.target.trim() ? memo.resolve(link, written, from, this.names) : this.resolveLink(link, from);
          const target = hit && link.subpath !== null ? this.records.get(hit.path) : undefined;
          const found = target ? memo.subpathExists(target, link.subpath!) : null;
          const was = r.hits[i];
          if (was?.path === hit?.path && was?.via === hit?.via && r.subpathFound[i] === found) continue;
          let relink = relinks.get(from);
          if (!relink) relinks.set(from, (relink = { from, at: [], written: [], before: [], after: [], found: [] }));
          relink.at.push(i);
          relink.written.push(written);
          relink.after.push(hit);
          relink.found.push(found);
        }
      }
    }
    for (const path of toResolve) this.unlinkOutgoing(path, unlinks);
    for (const relink of relinks.values()) this.unlinkSome(relink, unlinks);
    this.dropUnlinked(unlinks);
    for (const path of toResolve) if (this.records.has(path)) this.resolveNote(path, memo);
    for (const relink of relinks.values()) this.refile(relink);
    for (const target of reshaped) this.recheckSubpaths(target, toResolve);

    return this.graphDelta(touched, removed, toResolve, relinks.values(), report);
  }

  // ---- queries -------------------------------------------------------------------------------

  notes(): NoteRecord[] {
    return [...this.records.values()];
  }

  note(path: VaultPath): NoteRecord | undefined {
    return this.records.get(path);
  }

  hasFile(path: VaultPath): boolean {
    return this.names.has(path);
  }

  files(): VaultPath[] {
    return [...this.records.keys(), ...this.otherFiles];
  }

  links(path: VaultPath): readonly ResolvedLink[] {
    const r = this.resolved.get(path);
    if (!r) return [];
    return (r.made ??= r.links.map((link, i) => {
      const hit = r.hits[i];
      return { ...link, path: hit?.path ?? null, via: hit?.via ?? null, subpathFound: r.subpathFound[i] ?? null };
    }));
  }

  /** Notes linking to `path`, with how many links each. */
  backlinks(path: VaultPath): Map<VaultPath, number> {
    const counts = new Map<VaultPath, number>();
    for (const from of this.incoming.get(path) ?? []) counts.set(from, (counts.get(from) ?? 0) + 1);
    return counts;
  }

  /** Unresolved targets (as first written) → the notes that link to them, sorted. */
  unresolved(): Map<string, VaultPath[]> {
    const out = new Map<string, VaultPath[]>();
    // The shown form is the smallest way it is written, so the answer doesn't depend on update order.
    const entries = [...this.unresolvedTargets.values()].map((e) => ({ target: [...e.forms.keys()].sort(cmp)[0]!, from: e.from }));
    entries.sort((a, b) => cmp(a.target, b.target));
    for (const { target, from } of entries) out.set(target, [...from.keys()].sort(cmp));
    return out;
  }

  /** One unresolved target (any way it is written) → its shown form and linking notes, sorted; null when nothing links there. */
  unresolvedLinkers(target: string): { target: string; from: VaultPath[] } | null {
    const entry = this.unresolvedTargets.get(nameKey(target));
    if (!entry) return null;
    return { target: [...entry.forms.keys()].sort(cmp)[0]!, from: [...entry.from.keys()].sort(cmp) };
  }

  resolveLink(link: Pick<ResolvedLink, 'target' | 'kind'>, from: VaultPath) {
    return resolveTarget(link, from, this.names);
  }

  graph(): { nodes: GraphNode[]; edges: GraphEdge[] } {
    return { nodes: [...this.nodes.values()], edges: this.edges.edges() };
  }

  /** Notes whose timestamps cite `videoId`. */
  citing(videoId: string): VaultPath[] {
    return [...(this.byVideo.get(videoId) ?? [])].sort(cmp);
  }

  videos(): string[] {
    return [...this.byVideo.keys()].sort(cmp);
  }

  stats(): IndexStats {
    const s: IndexStats = { notes: this.records.size, files: this.records.size + this.otherFiles.size, links: 0, embeds: 0, resolved: 0, unresolved: 0, headingLinks: 0, blockLinks: 0, subpathMisses: 0, timestamps: 0, videos: this.byVideo.size, tags: 0, problems: 0 };
    const tags = new Set<string>();
    for (const record of this.records.values()) {
      s.timestamps += record.timestamps.length;
      s.problems += record.problems.length;
      for (const t of record.tags) tags.add(t);
      const r = this.resolved.get(record.path);
      r?.links.forEach((link, i) => {
        if (link.embed) s.embeds++;
        else s.links++;
        if (r.hits[i]) s.resolved++;
        else s.unresolved++;
        if (link.subpath) {
          if (link.subpath.startsWith('^')) s.blockLinks++;
          else s.headingLinks++;
        }
        if (r.subpathFound[i] === false) s.subpathMisses++;
      });
    }
    s.tags = tags.size;
    return s;
  }

  // ---- internals -----------------------------------------------------------------------------

  private forgetNote(path: VaultPath, unlinks: Unlinks): void {
    const record = this.records.get(path);
    if (record) for (const v of videosOf(record)) removeFrom(this.byVideo, v, path);
    this.unlinkOutgoing(path, unlinks);
    this.records.delete(path);
    this.otherFiles.delete(path);
    this.names.delete(path);
  }

  /** Takes a note's links out of every table; the per-target lists are left to `dropUnlinked`. */
  private unlinkOutgoing(path: VaultPath, unlinks: Unlinks): void {
    const r = this.resolved.get(path);
    if (!r) return;
    r.links.forEach((link, i) => {
      addTo(unlinks.users, link.target, path);
      this.unfile(path, this.targets.get(link.target)!, link.target, r.hits[i], unlinks);
    });
    this.resolved.delete(path);
  }

  /** Takes one link out of the backlinks (by way of `unlinks`) or out of the unresolved targets. */
  private unfile(path: VaultPath, written: WrittenTarget, target: string, hit: Resolution | null | undefined, unlinks: Unlinks): void {
    if (hit) {
      let gone = unlinks.incoming.get(hit.path);
      if (!gone) unlinks.incoming.set(hit.path, (gone = new Map()));
      gone.set(path, (gone.get(path) ?? 0) + 1);
      return;
    }
    const key = written.key;
    const entry = this.unresolvedTargets.get(key);
    if (entry) {
      countDown(entry.from, path);
      countDown(entry.forms, target);
      if (entry.from.size === 0) this.unresolvedTargets.delete(key);
    }
  }

  /**
   * Takes out the links of a note that resolve differently now, keeping what they resolved to.
   * The rest of the note stays filed, so renaming a note costs its links in, not every link of
   * every note linking to it.
   */
  private unlinkSome(relink: Relink, unlinks: Unlinks): void {
    const r = this.resolved.get(relink.from)!;
    relink.at.forEach((i, k) => {
      const hit = r.hits[i] ?? null;
      relink.before.push(hit);
      this.unfile(relink.from, relink.written[k]!, r.links[i]!.target, hit, unlinks);
    });
  }

  /** Files a note's links anew (its old ones were taken out by `unlinkOutgoing`). */
  private resolveNote(path: VaultPath, memo: ResolutionMemo): void {
    const record = this.records.get(path)!;
    const n = record.links.length;
    const hits = new Array<Resolution | null>(n);
    const found = new Array<boolean | null>(n);
    for (let i = 0; i < n; i++) {
      const link = record.links[i]!;
      let written = this.targets.get(link.target);
      if (!written) {
        this.targets.set(link.target, (written = { users: [], at: [], key: nameKey(link.target), ghost: null, batch: -1, anywhere: null }));
        for (const k of keysNeeded(link)) addTo(this.keyTargets, k, link.target);
      }
      written.users.push(path);
      written.at.push(i);
      const hit = link.target.trim() ? memo.resolve(link, written, path, this.names) : this.resolveLink(link, path);
      let subpathFound: boolean | null = null;
      if (hit && link.subpath !== null) {
        const target = this.records.get(hit.path);
        subpathFound = target ? memo.subpathExists(target, link.subpath) : null;
      }
      hits[i] = hit;
      found[i] = subpathFound;
      this.file(path, written, link.target, hit);
    }
    this.resolved.set(path, { links: record.links, hits, subpathFound: found, made: null });
  }

  /** Files the links `unlinkSome` took out under their new answers; their targets as written are still registered. */
  private refile({ from, at, written, after, found }: Relink): void {
    const r = this.resolved.get(from)!;
    for (let k = 0; k < at.length; k++) {
      const i = at[k]!;
      r.hits[i] = after[k]!;
      r.subpathFound[i] = found[k]!;
      this.file(from, written[k]!, r.links[i]!.target, after[k]!);
    }
    // Arrays handed out before stay as they were; the next caller gets a fresh one.
    r.made = null;
  }

  /** Files one resolved link: into the target's backlinks, or under its unresolved target. */
  private file(path: VaultPath, written: WrittenTarget, target: string, hit: Resolution | null): void {
    if (hit) {
      const from = this.incoming.get(hit.path);
      if (from) from.push(path);
      else this.incoming.set(hit.path, [path]);
      return;
    }
    const key = written.key;
    let entry = this.unresolvedTargets.get(key);
    if (!entry) this.unresolvedTargets.set(key, (entry = { forms: new Map(), from: new Map() }));
    entry.from.set(path, (entry.from.get(path) ?? 0) + 1);
    entry.forms.set(target, (entry.forms.get(target) ?? 0) + 1);
  }

  /**
   * Takes the links unlinked in this batch out of the per-target lists, each list filtered once: a
   * hub note's list has thousands of entries, and searching it once per removed link made renaming
   * a hub quadratic.
   */
  private dropUnlinked(unlinks: Unlinks): void {
    for (const [target, gone] of unlinks.users) {
      const written = this.targets.get(target);
      if (!written) continue;
      const { users, at } = written;
      let kept = 0;
      for (let u = 0; u < users.length; u++) {
        if (gone.has(users[u]!)) continue;
        users[kept] = users[u]!;
        at[kept++] = at[u]!;
      }
      users.length = at.length = kept;
      if (kept === 0) {
        this.targets.delete(target);
        for (const k of keysNeeded({ target })) removeFrom(this.keyTargets, k, target);
      }
    }
    for (const [target, gone] of unlinks.incoming) {
      // Counted: a note may lose one of its links to a target and keep another.
      const from = this.incoming.get(target)?.filter((p) => {
        const n = gone.get(p);
        if (!n) return true;
        gone.set(p, n - 1);
        return false;
      });
      if (from?.length) this.incoming.set(target, from);
      else this.incoming.delete(target);
    }
  }

  /** A note's headings or blocks changed: the links into it keep their target, but their subpaths are checked again. */
  private recheckSubpaths(target: VaultPath, alreadyResolved: ReadonlySet<VaultPath>): void {
    const record = this.records.get(target);
    if (!record) return;
    for (const from of new Set(this.incoming.get(target))) {
      if (alreadyResolved.has(from)) continue;
      const r = this.resolved.get(from);
      if (!r) continue;
      r.links.forEach((link, i) => {
        if (r.hits[i]?.path !== target || link.subpath === null) return;
        const found = subpathExists(link.subpath, record.headings, record.blocks);
        if (found === r.subpathFound[i]) return;
        r.subpathFound[i] = found;
        // Arrays handed out before stay as they were; the next caller gets a fresh one.
        r.made = null;
      });
    }
  }

  /** Recomputes the graph elements of every note whose record or links changed and reports the difference. */
  private graphDelta(touched: Set<VaultPath>, removed: Set<VaultPath>, resolvedAgain: Set<VaultPath>, relinks: Iterable<Relink>, report: boolean): VaultDelta | null {
    const delta: VaultDelta | null = report ? { notesUpserted: [...touched].sort(cmp), notesRemoved: [...removed].sort(cmp), nodesUpserted: [], nodesRemoved: [], edgesUpserted: [], edgesRemoved: [] } : null;
    const upserts = new Map<string, GraphNode>();
    const maybeOrphaned = new Set<string>();
    const batch: EdgeBatch = { delta, upserts, maybeOrphaned };

    for (const path of removed) {
      if (this.nodes.delete(path)) delta?.nodesRemoved.push(path);
      this.edges.replace(path, NO_EDGES, batch);
    }
    const changed = [...new Set([...touched, ...resolvedAgain])].filter((p) => this.records.has(p));
    // Nodes first, so that an edge between two new notes finds both ends.
    for (const path of changed) {
      const record = this.records.get(path)!;
      const node: GraphNode = { id: path, kind: 'note', label: record.title, path, folder: dirname(path), tags: record.tags };
      if (!sameNode(this.nodes.get(path), node)) {
        this.nodes.set(path, node);
        upserts.set(path, node);
      }
    }
    const slots = new Map<string, number>();
    for (const path of changed) this.edges.replace(path, this.edgesOf(this.records.get(path)!, slots), batch);
    for (const relink of relinks) this.edges.adjust(relink.from, this.edgeChanges(relink), batch);
    for (const id of maybeOrphaned) {
      if (this.edges.refsTo(id) === 0 && !this.records.has(id as VaultPath) && this.nodes.delete(id)) {
        upserts.delete(id);
        if (delta && !delta.nodesRemoved.includes(id)) delta.nodesRemoved.push(id);
      }
    }
    if (delta) delta.nodesUpserted = [...upserts.values()];
    return delta;
  }

  /** How a note's edge counts move with the links `refile` filed again: the old edge loses one, the new one gains one. */
  private edgeChanges({ from, at, written, before }: Relink): EdgeChange[] {
    const r = this.resolved.get(from)!;
    const changes: EdgeChange[] = [];
    const add = (kind: EdgeKind, target: string, by: number) => {
      const same = changes.find((c) => c.kind === kind && c.target === target);
      if (same) same.by += by;
      else changes.push({ kind, target, by });
    };
    for (let k = 0; k < at.length; k++) {
      const link = r.links[at[k]!]!;
      const was = before[k]?.path;
      // A link into a file that was not a note then has no edge to lose.
      if (was) {
        if (was !== from && this.edges.hasEdge(from, LINK, was)) add(LINK, was, -1);
      } else if (link.target) add(GHOST_LINK, ghostOf(written[k]!), -1);
      const is = r.hits[at[k]!]?.path;
      if (is) {
        if (is !== from && this.records.has(is)) add(LINK, is, 1);
      } else if (link.target) add(GHOST_LINK, ghostOf(written[k]!), 1);
    }
    return changes;
  }

  /** A note's edges, one per (kind, target) with its count; `slots` is scratch space reused across notes. */
  private edgesOf(record: NoteRecord, slots: Map<string, number>): OutEdges {
    const out: OutEdges = { targets: [], kinds: [], counts: [] };
    slots.clear();
    const add = (kind: EdgeKind, target: string) => {
      const key = edgeKey(kind, target);
      const slot = slots.get(key);
      if (slot !== undefined) out.counts[slot]!++;
      else {
        slots.set(key, out.targets.length);
        out.targets.push(target);
        out.kinds.push(kind);
        out.counts.push(1);
      }
    };
    const r = this.resolved.get(record.path);
    if (r) {
      for (let i = 0; i < r.links.length; i++) {
        const to = r.hits[i]?.path ?? null;
        if (to === record.path) continue;
        if (to) {
          if (this.records.has(to)) add(LINK, to);
        } else if (r.links[i]!.target) add(GHOST_LINK, ghostOf(this.targets.get(r.links[i]!.target)!));
      }
    }
    for (const tag of record.tags) add(TAG, `tag:${tag}`);
    // One count per timestamp, so a video's edge says how often the note cites it (the graph can size videos by it).
    for (const t of record.timestamps as Timestamp[]) if (t.videoId) add(CITES, `video:${t.videoId}`);
    return out;
  }
}

/** Keys one file provides before but not after an update, or after but not before. */
function changedKeys(before: NamedFile | undefined, after: NamedFile | undefined): string[] {
  const was = before ? keysProvided(before) : [];
  const is = after ? keysProvided(after) : [];
  if (was.length === 0) return is;
  if (is.length === 0) return was;
  const wasSet = new Set(was);
  const isSet = new Set(is);
  return [...was.filter((k) => !isSet.has(k)), ...is.filter((k) => !wasSet.has(k))];
}

/** Whether two versions of a note offer the same heading and block targets. */
function sameShape(a: NoteRecord, b: NoteRecord): boolean {
  if (a.headings.length !== b.headings.length || a.blocks.length !== b.blocks.length) return false;
  for (let i = 0; i < a.headings.length; i++) if (a.headings[i]!.text !== b.headings[i]!.text) return false;
  for (let i = 0; i < a.blocks.length; i++) if (a.blocks[i]!.id !== b.blocks[i]!.id) return false;
  return true;
}

/**
 * A note's links as resolved, parallel to the record's `links`: objects per link are made only
 * when a caller asks for that note's links (most never are; a 10k-note vault has ~190k links).
 */
interface Resolutions {
  links: readonly LinkRef[];
  hits: (Resolution | null)[];
  subpathFound: (boolean | null)[];
  made: ResolvedLink[] | null;
}

/** The ghost node a target as written stands for when it resolves nowhere; made once per target. */
function ghostOf(written: WrittenTarget): string {
  return (written.ghost ??= ghostId(written.key));
}

function sameNode(a: GraphNode | undefined, b: GraphNode): boolean {
  if (!a || a.id !== b.id || a.kind !== b.kind || a.label !== b.label || a.path !== b.path || a.folder !== b.folder || a.tags.length !== b.tags.length) return false;
  return a.tags.every((t, i) => t === b.tags[i]);
}

export function videosOf(record: NoteRecord): string[] {
  const ids = new Set<string>();
  for (const t of record.timestamps as Timestamp[]) if (t.videoId) ids.add(t.videoId);
  return [...ids];
}

export function isNotePath(path: string): boolean {
  return isMarkdownPath(path);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Notes whose links leave the per-target lists in this batch, by target as written and by target path. */
class Unlinks {
  readonly users = new Map<string, Set<VaultPath>>();
  /** Target path → linking note → how many of its links into the target go. */
  readonly incoming = new Map<VaultPath, Map<VaultPath, number>>();
}

/** Some links of one note, resolved again in this batch: their positions and what they resolved to before. */
interface Relink {
  from: VaultPath;
  at: number[];
  written: WrittenTarget[];
  before: (Resolution | null)[];
  after: (Resolution | null)[];
  found: (boolean | null)[];
}

export type { FileChange };
