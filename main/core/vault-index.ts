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
  /** target path → linking notes → how many links. */
  private readonly incoming = new Map<VaultPath, Map<VaultPath, number>>();
  /**
   * What to resolve again when a name changes, in two steps so each note registers only its
   * distinct targets: dependency key → link targets (as written) that depend on it, and target →
   * notes that write it. Popular targets register their keys once, not once per linking note.
   */
  private readonly keyTargets = new Map<string, Set<string>>();
  private readonly targetUsers = new Map<string, Set<VaultPath>>();
  /** unresolved target key → the ways it is written, and linking notes → count. */
  private readonly unresolvedTargets = new Map<string, { forms: Map<string, number>; from: Map<VaultPath, number> }>();
  private readonly nodes = new Map<string, GraphNode>();
  /** source → its edges, keyed by target id: edge ids are spelled out only when someone asks. */
  private readonly outEdges = new Map<string, Map<string, OutEdge>>();
  private readonly edgeRefs = new Map<string, number>();
  private readonly byVideo = new Map<string, Set<VaultPath>>();

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

    for (const update of updates) {
      const path = update.kind === 'note' ? update.record.path : update.path;
      const before = this.names.get(path);
      const beforeRecord = this.records.get(path);
      this.forgetNote(path);

      let after: NamedFile | undefined;
      if (update.kind === 'remove') {
        removed.add(path);
        touched.delete(path);
        // Notes that linked here now point nowhere (or elsewhere).
        for (const from of this.incoming.get(path)?.keys() ?? []) toResolve.add(from);
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

    for (const k of keys) for (const target of this.keyTargets.get(k) ?? []) for (const from of this.targetUsers.get(target) ?? []) toResolve.add(from);
    // Names are settled for this batch, so equal (kind, folder, target) triples resolve alike.
    const memo = new ResolutionMemo();
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
    return new Map(this.incoming.get(path) ?? []);
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

  resolveLink(link: Pick<ResolvedLink, 'target' | 'kind'>, from: VaultPath) {
    return resolveTarget(link, from, this.names);
  }

  graph(): { nodes: GraphNode[]; edges: GraphEdge[] } {
    const edges: GraphEdge[] = [];
    for (const [source, out] of this.outEdges) for (const edge of out.values()) edges.push(graphEdge(source, edge));
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

  private forgetNote(path: VaultPath): void {
    const record = this.records.get(path);
    if (record) for (const v of videosOf(record)) removeFrom(this.byVideo, v, path);
    this.unlinkOutgoing(path);
    this.records.delete(path);
    this.otherFiles.delete(path);
    this.names.delete(path);
  }

  private unlinkOutgoing(path: VaultPath): void {
    const r = this.resolved.get(path);
    if (!r) return;
    r.links.forEach((link, i) => {
      const users = this.targetUsers.get(link.target);
      if (users?.delete(path) && users.size === 0) {
        this.targetUsers.delete(link.target);
        for (const k of keysNeeded(link)) removeFrom(this.keyTargets, k, link.target);
      }
      const hit = r.hits[i];
      if (hit) decrement(this.incoming, hit.path, path);
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

  private resolveNote(path: VaultPath, memo: ResolutionMemo): void {
    this.unlinkOutgoing(path);
    const record = this.records.get(path)!;
    const folder = dirname(path);
    const hits: (Resolution | null)[] = [];
    const found: (boolean | null)[] = [];
    for (const link of record.links) {
      const hit = link.target.trim() ? memo.resolve(link, folder, path, this.names) : this.resolveLink(link, path);
      let subpathFound: boolean | null = null;
      if (hit && link.subpath !== null) {
        const target = this.records.get(hit.path);
        subpathFound = target ? memo.subpathExists(target, link.subpath) : null;
      }
      hits.push(hit);
      found.push(subpathFound);
      let users = this.targetUsers.get(link.target);
      if (!users) {
        this.targetUsers.set(link.target, (users = new Set()));
        for (const k of keysNeeded(link)) addTo(this.keyTargets, k, link.target);
      }
      users.add(path);
      if (hit) increment(this.incoming, hit.path, path);
      else {
        const key = nameKey(link.target);
        let entry = this.unresolvedTargets.get(key);
        if (!entry) this.unresolvedTargets.set(key, (entry = { forms: new Map(), from: new Map() }));
        entry.from.set(path, (entry.from.get(path) ?? 0) + 1);
        entry.forms.set(link.target, (entry.forms.get(link.target) ?? 0) + 1);
      }
    }
    this.resolved.set(path, { links: record.links, hits, subpathFound: found, made: null });
  }

  /** A note's headings or blocks changed: the links into it keep their target, but their subpaths are checked again. */
  private recheckSubpaths(target: VaultPath, alreadyResolved: ReadonlySet<VaultPath>): void {
    const record = this.records.get(target);
    if (!record) return;
    for (const from of this.incoming.get(target)?.keys() ?? []) {
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
      this.replaceEdges(path, new Map(), delta, maybeOrphaned);
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
    for (const path of changed) this.replaceEdges(path, this.edgesOf(this.records.get(path)!), delta, maybeOrphaned, upserts);
    for (const id of maybeOrphaned) {
      if ((this.edgeRefs.get(id) ?? 0) === 0 && !this.records.has(id as VaultPath) && this.nodes.delete(id)) {
        upserts.delete(id);
        if (delta && !delta.nodesRemoved.includes(id)) delta.nodesRemoved.push(id);
      }
    }
    if (delta) delta.nodesUpserted = [...upserts.values()];
    return delta;
  }

  private edgesOf(record: NoteRecord): Map<string, OutEdge> {
    const edges = new Map<string, OutEdge>();
    const add = (kind: GraphEdge['kind'], target: string) => {
      // Target ids are unique across kinds in practice (paths end in .md, the others have a prefix);
      // should a file name mimic one, the kind keeps the two edges apart.
      let key = target;
      let edge = edges.get(key);
      if (edge && edge.kind !== kind) edge = edges.get((key = `${kind}\u0000${target}`));
      if (edge) edge.count++;
      else edges.set(key, { target, kind, count: 1 });
    };
    const r = this.resolved.get(record.path);
    r?.links.forEach((link, i) => {
      const to = r.hits[i]?.path ?? null;
      if (to === record.path) return;
      if (to) {
        if (this.records.has(to)) add('link', to);
      } else if (link.target) add('link', ghostId(link.target));
    });
    for (const tag of record.tags) add('tag', `tag:${tag}`);
    for (const v of videosOf(record)) add('cites', `video:${v}`);
    return edges;
  }

  private replaceEdges(source: string, next: Map<string, OutEdge>, delta: VaultDelta | null, maybeOrphaned: Set<string>, upserts?: Map<string, GraphNode>): void {
    const prev = this.outEdges.get(source) ?? new Map<string, OutEdge>();
    for (const [id, edge] of prev) {
      if (!next.has(id)) {
        delta?.edgesRemoved.push(edgeId(source, edge));
        this.edgeRefs.set(edge.target, (this.edgeRefs.get(edge.target) ?? 1) - 1);
        maybeOrphaned.add(edge.target);
      }
    }
    for (const [id, edge] of next) {
      const old = prev.get(id);
      if (!old) {
        this.edgeRefs.set(edge.target, (this.edgeRefs.get(edge.target) ?? 0) + 1);
        if (!this.nodes.has(edge.target)) {
          const node = syntheticNode(edge.target);
          this.nodes.set(node.id, node);
          upserts?.set(node.id, node);
        }
      }
      if (delta && (!old || old.count !== edge.count)) delta.edgesUpserted.push(graphEdge(source, edge));
    }
    if (next.size) this.outEdges.set(source, next);
    else this.outEdges.delete(source);
  }
}

/**
 * Resolution answers shared within one batch, while the name tables stand still: in a real vault
 * most links name a few popular notes, and a link resolves the same from every note of a folder.
 */
class ResolutionMemo {
  /** Answers no linking folder could change (one candidate at most at every step), by target. */
  private readonly anywhere = new Map<string, Resolution | null>();
  private readonly byFolder = new Map<string, Map<string, Resolution | null>>();
  private readonly subpaths = new Map<NoteRecord, Map<string, boolean>>();
  private readonly info = { folderMatters: false };

  /** For a non-empty target; an empty one (a same-note link) depends on the note itself. */
  resolve(link: Pick<ResolvedLink, 'target' | 'kind'>, folder: string, from: VaultPath, names: NameIndex): Resolution | null {
    if (link.kind === 'wiki') {
      const hit = this.anywhere.get(link.target);
      if (hit !== undefined) return hit;
    }
    const scope = link.kind === 'markdown' ? `\u0000${folder}` : folder;
    let answers = this.byFolder.get(scope);
    if (!answers) this.byFolder.set(scope, (answers = new Map()));
    let hit = answers.get(link.target);
    if (hit === undefined) {
      this.info.folderMatters = false;
      hit = resolveTarget(link, from, names, this.info);
      if (link.kind === 'wiki' && !this.info.folderMatters) this.anywhere.set(link.target, hit);
      else answers.set(link.target, hit);
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

/** An edge as stored under its source. */
interface OutEdge {
  target: string;
  kind: GraphEdge['kind'];
  count: number;
}

function edgeId(source: string, edge: OutEdge): string {
  return `${edge.kind}:${source}->${edge.target}`;
}

function graphEdge(source: string, edge: OutEdge): GraphEdge {
  return { id: edgeId(source, edge), source, target: edge.target, kind: edge.kind, count: edge.count };
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

function increment(map: Map<VaultPath, Map<VaultPath, number>>, target: VaultPath, from: VaultPath): void {
  let inner = map.get(target);
  if (!inner) map.set(target, (inner = new Map()));
  inner.set(from, (inner.get(from) ?? 0) + 1);
}

function decrement(map: Map<VaultPath, Map<VaultPath, number>>, target: VaultPath, from: VaultPath): void {
  const inner = map.get(target);
  if (!inner) return;
  const n = (inner.get(from) ?? 0) - 1;
  if (n > 0) inner.set(from, n);
  else inner.delete(from);
  if (inner.size === 0) map.delete(target);
}

export type { FileChange };
