/**
 * The graph on screen. A Cytoscape core holds the drawn nodes and edges (hit testing, dragging,
 * panning and zooming, events, and the API exposed as `window.cairn.graph`) and draws the nodes;
 * canvases stacked with it draw the edges (under), and labels and the hover focus (over), and
 * for a large graph without a GPU, the nodes too. A worker runs the force layout.
 *
 * The drawing is kept equal to `visibleGraph(model, settings, open note)` by diffing, so a
 * filter, a toggle or a vault delta adds, removes and restyles only what changed, and new nodes
 * are placed beside their neighbours without laying the whole graph out again. The canvases draw
 * from the scene (plain records); Cytoscape is brought up to date right away for small changes
 * and in idle-time batches for big ones, so the first picture of a large vault never waits on it.
 */
import cytoscape from 'cytoscape';
import type { Core, EdgeSingular, ElementDefinition, NodeSingular } from 'cytoscape';
import type { GraphData } from '../../../main/api';
import type { VaultDelta } from '../../../main/core/model';
import { colourGroups } from './colour-groups';
import type { Grouping } from './colour-groups';
import { EdgeLayer } from './edge-layer';
import { diffVisible, edgeElement, nodeData } from './elements';
import type { NodeData } from './elements';
import { graphFacets } from './facets';
import { seedPositions } from './force-layout';
import { GraphModel } from './graph-model';
import type { ModelChange } from './graph-model';
import type { GraphSettings } from './graph-settings';
import { defaultSettings } from './graph-settings';
import { graphStylesheet, readTheme } from './graph-theme';
import type { GraphTheme } from './graph-theme';
import { LabelLayer } from './label-layer';
import type { LayoutFrame } from './layout-protocol';
import { LayoutRunner } from './layout-runner';
import { NodeLayer } from './node-layer';
import { loadPositions, savePositions } from './position-cache';
import type { PositionMap } from './position-cache';
import type { EdgeRec, NodeRec } from './scene';
import { EDGE_LINK, EDGE_TAG, edgeRank, emptyScene } from './scene';
import { visibleGraph } from './visible-graph';
import type { VisibleGraph } from './visible-graph';

declare global {
  interface Window {
    cairn?: { graph?: Core } & Record<string, unknown>;
  }
}

/** Changes up to this many elements go into Cytoscape at once; bigger ones in idle-time slices. */
const SYNC_ELEMENTS = 1500;
/** Elements per slice of idle-time adding (~25 µs each measured), and how long a slice may run. */
const SLICE_ELEMENTS = 150;
const SLICE_MS = 12;
/** Graphs up to this size animate their layout; larger ones get fewer, spaced-out frames. */
const ANIMATED_NODES = 2500;
/** Without a GPU, the node layer takes over above FAST_ON drawn nodes and hands back below FAST_OFF. */
const FAST_ON = 500;
const FAST_OFF = 350;

export interface GraphViewEvents {
  openNote(path: string): void;
  visible(info: { counts: VisibleGraph['counts']; grouping: Grouping; drawn: number }): void;
  layout(state: { running: boolean; progress: number }): void;
  /** Timing marks for the bench (`first-frame`, `drawn`, `settled`, `synced`). */
  mark?(name: string, detail?: Record<string, number>): void;
}

export interface GraphViewOptions {
  /** Use Cytoscape's WebGL renderer: `auto` picks it when a hardware GPU is there. */
  webgl?: boolean | 'auto';
}

export class GraphView {
  readonly cy: Core;
  readonly scene = emptyScene();
  private readonly edgeLayer: EdgeLayer;
  private readonly nodeLayer: NodeLayer;
  private readonly labelLayer: LabelLayer;
  private readonly layout = new LayoutRunner();
  private readonly cyContainer: HTMLDivElement;
  private readonly webgl: boolean;
  private theme: GraphTheme;
  private model = new GraphModel();
  private settings: GraphSettings = defaultSettings;
  private openId: string | null = null;
  private vaultKey: string | null = null;
  private grouping: Grouping = colourGroups([], 'none');
  private drawn: Pick<VisibleGraph, 'nodes' | 'edges'> = { nodes: new Set(), edges: new Set() };
  private last: VisibleGraph | null = null;
  private globalPos: PositionMap = new Map();
  private localPos: PositionMap = new Map();
  private localCentre: string | null = null;
  /** Whether the person has panned or zoomed since the view last fitted itself. */
  private userMoved = false;
  private insets = { top: 34, bottom: 26 };
  /** Node id → index in the current layout run, when dragging may steer it. */
  private runIndex: Map<string, number> | null = null;
  /** Waiting for the first layout frame of a cold start before drawing anything. */
  private coldPending = false;
  /** Drawn but not yet handed to Cytoscape. */
  private readonly pendingNodes = new Set<string>();
  private readonly pendingEdges = new Set<string>();
  /** Nodes whose Cytoscape position lags the scene's (big layouts hand positions over in idle time). */
  private readonly pendingMoves = new Set<string>();
  private pump: number | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private frameTimer = 0;
  private latestFrame: { frame: LayoutFrame; ids: string[]; free: Uint8Array | null; fit: boolean } | null = null;
  private nextApplyAt = 0;
  private readonly media: MediaQueryList | null;
  private destroyed = false;
  private cyRenders = 0;
  private paused: Pausable | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly events: GraphViewEvents,
    options: GraphViewOptions = {},
  ) {
    this.theme = readTheme(host);
    this.webgl = options.webgl === 'auto' || options.webgl === undefined ? hardwareWebgl() : options.webgl;
    this.cyContainer = document.createElement('div');
    this.cyContainer.className = 'graph-cy';
    host.append(this.cyContainer);
    const renderer = this.webgl ? { renderer: { name: 'canvas', webgl: true, webglBgColor: hexRgb(this.theme.background) } } : {};
    this.cy = cytoscape({
      container: this.cyContainer,
      style: graphStylesheet(this.theme),
      minZoom: 0.01,
      maxZoom: 6,
      boxSelectionEnabled: false,
      autounselectify: true,
      // The WebGL renderer is a preview in Cytoscape 3.31+ (absent from its typings); node styles
      // work, which is all we ask of it: edges and labels are drawn by our own layers.
      ...(renderer as object),
    });
    this.nodeLayer = new NodeLayer(host, this.cy, this.scene, this.theme);
    this.edgeLayer = new EdgeLayer(host, this.cy, this.scene, this.theme);
    this.labelLayer = new LabelLayer(host, this.cy, this.scene, this.theme);
    this.resize();
    this.bindEvents();
    window.cairn = { ...(window.cairn ?? {}), graph: this.cy };
    this.media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    this.media?.addEventListener('change', this.onThemeChange);
  }

  // ---- inputs -------------------------------------------------------------------------------

  /** A vault's whole graph: drawn at once from cached positions, or laid out first. */
  async setGraph(vaultKey: string, data: GraphData, settings: GraphSettings): Promise<void> {
    const sameVault = vaultKey === this.vaultKey;
    this.vaultKey = vaultKey;
    this.settings = settings;
    // The cached positions are read (off this thread) while the model is built.
    const cached = sameVault ? null : loadPositions(vaultKey);
    this.model = new GraphModel(data);
    this.grouping = colourGroups(this.model.nodes.values(), settings.groupBy);
    if (cached) {
      this.globalPos = (await cached) ?? new Map();
      this.events.mark?.('positions-loaded', { count: this.globalPos.size });
      if (this.destroyed || this.vaultKey !== vaultKey) return;
    }
    this.localPos = new Map();
    this.localCentre = null;
    this.clearDrawing();
    this.scene.arrows = settings.arrows;
    this.refresh(null);
  }

  applyDelta(delta: VaultDelta): void {
    if (!this.vaultKey) return;
    const change = this.model.apply(delta);
    if (change.nodesAdded.length + change.nodesRemoved.length + change.nodesChanged.length > 0) this.regroup(true);
    this.refresh(change);
  }

  setSettings(next: GraphSettings): void {
    const prev = this.settings;
    this.settings = next;
    if (!this.vaultKey) return;
    if (next.groupBy !== prev.groupBy) this.regroup(false);
    if (next.arrows !== prev.arrows) {
      this.scene.arrows = next.arrows;
      this.redrawLayers();
    }
    if (next.mode !== prev.mode) {
      // Local and global coordinates differ; start the drawing over rather than morph between them.
      this.clearDrawing();
      this.localPos = new Map();
      this.localCentre = null;
      this.userMoved = false;
    }
    const forces = next.linkDistance !== prev.linkDistance || next.repulsion !== prev.repulsion;
    this.refresh(null, forces ? 'forces' : undefined);
  }

  setOpen(id: string | null): void {
    if (id === this.openId) return;
    this.openId = id;
    if (!this.vaultKey) return;
    this.refresh(null, 'open');
  }

  /** Lays the visible graph out again from where it is. */
  relayout(): void {
    if (this.last) this.startLayout(this.last, 'all', 1);
  }

  fit(): void {
    this.userMoved = false;
    this.fitView(true);
  }

  /** Space taken at the top and bottom of the stage by controls floating over it (toolbar, legend). */
  setInsets(top: number, bottom: number): void {
    this.insets = { top, bottom };
  }

  resize(): void {
    this.cy.resize();
    this.edgeLayer.resize();
    this.nodeLayer.resize();
    this.labelLayer.resize();
  }

  /** Folders and tags of the vault's notes, for the filters. */
  facets(): ReturnType<typeof graphFacets> {
    return graphFacets(this.model.nodes.values());
  }

  destroy(): void {
    this.destroyed = true;
    this.flushSave();
    this.layout.destroy();
    if (this.pump !== null) cancelIdle(this.pump);
    if (this.frameTimer) cancelAnimationFrame(this.frameTimer);
    this.media?.removeEventListener('change', this.onThemeChange);
    this.edgeLayer.destroy();
    this.nodeLayer.destroy();
    this.labelLayer.destroy();
    if (window.cairn?.graph === this.cy) delete window.cairn.graph;
    this.cy.destroy();
    this.cyContainer.remove();
  }

  /** For tests and the bench: how the view is doing. */
  stats(): { draws: number; cyRenders: number; drawnNodes: number; drawnEdges: number; cyNodes: number; cyEdges: number; pending: number; fastNodes: boolean; webgl: boolean; edgeDrawMs: number; nodeDrawMs: number; labelDrawMs: number; layoutRunning: boolean } {
    return {
      drawnNodes: this.drawn.nodes.size,
      drawnEdges: this.drawn.edges.size,
      cyNodes: this.cy.nodes().length,
      cyEdges: this.cy.edges().length,
      pending: this.pendingCount(),
      fastNodes: this.scene.fastNodes,
      webgl: this.webgl,
      edgeDrawMs: this.edgeLayer.drawMs,
      nodeDrawMs: this.nodeLayer.drawMs,
      labelDrawMs: this.labelLayer.drawMs,
      draws: this.edgeLayer.draws + this.nodeLayer.draws + this.labelLayer.draws,
      cyRenders: this.cyRenders,
      layoutRunning: this.layout.running,
    };
  }

  // ---- the diff -----------------------------------------------------------------------------

  private refresh(change: ModelChange | null, reason?: 'open' | 'forces'): void {
    const started = performance.now();
    const s = this.settings;
    const local = s.mode === 'local';
    const vis = visibleGraph(this.model, s, this.openId);
    this.last = vis;
    const positions = local ? this.localPos : this.globalPos;
    const centreMoved = local && vis.centre !== this.localCentre;
    if (centreMoved) {
      this.localCentre = vis.centre;
      this.userMoved = false;
      // A neighbourhood mostly unlike the last one starts again from the global picture; one
      // that shares most of its notes with the last morphs into place.
      let kept = 0;
      for (const id of vis.nodes) if (this.drawn.nodes.has(id)) kept++;
      if (kept < vis.nodes.size / 2) {
        this.clearDrawing();
        this.localPos.clear();
      }
    }

    // A cold start (most of the vault never laid out): lay it out first, draw from its first frame.
    if (!local && this.drawn.nodes.size === 0 && vis.nodes.size > 0 && !this.coldPending) {
      let known = 0;
      for (const id of vis.nodes) if (positions.has(id)) known++;
      if (known < vis.nodes.size / 2) {
        this.coldPending = true;
        this.emitVisible(vis);
        this.startLayout(vis, 'all', 1);
        return;
      }
    }
    if (this.coldPending) {
      // Still waiting for the first frame, which calls back here.
      this.emitVisible(vis);
      if (reason === 'forces') this.startLayout(vis, 'all', 1);
      return;
    }

    const diff = diffVisible(this.drawn, vis);
    if (local) for (const id of positions.keys()) if (!vis.nodes.has(id)) positions.delete(id);
    const fresh = diff.nodesAdded.filter((id) => !positions.has(id));
    if (fresh.length > 0) this.seed(fresh, vis, positions, local);
    this.drawn = { nodes: vis.nodes, edges: vis.edges };

    // The scene first: it is what the canvases draw.
    const changed = new Set(change ? [...change.nodesChanged, ...change.edgesChanged] : []);
    const structural = diff.nodesAdded.length + diff.nodesRemoved.length + diff.edgesAdded.length + diff.edgesRemoved.length > 0 || changed.size > 0;
    if (structural) this.rebuildScene(vis, positions, changed);
    this.updateFastMode(vis.nodes.size);
    this.markOpen(vis.centre ?? (this.openId && vis.nodes.has(this.openId) ? this.openId : null));
    this.redrawLayers();
    this.emitVisible(vis);
    if (diff.nodesAdded.length > 0 && this.events.mark) {
      const ms = performance.now() - started;
      // Two frames: Cytoscape draws in its own animation frame callback, which may run after ours.
      requestAnimationFrame(() => requestAnimationFrame(() => this.events.mark?.('drawn', { nodes: vis.nodes.size, edges: vis.edges.size, ms })));
    }

    // Then Cytoscape, now or soon.
    this.syncCy(diff, changed);

    // Layout: what needs to move, if anything.
    if (reason === 'forces') this.startLayout(vis, 'all', 0.6);
    else if (local && (centreMoved || fresh.length > 0)) this.startLayout(vis, 'all', fresh.length === vis.nodes.size ? 1 : 0.6);
    else if (!local && fresh.length > 0) this.startLayout(vis, new Set(fresh), 0.4);

    if (local && (centreMoved || diff.nodesAdded.length > 0) && !this.userMoved) this.fitView(false);
    if (!local && reason === 'open') this.bringIntoView();
    if (!local && fresh.length > 0) this.scheduleSave();
  }

  private clearDrawing(): void {
    this.layout.stop();
    this.runIndex = null;
    this.pendingNodes.clear();
    this.pendingEdges.clear();
    this.pendingMoves.clear();
    this.cy.elements().remove();
    this.drawn = { nodes: new Set(), edges: new Set() };
    this.coldPending = false;
    this.scene.nodes = [];
    this.scene.edges = [];
    this.scene.byId = new Map();
    this.scene.open = null;
    this.scene.dragging = null;
    this.clearHover();
  }

  /** Gives new nodes a first position: the global one for a new local graph, else beside their neighbours. */
  private seed(ids: string[], vis: VisibleGraph, positions: PositionMap, local: boolean): void {
    const fresh = new Set(ids);
    if (local && positions.size === 0) {
      // A new local graph starts from the global picture, which its own layout then tightens.
      for (const id of ids) {
        const p = this.globalPos.get(id);
        if (p) {
          positions.set(id, { ...p });
          fresh.delete(id);
        }
      }
    }
    if (fresh.size === 0) return;
    const order = [...vis.nodes];
    const index = new Map(order.map((id, i) => [id, i]));
    const given = new Float32Array(2 * order.length).fill(NaN);
    order.forEach((id, i) => {
      const p = fresh.has(id) ? undefined : positions.get(id);
      if (p) {
        given[2 * i] = p.x;
        given[2 * i + 1] = p.y;
      }
    });
    const x = new Float64Array(order.length);
    const y = new Float64Array(order.length);
    seedPositions(x, y, given, this.linkPairs(vis, index), this.settings.linkDistance);
    for (const id of fresh) {
      const i = index.get(id)!;
      positions.set(id, { x: x[i]!, y: y[i]! });
    }
  }

  private linkPairs(vis: VisibleGraph, index: Map<string, number>): Uint32Array {
    const pairs = new Uint32Array(2 * vis.edges.size);
    let k = 0;
    for (const eid of vis.edges) {
      const e = this.model.edges.get(eid)!;
      pairs[k++] = index.get(e.source)!;
      pairs[k++] = index.get(e.target)!;
    }
    return pairs;
  }

  private nodeDataOf(id: string): NodeData {
    const node = this.model.nodes.get(id)!;
    return nodeData(node, this.model.degree(id), this.grouping.colorOf(node));
  }

  private rebuildScene(vis: VisibleGraph, positions: PositionMap, changed: Set<string>): void {
    const scene = this.scene;
    const byId = new Map<string, NodeRec>();
    const nodes: NodeRec[] = [];
    for (const id of vis.nodes) {
      let rec = scene.byId.get(id);
      if (!rec || changed.has(id)) {
        const data = this.nodeDataOf(id);
        const p = rec ?? positions.get(id)!;
        rec = { id, x: p.x, y: p.y, r: data.size / 2, font: data.font, label: data.label, kind: data.kind, color: data.color ?? null };
      }
      byId.set(id, rec);
      nodes.push(rec);
    }
    const edges: EdgeRec[] = [];
    for (const eid of vis.edges) {
      const e = this.model.edges.get(eid)!;
      const s = byId.get(e.source);
      const t = byId.get(e.target);
      if (s && t) edges.push({ id: eid, s, t, kind: e.kind === 'link' ? EDGE_LINK : EDGE_TAG, rank: edgeRank(eid) });
    }
    scene.nodes = nodes;
    scene.edges = edges;
    scene.byId = byId;
    if (scene.open) scene.open = byId.get(scene.open.id) ?? null;
    if (scene.hovered) {
      const hovered = byId.get(scene.hovered.id);
      if (hovered) this.hover(hovered.id);
      else this.clearHover();
    }
  }

  /**
   * Without a GPU, large drawings switch node drawing to the node layer (with some hysteresis).
   * Cytoscape's renderer is then paused (`redraw`, `render` and its per-frame rendered-style
   * flush made no-ops): even with
   * nothing of its own to show it walks every element, recomputes the rendered style of each
   * changed one and its edges before every frame, and rebuilds its layer textures (canvases up to
   * 4000² px), which measured hundreds of ms a frame at 10k notes. Input handling, hit testing
   * (on model positions) and the API carry on; leaving the mode catches up in one frame.
   */
  private updateFastMode(count: number): void {
    const fast = !this.webgl && (this.scene.fastNodes ? count > FAST_OFF : count > FAST_ON);
    if (fast === this.scene.fastNodes) return;
    this.scene.fastNodes = fast;
    this.host.classList.toggle('is-fast', fast);
    const renderer = (this.cy as unknown as { renderer(): Pausable }).renderer();
    if (fast) {
      this.paused ??= { render: renderer.render, redraw: renderer.redraw, flushRenderedStyleQueue: renderer.flushRenderedStyleQueue };
      renderer.render = () => {};
      renderer.redraw = () => {};
      // Its texture dequeuing flushes the rendered-style queue every frame even when not drawing.
      renderer.flushRenderedStyleQueue = () => {};
    } else if (this.paused) {
      Object.assign(renderer, this.paused);
      this.paused = null;
      this.cy.forceRender();
    }
    this.nodeLayer.requestDraw();
  }

  private markOpen(id: string | null): void {
    const prev = this.scene.open;
    const next = id ? (this.scene.byId.get(id) ?? null) : null;
    this.scene.open = next;
    if (prev?.id === next?.id) return;
    this.cy.batch(() => {
      if (prev) this.cy.getElementById(prev.id).removeClass('open');
      if (next) this.cy.getElementById(next.id).addClass('open');
    });
  }

  /** Colours follow the groups; when the groups themselves change, every drawn node is recoloured. */
  private regroup(onlyIfGroupsMoved: boolean): void {
    const before = this.grouping;
    this.grouping = colourGroups(this.model.nodes.values(), this.settings.groupBy);
    const same = before.groups.length === this.grouping.groups.length && before.groups.every((g, i) => g.key === this.grouping.groups[i]!.key);
    if ((onlyIfGroupsMoved && same) || this.drawn.nodes.size === 0) return;
    this.cy.batch(() => {
      for (const rec of this.scene.nodes) {
        const node = this.model.nodes.get(rec.id);
        if (!node) continue;
        rec.color = this.grouping.colorOf(node);
        const ele = this.cy.getElementById(rec.id);
        if (ele.empty()) continue;
        if (rec.color) ele.data('color', rec.color);
        else ele.removeData('color');
      }
    });
    this.nodeLayer.requestDraw();
  }

  private emitVisible(vis: VisibleGraph): void {
    this.events.visible({ counts: vis.counts, grouping: this.grouping, drawn: vis.nodes.size });
  }

  // ---- Cytoscape, kept in step with the scene -----------------------------------------------

  private syncCy(diff: ReturnType<typeof diffVisible>, changed: Set<string>): void {
    const cy = this.cy;
    const deferAll = diff.nodesAdded.length + diff.edgesAdded.length + this.pendingNodes.size + this.pendingEdges.size > SYNC_ELEMENTS;
    cy.batch(() => {
      const gone = cy.collection();
      for (const id of diff.edgesRemoved) if (!this.pendingEdges.delete(id)) gone.merge(cy.getElementById(id));
      for (const id of diff.nodesRemoved) if (!this.pendingNodes.delete(id)) gone.merge(cy.getElementById(id));
      cy.remove(gone);
      for (const id of diff.nodesAdded) this.pendingNodes.add(id);
      for (const id of diff.edgesAdded) this.pendingEdges.add(id);
      for (const id of changed) {
        if (this.pendingNodes.has(id) || this.pendingEdges.has(id)) continue;
        const ele = cy.getElementById(id);
        if (ele.empty()) continue;
        if (ele.isNode()) {
          const node = this.model.nodes.get(id)!;
          ele.data(this.nodeDataOf(id));
          if (!this.grouping.colorOf(node)) ele.removeData('color');
          ele.classes(node.kind + (this.scene.open?.id === id ? ' open' : ''));
        } else {
          (ele as EdgeSingular).data(edgeElement(this.model.edges.get(id)!).data);
        }
      }
      if (!deferAll) this.addPending(Infinity, Infinity);
    });
    if (this.pendingCount() > 0) this.schedulePump();
  }

  private pendingCount(): number {
    return this.pendingNodes.size + this.pendingEdges.size + this.pendingMoves.size;
  }

  /** Moves up to the given numbers of pending nodes and edges into Cytoscape. */
  private addPending(maxNodes: number, maxEdges: number): void {
    const cy = this.cy;
    const add: ElementDefinition[] = [];
    for (const id of this.pendingNodes) {
      if (add.length >= maxNodes) break;
      this.pendingNodes.delete(id);
      const rec = this.scene.byId.get(id);
      const node = this.model.nodes.get(id);
      if (!rec || !node) continue;
      add.push({ group: 'nodes', data: this.nodeDataOf(id), classes: node.kind + (this.scene.open === rec ? ' open' : ''), position: { x: rec.x, y: rec.y } });
    }
    let edges = 0;
    if (this.pendingNodes.size === 0) {
      for (const id of this.pendingEdges) {
        if (edges >= maxEdges) break;
        this.pendingEdges.delete(id);
        const e = this.model.edges.get(id);
        if (!e || !this.drawn.edges.has(id)) continue;
        add.push(edgeElement(e));
        edges++;
      }
    }
    if (add.length) cy.add(add);
  }

  private schedulePump(): void {
    if (this.pump !== null) return;
    this.pump = requestIdle((deadline) => {
      this.pump = null;
      if (this.destroyed) return;
      // Small slices while the page is idle, so handing a big graph over never holds up input.
      const until = performance.now() + Math.max(SLICE_MS, deadline?.timeRemaining() ?? 0);
      this.cy.batch(() => {
        do {
          this.addPending(SLICE_ELEMENTS, SLICE_ELEMENTS);
          if (this.pendingNodes.size === 0) this.movePending(4 * SLICE_ELEMENTS);
        } while (this.pendingCount() > 0 && performance.now() < until);
      });
      if (this.pendingCount() > 0) this.schedulePump();
      else this.events.mark?.('synced', { nodes: this.cy.nodes().length, edges: this.cy.edges().length });
    });
  }

  // ---- layout -------------------------------------------------------------------------------

  /** Runs the force layout over the visible graph; `free` limits which nodes may move. */
  private startLayout(vis: VisibleGraph, free: 'all' | Set<string>, alpha: number): void {
    const local = this.settings.mode === 'local';
    const positions = local ? this.localPos : this.globalPos;
    const ids = [...vis.nodes];
    const n = ids.length;
    if (n === 0) return;
    const index = new Map(ids.map((id, i) => [id, i]));
    const given = new Float32Array(2 * n).fill(NaN);
    ids.forEach((id, i) => {
      const p = positions.get(id);
      if (p) {
        given[2 * i] = p.x;
        given[2 * i + 1] = p.y;
      }
    });
    const radius = new Float32Array(n);
    ids.forEach((id, i) => {
      radius[i] = this.scene.byId.get(id)?.r ?? this.nodeDataOf(id).size / 2;
    });
    let pinned: Uint8Array | null = null;
    let freeMask: Uint8Array | null = null;
    if (free === 'all' && local && vis.centre) {
      // The open note stays put at the heart of its local graph.
      pinned = new Uint8Array(n);
      pinned[index.get(vis.centre)!] = 1;
    }
    if (free !== 'all') {
      pinned = new Uint8Array(n).fill(1);
      freeMask = new Uint8Array(n);
      for (const id of free) {
        const i = index.get(id);
        if (i !== undefined) {
          pinned[i] = 0;
          freeMask[i] = 1;
        }
      }
    }
    const animated = n <= ANIMATED_NODES || (free !== 'all' && free.size <= ANIMATED_NODES);
    // Dragging a node of a small graph pulls its neighbours along, as in Obsidian.
    this.runIndex = n <= ANIMATED_NODES && free === 'all' ? index : null;
    // The view follows the layout until the person takes over: always for a local graph, and for
    // the global one while it is first being laid out.
    const fit = (local || this.coldPending) && !this.userMoved;
    const started = performance.now();
    let firstSeen = false;
    this.events.layout({ running: true, progress: 0 });
    this.layout.start(
      {
        n,
        links: this.linkPairs(vis, index),
        positions: given,
        pinned,
        radius,
        // A coarser Barnes–Hut on big graphs: ~25% faster for the same picture (measured at 10k).
        forces: { linkDistance: this.settings.linkDistance, repulsion: this.settings.repulsion, ticks: free === 'all' ? 300 : 120, theta: n > 5000 ? 1.2 : 1.0 },
        alpha,
        // A big graph gets a first picture after about a second, then an update every few seconds.
        frameMs: animated ? 33 : this.coldPending ? 800 : 3000,
        maxTicks: free === 'all' ? (n > 20000 ? 200 : 400) : 150,
      },
      (frame) => {
        if (!firstSeen) {
          firstSeen = true;
          this.events.mark?.('first-frame', { ms: performance.now() - started, ticks: frame.ticks, workerMs: frame.ms });
        }
        this.latestFrame = { frame, ids, free: freeMask, fit };
        this.events.layout({ running: !frame.done, progress: frame.done ? 1 : frame.progress });
        if (frame.done) this.events.mark?.('settled', { ms: performance.now() - started, ticks: frame.ticks, workerMs: frame.ms, nodes: n });
        this.scheduleFrameApply();
      },
    );
  }

  private scheduleFrameApply(): void {
    if (this.frameTimer) return;
    this.frameTimer = requestAnimationFrame(() => {
      this.frameTimer = 0;
      const pending = this.latestFrame;
      if (!pending) return;
      // Keep the UI thread mostly free: after an expensive apply, wait before the next one
      // (the final frame always goes through).
      const now = performance.now();
      if (!pending.frame.done && now < this.nextApplyAt) {
        this.scheduleFrameApply();
        return;
      }
      this.latestFrame = null;
      this.applyFrame(pending.frame, pending.ids, pending.free, pending.fit);
      this.nextApplyAt = performance.now() + 3 * (performance.now() - now);
    });
  }

  private applyFrame(frame: LayoutFrame, ids: string[], free: Uint8Array | null, fit: boolean): void {
    const local = this.settings.mode === 'local';
    const positions = local ? this.localPos : this.globalPos;
    const xy = frame.positions;
    for (let i = 0; i < ids.length; i++) {
      if (free && !free[i]) continue;
      positions.set(ids[i]!, { x: xy[2 * i]!, y: xy[2 * i + 1]! });
    }
    if (this.coldPending) {
      this.coldPending = false;
      this.refresh(null);
      this.fitView(false);
    } else {
      for (let i = 0; i < ids.length; i++) {
        if (free && !free[i]) continue;
        const rec = this.scene.byId.get(ids[i]!);
        if (!rec || rec === this.scene.dragging) continue;
        rec.x = xy[2 * i]!;
        rec.y = xy[2 * i + 1]!;
      }
      // Cytoscape's positions only matter for hit testing: a small graph's follow every frame, a
      // big one's are handed over in idle time once the layout is done.
      if (this.scene.nodes.length <= ANIMATED_NODES || (free && ids.length <= ANIMATED_NODES)) this.syncCyPositions(ids, free);
      else if (frame.done) {
        for (let i = 0; i < ids.length; i++) if (!free || free[i]) this.pendingMoves.add(ids[i]!);
        this.schedulePump();
      }
      if (fit && !this.userMoved) this.fitView(false);
      this.redrawLayers();
    }
    if (frame.done && !local) this.scheduleSave();
  }

  /** Moves up to `max` lagging Cytoscape nodes to their scene positions. */
  private movePending(max: number): void {
    let moved = 0;
    for (const id of this.pendingMoves) {
      if (moved++ >= max) break;
      this.pendingMoves.delete(id);
      const rec = this.scene.byId.get(id);
      if (!rec || rec === this.scene.dragging) continue;
      const ele = this.cy.getElementById(id) as NodeSingular;
      if (ele.nonempty()) ele.position({ x: rec.x, y: rec.y });
    }
  }

  private syncCyPositions(ids: string[], free: Uint8Array | null): void {
    const cy = this.cy;
    cy.batch(() => {
      for (let i = 0; i < ids.length; i++) {
        if (free && !free[i]) continue;
        const rec = this.scene.byId.get(ids[i]!);
        if (!rec || rec === this.scene.dragging || this.pendingNodes.has(rec.id)) continue;
        const ele = cy.getElementById(rec.id) as NodeSingular;
        if (ele.nonempty()) ele.position({ x: rec.x, y: rec.y });
      }
    });
  }

  // ---- viewport -----------------------------------------------------------------------------

  private fitView(animate: boolean): void {
    const recs = this.scene.nodes;
    if (recs.length === 0) return;
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const r of recs) {
      x1 = Math.min(x1, r.x - r.r);
      y1 = Math.min(y1, r.y - r.r);
      x2 = Math.max(x2, r.x + r.r);
      y2 = Math.max(y2, r.y + r.r);
    }
    const w = this.cy.width();
    const h = this.cy.height();
    if (w === 0 || h === 0) return;
    // Room for the toolbar above and the legend below, which float over the drawing.
    const side = Math.min(32, Math.max(12, w / 12));
    const { top, bottom } = this.insets;
    // A lone node or two would be blown up to fill the pane.
    const zoom = Math.min(2, (w - 2 * side) / Math.max(1, x2 - x1), Math.max(20, h - top - bottom) / Math.max(1, y2 - y1));
    const pan = { x: w / 2 - ((x1 + x2) / 2) * zoom, y: top + (h - top - bottom) / 2 - ((y1 + y2) / 2) * zoom };
    if (animate && recs.length <= ANIMATED_NODES) this.cy.animate({ zoom, pan }, { duration: 250 });
    else this.cy.viewport({ zoom, pan });
  }

  /** Centres the open note when it is off screen or too small to make out. */
  private bringIntoView(): void {
    const rec = this.scene.open;
    if (!rec) return;
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    const sx = rec.x * zoom + pan.x;
    const sy = rec.y * zoom + pan.y;
    const margin = 24;
    const inside = sx > margin && sy > margin && sx < this.cy.width() - margin && sy < this.cy.height() - margin;
    const readable = rec.r * zoom >= 3;
    if (inside && readable) return;
    const level = readable ? zoom : Math.min(1.2, Math.max(zoom, 4 / rec.r));
    const target = { x: this.cy.width() / 2 - rec.x * level, y: this.cy.height() / 2 - rec.y * level };
    if (this.scene.nodes.length <= ANIMATED_NODES) this.cy.animate({ zoom: level, pan: target }, { duration: 300, easing: 'ease-in-out-cubic' });
    else this.cy.viewport({ zoom: level, pan: target });
  }

  // ---- interaction --------------------------------------------------------------------------

  private bindEvents(): void {
    const cy = this.cy;
    cy.on('render', () => this.cyRenders++);
    cy.on('tap', 'node', (event) => {
      const data = (event.target as NodeSingular).data() as NodeData;
      if (data.kind === 'note' && data.path) this.events.openNote(data.path);
    });
    cy.on('mouseover', 'node', (event) => this.hover((event.target as NodeSingular).id()));
    cy.on('mouseout', 'node', () => this.clearHover());
    cy.on('grab', 'node', () => this.clearHover());
    cy.on('drag', 'node', (event) => {
      const ele = event.target as NodeSingular;
      const rec = this.scene.byId.get(ele.id());
      if (!rec) return;
      const p = ele.position();
      rec.x = p.x;
      rec.y = p.y;
      // Only the overlay redraws while a node moves (see Scene.dragging); the layers below
      // redraw once without it when the drag starts, and once with it when it ends.
      if (rec === this.scene.dragging) {
        this.labelLayer.requestDraw();
      } else {
        this.scene.dragging = rec;
        // The view stops following the layout once the person moves things by hand.
        this.userMoved = true;
        this.redrawLayers();
      }
      const i = this.runIndex?.get(rec.id);
      if (i !== undefined) this.layout.pin(i, p.x, p.y);
    });
    cy.on('free', 'node', (event) => {
      if (!this.scene.dragging) return;
      const ele = event.target as NodeSingular;
      const p = ele.position();
      this.scene.dragging = null;
      this.redrawLayers();
      const i = this.runIndex?.get(ele.id());
      if (i !== undefined) this.layout.pin(i, null, null);
      (this.settings.mode === 'local' ? this.localPos : this.globalPos).set(ele.id(), { x: p.x, y: p.y });
      if (this.settings.mode === 'global') this.scheduleSave();
    });
    // A pan or zoom by hand stops the view from refitting itself under the person's feet.
    const moved = () => {
      this.userMoved = true;
    };
    this.cyContainer.addEventListener('wheel', moved, { passive: true });
    cy.on('dragpan', moved);
    cy.on('pinchzoom', moved);
  }

  private hover(id: string): void {
    const rec = this.scene.byId.get(id);
    if (!rec) return;
    const near = new Set<NodeRec>([rec]);
    for (const e of this.scene.edges) {
      if (e.s === rec) near.add(e.t);
      else if (e.t === rec) near.add(e.s);
    }
    this.scene.hovered = rec;
    this.scene.hoverNear = near;
    this.cyContainer.style.cursor = rec.kind === 'note' ? 'pointer' : 'default';
    this.labelLayer.requestDraw();
  }

  private clearHover(): void {
    if (!this.scene.hovered) return;
    this.scene.hovered = null;
    this.scene.hoverNear = new Set();
    this.cyContainer.style.cursor = '';
    this.labelLayer.requestDraw();
  }

  private redrawLayers(): void {
    this.edgeLayer.requestDraw();
    this.nodeLayer.requestDraw();
    this.labelLayer.requestDraw();
  }

  private onThemeChange = (): void => {
    this.theme = readTheme(this.host);
    this.cy.style(graphStylesheet(this.theme));
    this.edgeLayer.setLook(this.theme);
    this.nodeLayer.setTheme(this.theme);
    this.labelLayer.setTheme(this.theme);
  };

  // ---- persistence --------------------------------------------------------------------------

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.flushSave(), 1500);
  }

  private flushSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.vaultKey || this.globalPos.size === 0) return;
    // Keep what the vault still has; forget nodes long gone.
    const keep: PositionMap = new Map();
    for (const [id, p] of this.globalPos) if (this.model.nodes.has(id)) keep.set(id, p);
    void savePositions(this.vaultKey, keep);
  }
}

/** The methods of Cytoscape's renderer that fast mode swaps out (internal, present since 3.x). */
interface Pausable {
  render(options?: unknown): void;
  redraw(options?: unknown): void;
  flushRenderedStyleQueue(): void;
}

function hexRgb(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return [255, 255, 255];
  const v = parseInt(m[1]!, 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

let webglVerdict: boolean | null = null;

/**
 * Whether WebGL runs on a real GPU. Under software rendering (SwiftShader, llvmpipe) Cytoscape's
 * WebGL renderer measured far slower than its canvas one here (each frame stalls on a pixel
 * read-back for hit testing), so it is only used on hardware. `localStorage['cairn.graph.webgl']`
 * = `on` / `off` overrides the guess.
 */
function hardwareWebgl(): boolean {
  if (webglVerdict !== null) return webglVerdict;
  webglVerdict = false;
  try {
    const forced = localStorage.getItem('cairn.graph.webgl');
    if (forced === 'on' || forced === 'off') return (webglVerdict = forced === 'on');
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    webglVerdict = !/swiftshader|llvmpipe|software|basic render/i.test(renderer);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    webglVerdict = false;
  }
  return webglVerdict;
}

function requestIdle(fn: (deadline: IdleDeadline | null) => void): number {
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(fn, { timeout: 300 });
  return setTimeout(() => fn(null), 16) as unknown as number;
}

function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}
