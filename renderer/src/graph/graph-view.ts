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
 * and in idle-time batches for big ones (cy-sync.ts), so the first picture of a large vault
 * never waits on it. The layout is driven by layout-driver.ts, pointer input by interaction.ts,
 * the scene built by scene-build.ts and the camera moved by camera.ts.
 */
import cytoscape from 'cytoscape';
import type { Core } from 'cytoscape';
import type { GraphData } from '../../../main/api';
import type { GraphNode, VaultDelta } from '../../../main/core/model';
import { ANIMATED_NODES, bringIntoView, fitView } from './camera';
import type { Insets } from './camera';
import { colourGroups } from './colour-groups';
import type { Grouping } from './colour-groups';
import { CySync } from './cy-sync';
import { EdgeLayer } from './edge-layer';
import { diffVisible, nodeData } from './elements';
import type { NodeData } from './elements';
import { graphFacets } from './facets';
import { graphPng, graphSvg } from './graph-export';
import { GraphModel } from './graph-model';
import type { ModelChange } from './graph-model';
import type { GraphSettings } from './graph-settings';
import { defaultSettings } from './graph-settings';
import { graphStylesheet, readTheme } from './graph-theme';
import type { GraphTheme } from './graph-theme';
import { bindInteraction, clearHover, updateLit } from './interaction';
import { KeyboardWalk } from './keyboard';
import { LabelLayer } from './label-layer';
import { LayoutDriver } from './layout-driver';
import { NodeLayer } from './node-layer';
import { applyLit } from './lighting';
import { loadPositions, savePositions } from './position-cache';
import type { PositionMap } from './position-cache';
import { RendererPause, hardwareWebgl, hexRgb } from './render-support';
import { emptyScene } from './scene';
import { placeFirst } from './first-placement';
import { edgesOfRec, markOpen, rebuildScene, regroup, seed } from './scene-build';
import type { GraphViewEvents, ViewCore } from './view-core';
import { revealOnly } from './timelapse';
import { visibleGraph } from './visible-graph';
import type { VisibleGraph } from './visible-graph';

export type { GraphViewEvents } from './view-core';

declare global {
  interface Window {
    cairn?: { graph?: Core } & Record<string, unknown>;
  }
}

/** Without a GPU, the node layer takes over above FAST_ON drawn nodes and hands back below FAST_OFF. */
const FAST_ON = 500;
const FAST_OFF = 350;

export interface GraphViewOptions {
  /** Use Cytoscape's WebGL renderer: `auto` picks it when a hardware GPU is there. */
  webgl?: boolean | 'auto';
  /** Where on `window.cairn` the Cytoscape core is published: `graph` (the side pane) or `graphView` (the main area). */
  apiName?: 'graph' | 'graphView';
}

export interface Camera {
  zoom: number;
  pan: { x: number; y: number };
}

export class GraphView implements ViewCore {
  readonly cy: Core;
  readonly scene = emptyScene();
  readonly cyContainer: HTMLDivElement;
  private readonly edgeLayer: EdgeLayer;
  private readonly nodeLayer: NodeLayer;
  private readonly labelLayer: LabelLayer;
  private readonly sync: CySync;
  private readonly layout: LayoutDriver;
  private readonly pause: RendererPause;
  private readonly keys: KeyboardWalk;
  private readonly apiName: 'graph' | 'graphView';
  private readonly webgl: boolean;
  private theme: GraphTheme;
  /** @internal Shared with the view's parts (see ViewCore). */
  model = new GraphModel();
  /** @internal */
  settings: GraphSettings = defaultSettings;
  /** @internal */
  grouping: Grouping = colourGroups([], 'none');
  /** @internal Query groups' colouring when there are any (see setGrouping), else null for the automatic one. */
  fixedGrouping: Grouping | null = null;
  /** Search hits to light (the rest dimmed), or null. */
  private lit: ReadonlySet<string> | null = null;
  /** During a time-lapse, the notes shown so far. */
  private reveal: ReadonlySet<string> | null = null;
  /** @internal */
  drawn: Pick<VisibleGraph, 'nodes' | 'edges'> = { nodes: new Set(), edges: new Set() };
  /** @internal */
  globalPos: PositionMap = new Map();
  /** @internal */
  localPos: PositionMap = new Map();
  /** @internal */
  userMoved = false;
  /** @internal */
  insets: Insets = { top: 34, bottom: 26 };
  /** @internal */
  coldPending = false;
  /** @internal */
  coldLayout = false;
  /** @internal */
  destroyed = false;
  private openId: string | null = null;
  private vaultKey: string | null = null;
  private last: VisibleGraph | null = null;
  private visMemo: { model: GraphModel; version: number; settings: GraphSettings; openId: string | null; vis: VisibleGraph } | null = null;
  private localCentre: string | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly media: MediaQueryList | null;
  private cyRenders = 0;

  constructor(
    readonly host: HTMLElement,
    readonly events: GraphViewEvents,
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
    this.pause = new RendererPause(this.cy);
    this.sync = new CySync(this);
    this.layout = new LayoutDriver(this, this.sync);
    this.nodeLayer = new NodeLayer(host, this.cy, this.scene, this.theme);
    this.edgeLayer = new EdgeLayer(host, this.cy, this.scene, this.theme);
    this.labelLayer = new LabelLayer(host, this.cy, this.scene, this.theme, (rec) => edgesOfRec(this, rec));
    this.resize();
    this.keys = new KeyboardWalk(this);
    bindInteraction(this, this.layout, (rec) => this.keys.focus(rec), () => this.cyRenders++);
    this.apiName = options.apiName ?? 'graph';
    window.cairn = { ...(window.cairn ?? {}), [this.apiName]: this.cy };
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
    this.grouping = this.fixedGrouping ?? colourGroups(this.model.nodes.values(), settings.groupBy);
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
    let resized: ModelChange | null = null;
    if (next.citationSize !== prev.citationSize) {
      // Only video nodes change size; they are few, so they are restyled in place.
      const videos = [...this.drawn.nodes].filter((id) => this.model.nodes.get(id)?.kind === 'video');
      resized = { nodesAdded: [], nodesRemoved: [], nodesChanged: videos, edgesAdded: [], edgesRemoved: [], edgesChanged: [] };
    }
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
    this.refresh(resized, forces ? 'forces' : undefined);
  }

  setOpen(id: string | null): void {
    if (id === this.openId) return;
    this.openId = id;
    if (!this.vaultKey) return;
    this.refresh(null, 'open');
  }

  /** Colours from query groups (graph-groups.ts), or null to go back to the automatic colouring. */
  setGrouping(grouping: Grouping | null): void {
    this.fixedGrouping = grouping;
    if (!this.vaultKey) return;
    this.regroup(false);
    this.emitVisible(this.last);
  }

  /** Lights these nodes and dims the rest (search hits), or null for none dimmed. */
  setLit(ids: ReadonlySet<string> | null): void {
    this.lit = ids;
    if (applyLit(this, ids)) this.redrawLayers();
  }

  /** Draws only these notes (and what hangs on them) while a time-lapse grows the graph; null for all. */
  setReveal(notes: ReadonlySet<string> | null): void {
    this.reveal = notes;
    if (this.vaultKey) this.refresh(null);
  }

  /** Every node of the vault's graph (drawn or not). */
  allNodes(): Iterable<GraphNode> {
    return this.model.nodes.values();
  }

  /** Lays the visible graph out again from where it is. */
  relayout(): void {
    if (this.last) this.layout.start(this.last, 'all', 1);
  }

  fit(): void {
    this.userMoved = false;
    fitView(this.cy, this.scene.nodes, this.insets, true);
  }

  /** Where the view looks, to put it back later (see setCamera). */
  camera(): Camera {
    return { zoom: this.cy.zoom(), pan: { ...this.cy.pan() } };
  }

  /** Looks where `camera` says, and stops the view from refitting itself over it. */
  setCamera(camera: Camera): void {
    this.userMoved = true;
    this.cy.viewport({ zoom: camera.zoom, pan: camera.pan });
  }

  /** The nodes, edges and labels now in view, as an SVG document. */
  exportSvg(): string {
    return graphSvg(this.scene, this.cy, this.theme);
  }

  /** The view as drawn, as a PNG (null when the browser refuses to read a canvas back). */
  exportPng(): Promise<Blob | null> {
    return graphPng(this.host, this.scene.fastNodes, this.theme);
  }

  /** Moves the keyboard focus (the selection) to a drawn node, or clears it. */
  focusNode(id: string | null): void {
    this.keys.focus(id ? (this.scene.byId.get(id) ?? null) : null);
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
    this.sync.destroy();
    this.keys.destroy();
    this.media?.removeEventListener('change', this.onThemeChange);
    this.edgeLayer.destroy();
    this.nodeLayer.destroy();
    this.labelLayer.destroy();
    if (window.cairn?.[this.apiName] === this.cy) delete window.cairn[this.apiName];
    this.cy.destroy();
    this.cyContainer.remove();
  }

  /** For tests and the bench: how the view is doing. */
  stats(): { draws: number; cyRenders: number; drawnNodes: number; drawnEdges: number; cyNodes: number; cyEdges: number; pending: number; fastNodes: boolean; webgl: boolean; edgeDrawMs: number; nodeDrawMs: number; labelDrawMs: number; layoutRunning: boolean; focusMoveMs: number; edgesPicked: number; edgesComplete: boolean; labels: number } {
    return {
      // The last picture's level of detail: edges drawn out of the budget (the open note's
      // aside), whether those were all the edges in view, and labels shown.
      edgesPicked: this.edgeLayer.picked,
      edgesComplete: this.edgeLayer.complete,
      labels: this.labelLayer.labels,
      drawnNodes: this.drawn.nodes.size,
      drawnEdges: this.drawn.edges.size,
      cyNodes: this.cy.nodes().length,
      cyEdges: this.cy.edges().length,
      pending: this.sync.count(),
      fastNodes: this.scene.fastNodes,
      webgl: this.webgl,
      edgeDrawMs: this.edgeLayer.drawMs,
      nodeDrawMs: this.nodeLayer.drawMs,
      labelDrawMs: this.labelLayer.drawMs,
      draws: this.edgeLayer.draws + this.nodeLayer.draws + this.labelLayer.draws,
      cyRenders: this.cyRenders,
      layoutRunning: this.layout.running,
      focusMoveMs: this.keys.lastMoveMs,
    };
  }

  // ---- the diff -----------------------------------------------------------------------------

  /** @internal */
  refresh(change: ModelChange | null, reason?: 'open' | 'forces'): void {
    const started = performance.now();
    const s = this.settings;
    const local = s.mode === 'local';
    const all = this.visibleNow();
    const vis = this.reveal ? revealOnly(this.model, all, this.reveal) : all;
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

    // A cold start (most of the vault never laid out). A small graph is laid out first and drawn
    // from the layout's first frame, a few ms away; a big one is drawn at once from a placement
    // by folder, which the force layout then refines in the worker with the view following it.
    let cold = false;
    if (!local && this.drawn.nodes.size === 0 && vis.nodes.size > 0 && !this.coldPending) {
      let known = 0;
      for (const id of vis.nodes) if (positions.has(id)) known++;
      if (known < vis.nodes.size / 2) {
        if (vis.nodes.size <= ANIMATED_NODES) {
          this.coldPending = true;
          this.coldLayout = true;
          this.emitVisible(vis);
          this.layout.start(vis, 'all', 1);
          return;
        }
        cold = true;
        placeFirst(this.model, vis, positions, this.settings.linkDistance);
      }
    }
    if (this.coldPending) {
      // Still waiting for the first frame, which calls back here.
      this.emitVisible(vis);
      if (reason === 'forces') this.layout.start(vis, 'all', 1);
      return;
    }

    const diff = diffVisible(this.drawn, vis);
    if (local) for (const id of positions.keys()) if (!vis.nodes.has(id)) positions.delete(id);
    const fresh = diff.nodesAdded.filter((id) => !positions.has(id));
    if (fresh.length > 0) seed(this, fresh, vis, positions, local);
    this.drawn = { nodes: vis.nodes, edges: vis.edges };

    // The scene first: it is what the canvases draw.
    const changed = new Set(change ? [...change.nodesChanged, ...change.edgesChanged] : []);
    const structural = diff.nodesAdded.length + diff.nodesRemoved.length + diff.edgesAdded.length + diff.edgesRemoved.length > 0 || changed.size > 0;
    if (structural) {
      rebuildScene(this, vis, positions, changed);
      this.keys.rescene();
    }
    this.updateFastMode(vis.nodes.size);
    markOpen(this, vis.centre ?? (this.openId && vis.nodes.has(this.openId) ? this.openId : null));
    this.redrawLayers();
    this.emitVisible(vis);
    if (diff.nodesAdded.length > 0 && this.events.mark) {
      const ms = performance.now() - started;
      // Two frames: Cytoscape draws in its own animation frame callback, which may run after ours.
      requestAnimationFrame(() => requestAnimationFrame(() => this.events.mark?.('drawn', { nodes: vis.nodes.size, edges: vis.edges.size, ms })));
    }

    // Then Cytoscape, now or soon.
    this.sync.sync(diff, changed);

    // Layout: what needs to move, if anything.
    if (cold) {
      this.coldLayout = true;
      fitView(this.cy, this.scene.nodes, this.insets, false);
      this.layout.start(vis, 'all', 1);
    } else if (reason === 'forces') this.layout.start(vis, 'all', this.coldLayout ? 1 : 0.6);
    else if (local && (centreMoved || fresh.length > 0)) this.layout.start(vis, 'all', fresh.length === vis.nodes.size ? 1 : 0.6);
    // New notes during a first layout join it rather than replace it with a run of their own.
    else if (!local && fresh.length > 0) this.layout.start(vis, this.coldLayout ? 'all' : new Set(fresh), this.coldLayout ? 0.8 : 0.4);

    if (local && (centreMoved || diff.nodesAdded.length > 0) && !this.userMoved) fitView(this.cy, this.scene.nodes, this.insets, false);
    if (!local && reason === 'open' && this.scene.open) bringIntoView(this.cy, this.scene.open, this.scene.nodes.length);
    if (!local && fresh.length > 0) this.scheduleSave();
  }

  /**
   * The visible graph, recomputed only when the model, the settings or (for a local graph) the
   * open note changed: opening a note in the global graph of a 100k-note vault used to walk all
   * 1.6 M links again for the same answer.
   */
  private visibleNow(): VisibleGraph {
    const m = this.visMemo;
    const local = this.settings.mode === 'local';
    if (m && m.model === this.model && m.version === this.model.version && m.settings === this.settings && (!local || m.openId === this.openId)) return m.vis;
    const vis = visibleGraph(this.model, this.settings, this.openId);
    this.visMemo = { model: this.model, version: this.model.version, settings: this.settings, openId: this.openId, vis };
    return vis;
  }

  private clearDrawing(): void {
    this.layout.stop();
    this.sync.clear();
    this.cy.elements().remove();
    this.drawn = { nodes: new Set(), edges: new Set() };
    this.coldPending = false;
    this.coldLayout = false;
    this.scene.nodes = [];
    this.scene.edges = [];
    this.scene.edgeOrder = new Uint32Array(0);
    this.scene.openEdges = [];
    this.scene.byId = new Map();
    this.scene.open = null;
    this.scene.dragging = null;
    this.scene.focused = null;
    this.scene.focusNear = new Set();
    clearHover(this);
    updateLit(this);
  }

  /** @internal */
  nodeDataOf(id: string): NodeData {
    const node = this.model.nodes.get(id)!;
    const weight = node.kind === 'video' && this.settings.citationSize ? this.model.citations(id) : this.model.degree(id);
    const data = nodeData(node, weight, this.grouping.colorOf(node));
    if (this.lit && !this.lit.has(id)) data.dim = 1;
    return data;
  }

  /**
   * Without a GPU, large drawings switch node drawing to the node layer (with some hysteresis),
   * and Cytoscape's renderer is paused meanwhile (see RendererPause).
   */
  private updateFastMode(count: number): void {
    const fast = !this.webgl && (this.scene.fastNodes ? count > FAST_OFF : count > FAST_ON);
    if (fast === this.scene.fastNodes) return;
    this.scene.fastNodes = fast;
    this.host.classList.toggle('is-fast', fast);
    this.pause.set(fast);
    this.nodeLayer.requestDraw();
  }

  private regroup(onlyIfGroupsMoved: boolean): void {
    if (regroup(this, onlyIfGroupsMoved)) this.nodeLayer.requestDraw();
  }

  private emitVisible(vis: VisibleGraph | null): void {
    if (!vis) return;
    this.events.visible({ counts: vis.counts, grouping: this.grouping, drawn: vis.nodes.size });
  }

  // ---- drawing ------------------------------------------------------------------------------

  /** @internal */
  redrawLayers(): void {
    this.edgeLayer.requestDraw();
    this.nodeLayer.requestDraw();
    this.labelLayer.requestDraw();
  }

  /** @internal */
  redrawOverlay(): void {
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

  /** @internal */
  scheduleSave(): void {
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
