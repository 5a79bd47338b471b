/**
 * Cytoscape kept in step with the scene. Cytoscape holds the drawn elements for hit testing,
 * dragging and the `window.cairn.graph` API; small changes reach it right away, big ones in
 * idle-time slices, so the first picture of a large vault never waits on it.
 *
 * Edges reach Cytoscape only while the drawing has at most CY_EDGES of them: it never draws them
 * (the edge layer does) and needs none for hit testing, so past that size they would only be API
 * surface, at ~25 µs of idle time and about a kilobyte of heap apiece: 1.6 M of them at 100k notes
 * were minutes of hand-over and most of the renderer's heap.
 */
import type { EdgeSingular, ElementDefinition, NodeSingular } from 'cytoscape';
import type { VisibleDiff } from './elements';
import { edgeElement } from './elements';
import { cancelIdle, requestIdle } from './render-support';
import type { ViewCore } from './view-core';

/** Changes up to this many elements go into Cytoscape at once; bigger ones in idle-time slices. */
const SYNC_ELEMENTS = 1500;
/** Elements per slice of idle-time adding (~25 µs each measured), and how long a slice may run. */
const SLICE_ELEMENTS = 150;
const SLICE_MS = 12;
/** Drawings with more edges than this keep them out of Cytoscape (see above). */
export const CY_EDGES = 20_000;

export class CySync {
  /** Drawn but not yet handed to Cytoscape. */
  readonly pendingNodes = new Set<string>();
  readonly pendingEdges = new Set<string>();
  /** Nodes whose Cytoscape position lags the scene's (big layouts hand positions over in idle time). */
  readonly pendingMoves = new Set<string>();
  private pump: number | null = null;
  /** Whether Cytoscape holds the drawn edges. */
  private edgesIn = true;

  constructor(private readonly v: ViewCore) {}

  clear(): void {
    this.pendingNodes.clear();
    this.pendingEdges.clear();
    this.pendingMoves.clear();
    this.edgesIn = true;
  }

  destroy(): void {
    if (this.pump !== null) cancelIdle(this.pump);
    this.pump = null;
  }

  count(): number {
    return this.pendingNodes.size + this.pendingEdges.size + this.pendingMoves.size;
  }

  sync(diff: VisibleDiff, changed: Set<string>): void {
    const { cy, model, scene, grouping, drawn } = this.v;
    const edgesIn = drawn.edges.size <= CY_EDGES;
    if (edgesIn !== this.edgesIn) {
      this.edgesIn = edgesIn;
      this.pendingEdges.clear();
      // Crossing the line either way: all drawn edges go in, or all go out.
      diff = edgesIn ? { ...diff, edgesAdded: [...drawn.edges], edgesRemoved: [] } : { ...diff, edgesAdded: [], edgesRemoved: [] };
      if (!edgesIn) cy.edges().remove();
    } else if (!edgesIn) diff = { ...diff, edgesAdded: [], edgesRemoved: [] };
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
          const node = model.nodes.get(id)!;
          const data = this.v.nodeDataOf(id);
          ele.data(data);
          if (!data.dim) ele.removeData('dim');
          if (!grouping.colorOf(node)) ele.removeData('color');
          ele.classes(node.kind + (scene.open?.id === id ? ' open' : ''));
        } else {
          (ele as EdgeSingular).data(edgeElement(model.edges.get(id)!).data);
        }
      }
      if (!deferAll) this.addPending(Infinity, Infinity);
    });
    if (this.count() > 0) this.schedulePump();
  }

  /** Moves up to the given numbers of pending nodes and edges into Cytoscape. */
  private addPending(maxNodes: number, maxEdges: number): void {
    const { cy, model, scene, drawn } = this.v;
    const add: ElementDefinition[] = [];
    for (const id of this.pendingNodes) {
      if (add.length >= maxNodes) break;
      this.pendingNodes.delete(id);
      const rec = scene.byId.get(id);
      const node = model.nodes.get(id);
      if (!rec || !node) continue;
      add.push({ group: 'nodes', data: this.v.nodeDataOf(id), classes: node.kind + (scene.open === rec ? ' open' : ''), position: { x: rec.x, y: rec.y } });
    }
    let edges = 0;
    if (this.pendingNodes.size === 0) {
      for (const id of this.pendingEdges) {
        if (edges >= maxEdges) break;
        this.pendingEdges.delete(id);
        const e = model.edges.get(id);
        if (!e || !drawn.edges.has(id)) continue;
        add.push(edgeElement(e));
        edges++;
      }
    }
    if (add.length) cy.add(add);
  }

  schedulePump(): void {
    if (this.pump !== null) return;
    this.pump = requestIdle((deadline) => {
      this.pump = null;
      if (this.v.destroyed) return;
      // Small slices while the page is idle, so handing a big graph over never holds up input.
      const until = performance.now() + Math.max(SLICE_MS, deadline?.timeRemaining() ?? 0);
      this.v.cy.batch(() => {
        do {
          this.addPending(SLICE_ELEMENTS, SLICE_ELEMENTS);
          if (this.pendingNodes.size === 0) this.movePending(4 * SLICE_ELEMENTS);
        } while (this.count() > 0 && performance.now() < until);
      });
      if (this.count() > 0) this.schedulePump();
      else this.v.events.mark?.('synced', { nodes: this.v.cy.nodes().length, edges: this.v.cy.edges().length });
    });
  }

  /** Moves up to `max` lagging Cytoscape nodes to their scene positions. */
  private movePending(max: number): void {
    const { cy, scene } = this.v;
    let moved = 0;
    for (const id of this.pendingMoves) {
      if (moved++ >= max) break;
      this.pendingMoves.delete(id);
      const rec = scene.byId.get(id);
      if (!rec || rec === scene.dragging) continue;
      const ele = cy.getElementById(id) as NodeSingular;
      if (ele.nonempty()) ele.position({ x: rec.x, y: rec.y });
    }
  }

  /** Moves the given nodes (those `free` allows) to their scene positions now. */
  syncPositions(ids: string[], free: Uint8Array | null): void {
    const { cy, scene } = this.v;
    cy.batch(() => {
      for (let i = 0; i < ids.length; i++) {
        if (free && !free[i]) continue;
        const rec = scene.byId.get(ids[i]!);
        if (!rec || rec === scene.dragging || this.pendingNodes.has(rec.id)) continue;
        const ele = cy.getElementById(rec.id) as NodeSingular;
        if (ele.nonempty()) ele.position({ x: rec.x, y: rec.y });
      }
    });
  }
}
