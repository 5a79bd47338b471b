/**
 * The vault's link structure: notes, resolved links, backlinks, unresolved targets, the graph and
 * the citation index. Pure: it takes records (already parsed) and file lists, never touches disk.
 * `applyBatch` is incremental and returns what changed; a property test holds it equal to a fresh build.
 */
import type { FileChange, GraphEdge, GraphNode, LinkRef, NoteRecord, ResolvedLink, Timestamp, VaultDelta, VaultPath } from './model';
import { NameIndex, keysProvided, type NamedFile } from './name-index';
import { dirname, isMarkdownPath } from './paths';
import { keysNeeded, resolveTarget, subpathExists, type Resolution } from './resolve';
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
  /** source → its edges: edge ids are spelled out only when someone asks. */
  private readonly outEdges = new Map<string, OutEdges>();
  /** How many edges point at each ghost, tag and video node (they go when none do; notes stay while their file does). */
  private readonly edgeRefs = new Map<string, number>();
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

    for (const update of updates) {
      const path = update.kind === 'note' ? update.record.path : update.path;
      const before = this.names.get(path);
      const beforeRecord = this.records.get(path);
      this.forgetNote(path, unlinks);

      let after: NamedFile | undefined;
      if (update.kind === 'remove') {
        removed.add(path);
        touched.delete(path);
        // Notes that linked here now point nowhere (or elsewhere).
        for (const from of this.incoming.get(path) ?? []) toResolve.add(from);
      } else {
        removed.delete(path);
        if (update.kind === 'file') {
          this.otherFiles.add(path);
          after = { path, title: null, aliases: [] };
        } else {
          const record = update.record;
          this.records.set(path, record);
          after = { path, title: record.title, aliases: record.aliases };
          for (const v of videosOf(record)) addTo(this.byVideo, v, path);
          touched.add(path);
          toResolve.add(path);
          if (beforeRecord && !sameShape(beforeRecord, record)) reshaped.add(path);
        }
        this.names.set(after);
      }
      // Resolution reads only the name tables, so only keys this file gained or lost can move a link.
      // (An index with no links registered yet, as in a fresh build, has nothing to re-resolve.)
      if (this.keyTargets.size) for (const k of changedKeys(before, after)) keys.add(k);
    }

    for (const k of keys) for (const target of this.keyTargets.get(k) ?? []) for (const from of this.targets.get(target)?.users ?? []) toResolve.add(from);
    for (const path of toResolve) this.unlinkOutgoing(path, unlinks);
    this.dropUnlinked(unlinks);
    // Names are settled for this batch, so equal (kind, folder, target) triples resolve alike.
    const memo = new ResolutionMemo(++this.batches);
    for (const path of toResolve) if (this.records.has(path)) this.resolveNote(path, memo);
    for (const target of reshaped) this.recheckSubpaths(target, toResolve);

    return this.graphDelta(touched, removed, toResolve, report);
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
    const edges: GraphEdge[] = [];
    for (const [source, out] of this.outEdges) for (let i = 0; i < out.targets.length; i++) edges.push(graphEdge(source, out, i));
    return { nodes: [...this.nodes.values()], edges };
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
      const hit = r.hits[i];
      if (hit) addTo(unlinks.incoming, hit.path, path);
      else {
        const key = nameKey(link.target);
        const entry = this.unresolvedTargets.get(key);
        if (entry) {
          countDown(entry.from, path);
          countDown(entry.forms, link.target);
          if (entry.from.size === 0) this.unresolvedTargets.delete(key);
        }
      }
    });
    this.resolved.delete(path);
  }

  /** Files a note's links anew (its old ones were taken out by `unlinkOutgoing`). */
  private resolveNote(path: VaultPath, memo: ResolutionMemo): void {
    const record = this.records.get(path)!;
    const folder = dirname(path);
    const n = record.links.length;
    const hits = new Array<Resolution | null>(n);
    const found = new Array<boolean | null>(n);
    for (let i = 0; i < n; i++) {
      const link = record.links[i]!;
      let written = this.targets.get(link.target);
      if (!written) {
        this.targets.set(link.target, (written = { users: [], batch: -1, anywhere: null }));
        for (const k of keysNeeded(link)) addTo(this.keyTargets, k, link.target);
      }
      written.users.push(path);
      const hit = link.target.trim() ? memo.resolve(link, written, folder, path, this.names) : this.resolveLink(link, path);
      let subpathFound: boolean | null = null;
      if (hit && link.subpath !== null) {
        const target = this.records.get(hit.path);
        subpathFound = target ? memo.subpathExists(target, link.subpath) : null;
      }
      hits[i] = hit;
      found[i] = subpathFound;
      if (hit) {
        const from = this.incoming.get(hit.path);
        if (from) from.push(path);
        else this.incoming.set(hit.path, [path]);
      } else {
        const key = nameKey(link.target);
        let entry = this.unresolvedTargets.get(key);
        if (!entry) this.unresolvedTargets.set(key, (entry = { forms: new Map(), from: new Map() }));
        entry.from.set(path, (entry.from.get(path) ?? 0) + 1);
        entry.forms.set(link.target, (entry.forms.get(link.target) ?? 0) + 1);
      }
    }
    this.resolved.set(path, { links: record.links, hits, subpathFound: found, made: null });
  }

  /**
   * Takes the notes unlinked in this batch out of the per-target lists, each list filtered once: a
   * hub note's list has thousands of entries, and searching it once per removed link made renaming
   * a hub quadratic. All of a note's links go at once, so every occurrence of it goes.
   */
  private dropUnlinked(unlinks: Unlinks): void {
    for (const [target, gone] of unlinks.users) {
      const written = this.targets.get(target);
      if (!written) continue;
      written.users = written.users.filter((p) => !gone.has(p));
      if (written.users.length === 0) {
        this.targets.delete(target);
        for (const k of keysNeeded({ target })) removeFrom(this.keyTargets, k, target);
      }
    }
    for (const [target, gone] of unlinks.incoming) {
      const from = this.incoming.get(target)?.filter((p) => !gone.has(p));
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
  private graphDelta(touched: Set<VaultPath>, removed: Set<VaultPath>, resolvedAgain: Set<VaultPath>, report: boolean): VaultDelta | null {
    const delta: VaultDelta | null = report ? { notesUpserted: [...touched].sort(cmp), notesRemoved: [...removed].sort(cmp), nodesUpserted: [], nodesRemoved: [], edgesUpserted: [], edgesRemoved: [] } : null;
    const upserts = new Map<string, GraphNode>();
    const maybeOrphaned = new Set<string>();

    for (const path of removed) {
      if (this.nodes.delete(path)) delta?.nodesRemoved.push(path);
      this.replaceEdges(path, NO_EDGES, delta, maybeOrphaned, upserts);
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
    for (const path of changed) this.replaceEdges(path, this.edgesOf(this.records.get(path)!, slots), delta, maybeOrphaned, upserts);
    for (const id of maybeOrphaned) {
      if ((this.edgeRefs.get(id) ?? 0) === 0 && !this.records.has(id as VaultPath) && this.nodes.delete(id)) {
        upserts.delete(id);
        if (delta && !delta.nodesRemoved.includes(id)) delta.nodesRemoved.push(id);
      }
    }
    if (delta) delta.nodesUpserted = [...upserts.values()];
    return delta;
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
        } else if (r.links[i]!.target) add(GHOST_LINK, ghostId(r.links[i]!.target));
      }
    }
    for (const tag of record.tags) add(TAG, `tag:${tag}`);
    // One count per timestamp, so a video's edge says how often the note cites it (the graph can size videos by it).
    for (const t of record.timestamps as Timestamp[]) if (t.videoId) add(CITES, `video:${t.videoId}`);
    return out;
  }

  private replaceEdges(source: string, next: OutEdges, delta: VaultDelta | null, maybeOrphaned: Set<string>, upserts: Map<string, GraphNode>): void {
    const prev = this.outEdges.get(source);
    // Earlier edges by kind and target; what is left once the new ones are matched was dropped (a fresh build has none).
    let before: Map<string, number> | null = null;
    if (prev) {
      before = new Map();
      for (let i = 0; i < prev.targets.length; i++) before.set(edgeKey(prev.kinds[i]!, prev.targets[i]!), i);
    }
    for (let i = 0; i < next.targets.length; i++) {
      const target = next.targets[i]!;
      const key = before ? edgeKey(next.kinds[i]!, target) : '';
      const old = before?.get(key);
      if (old === undefined) {
        // A link to a note finds the note's node (nodes are made first); the others may need theirs made.
        if (next.kinds[i] !== LINK) {
          this.edgeRefs.set(target, (this.edgeRefs.get(target) ?? 0) + 1);
          if (!this.nodes.has(target)) {
            const node = syntheticNode(target);
            this.nodes.set(node.id, node);
            upserts.set(node.id, node);
          }
        }
      } else before!.delete(key);
      if (delta && (old === undefined || prev!.counts[old] !== next.counts[i])) delta.edgesUpserted.push(graphEdge(source, next, i));
    }
    if (prev && before) {
      for (const i of before.values()) {
        const target = prev.targets[i]!;
        delta?.edgesRemoved.push(edgeId(source, prev, i));
        if (prev.kinds[i] !== LINK) this.edgeRefs.set(target, (this.edgeRefs.get(target) ?? 1) - 1);
        maybeOrphaned.add(target);
      }
    }
    if (next.targets.length) this.outEdges.set(source, next);
    else this.outEdges.delete(source);
  }
}

/**
 * Resolution answers shared within one batch, while the name tables stand still: in a real vault
 * most links name a few popular notes, and a link resolves the same from every note of a folder.
 */
class ResolutionMemo {
  private readonly byFolder = new Map<string, Map<string, Resolution | null>>();
  private readonly subpaths = new Map<NoteRecord, Map<string, boolean>>();
  private readonly info = { folderMatters: false };

  constructor(private readonly batch: number) {}

  /** For a non-empty target; an empty one (a same-note link) depends on the note itself. */
  resolve(link: Pick<ResolvedLink, 'target' | 'kind'>, written: WrittenTarget, folder: string, from: VaultPath, names: NameIndex): Resolution | null {
    if (link.kind === 'wiki' && written.batch === this.batch) return written.anywhere;
    const scope = link.kind === 'markdown' ? `\u0000${folder}` : folder;
    let answers = this.byFolder.get(scope);
    if (!answers) this.byFolder.set(scope, (answers = new Map()));
    let hit = answers.get(link.target);
    if (hit === undefined) {
      this.info.folderMatters = false;
      hit = resolveTarget(link, from, names, this.info);
      if (link.kind === 'wiki' && !this.info.folderMatters) {
        written.batch = this.batch;
        written.anywhere = hit;
      } else answers.set(link.target, hit);
    }
    return hit;
  }

  subpathExists(target: NoteRecord, subpath: string): boolean {
    let answers = this.subpaths.get(target);
    if (!answers) this.subpaths.set(target, (answers = new Map()));
    let found = answers.get(subpath);
    if (found === undefined) answers.set(subpath, (found = subpathExists(subpath, target.headings, target.blocks)));
    return found;
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

/** A link target as written, with the notes writing it (once per link). */
interface WrittenTarget {
  users: VaultPath[];
  /** The batch whose memo answered this target for every folder, and that answer. */
  batch: number;
  anywhere: Resolution | null;
}

/** Edge kinds as stored: links to notes apart from links to ghosts, since only ghosts, tags and videos are reference-counted. */
type EdgeKind = 0 | 1 | 2 | 3;
const LINK = 0;
const GHOST_LINK = 1;
const TAG = 2;
const CITES = 3;
const KIND_NAMES: readonly GraphEdge['kind'][] = ['link', 'link', 'tag', 'cites'];

/** One note's edges as parallel lists (a 10k-note vault has about 250k edges; objects each would be most of the build's garbage). */
interface OutEdges {
  targets: string[];
  kinds: EdgeKind[];
  counts: number[];
}

const NO_EDGES: OutEdges = { targets: [], kinds: [], counts: [] };

/** Tells a note's edges apart: by target, and by kind should a file name mimic another kind's id. */
function edgeKey(kind: EdgeKind, target: string): string {
  return kind === LINK ? target : `${kind}\u0000${target}`;
}

function edgeId(source: string, edges: OutEdges, i: number): string {
  return `${KIND_NAMES[edges.kinds[i]!]}:${source}->${edges.targets[i]}`;
}

function graphEdge(source: string, edges: OutEdges, i: number): GraphEdge {
  return { id: edgeId(source, edges, i), source, target: edges.targets[i]!, kind: KIND_NAMES[edges.kinds[i]!]!, count: edges.counts[i]! };
}

function sameNode(a: GraphNode | undefined, b: GraphNode): boolean {
  if (!a || a.id !== b.id || a.kind !== b.kind || a.label !== b.label || a.path !== b.path || a.folder !== b.folder || a.tags.length !== b.tags.length) return false;
  return a.tags.every((t, i) => t === b.tags[i]);
}

function ghostId(target: string): string {
  return `ghost:${nameKey(target)}`;
}

function syntheticNode(id: string): GraphNode {
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon) as 'ghost' | 'tag' | 'video';
  const label = kind === 'tag' ? `#${id.slice(colon + 1)}` : id.slice(colon + 1);
  return { id, kind, label, path: null, folder: '', tags: [] };
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

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

function countDown<K>(map: Map<K, number>, key: K): void {
  const n = (map.get(key) ?? 0) - 1;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

/** Notes whose links leave the per-target lists in this batch, by target as written and by target path. */
class Unlinks {
  readonly users = new Map<string, Set<VaultPath>>();
  readonly incoming = new Map<VaultPath, Set<VaultPath>>();
}

export type { FileChange };
