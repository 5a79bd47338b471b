/**
 * Drives the force layout (run in a worker by `LayoutRunner`) over the visible graph and brings
 * its frames onto the screen: into the positions, the scene, and Cytoscape, without holding up
 * the UI thread on a big graph.
 */
import { ANIMATED_NODES, fitView } from './camera';
import type { CySync } from './cy-sync';
import type { GraphModel } from './graph-model';
import type { LayoutFrame } from './layout-protocol';
import { LayoutRunner } from './layout-runner';
import type { VisibleGraph } from './visible-graph';
import type { ViewCore } from './view-core';
import { positionsOf } from './view-core';

export class LayoutDriver {
  readonly runner = new LayoutRunner();
  /** Node id → index in the current layout run, when dragging may steer it. */
  runIndex: Map<string, number> | null = null;
  private frameTimer = 0;
  private latestFrame: { frame: LayoutFrame; ids: string[]; free: Uint8Array | null; fit: boolean } | null = null;
  private nextApplyAt = 0;

  constructor(
    private readonly v: ViewCore,
    private readonly sync: CySync,
  ) {}

  get running(): boolean {
    return this.runner.running;
  }

  stop(): void {
    this.runner.stop();
    this.runIndex = null;
  }

  destroy(): void {
    this.runner.destroy();
    if (this.frameTimer) cancelAnimationFrame(this.frameTimer);
  }

  /** Steers a node being dragged (null lets it go). */
  pin(id: string, x: number | null, y: number | null): void {
    const i = this.runIndex?.get(id);
    if (i !== undefined) this.runner.pin(i, x, y);
  }

  /** Runs the force layout over the visible graph; `free` limits which nodes may move. */
  start(vis: VisibleGraph, free: 'all' | Set<string>, alpha: number): void {
    const v = this.v;
    const local = v.settings.mode === 'local';
    const positions = positionsOf(v);
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
      radius[i] = v.scene.byId.get(id)?.r ?? v.nodeDataOf(id).size / 2;
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
    const fit = (local || v.coldLayout) && !v.userMoved;
    const started = performance.now();
    let firstSeen = false;
    v.events.layout({ running: true, progress: 0 });
    this.runner.start(
      {
        n,
        links: linkPairs(v.model, vis, index),
        positions: given,
        pinned,
        radius,
        // A coarser Barnes–Hut on big graphs: ~25% faster for the same picture (measured at 10k).
        forces: { linkDistance: v.settings.linkDistance, repulsion: v.settings.repulsion, ticks: free === 'all' ? 300 : 120, theta: n > 5000 ? 1.2 : 1.0 },
        alpha,
        // A big graph gets a first picture after about a second, then an update every few seconds.
        frameMs: animated ? 33 : v.coldLayout ? 800 : 3000,
        maxTicks: free === 'all' ? (n > 20000 ? 200 : 400) : 150,
      },
      (frame) => {
        if (!firstSeen) {
          firstSeen = true;
          v.events.mark?.('first-frame', { ms: performance.now() - started, ticks: frame.ticks, workerMs: frame.ms });
        }
        this.latestFrame = { frame, ids, free: freeMask, fit };
        v.events.layout({ running: !frame.done, progress: frame.done ? 1 : frame.progress });
        if (frame.done) v.events.mark?.('settled', { ms: performance.now() - started, ticks: frame.ticks, workerMs: frame.ms, nodes: n });
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
    const v = this.v;
    const local = v.settings.mode === 'local';
    const positions = positionsOf(v);
    const xy = frame.positions;
    for (let i = 0; i < ids.length; i++) {
      if (free && !free[i]) continue;
      positions.set(ids[i]!, { x: xy[2 * i]!, y: xy[2 * i + 1]! });
    }
    if (v.coldPending) {
      v.coldPending = false;
      v.refresh(null);
      fitView(v.cy, v.scene.nodes, v.insets, false);
    } else {
      for (let i = 0; i < ids.length; i++) {
        if (free && !free[i]) continue;
        const rec = v.scene.byId.get(ids[i]!);
        if (!rec || rec === v.scene.dragging) continue;
        rec.x = xy[2 * i]!;
        rec.y = xy[2 * i + 1]!;
      }
      // Cytoscape's positions only matter for hit testing: a small graph's follow every frame, a
      // big one's are handed over in idle time, after every frame (a first layout of a big vault
      // runs for minutes, and a click must land on the dot where it is drawn).
      if (v.scene.nodes.length <= ANIMATED_NODES || (free && ids.length <= ANIMATED_NODES)) this.sync.syncPositions(ids, free);
      else {
        for (let i = 0; i < ids.length; i++) if (!free || free[i]) this.sync.pendingMoves.add(ids[i]!);
        this.sync.schedulePump();
      }
      if (fit && !v.userMoved) fitView(v.cy, v.scene.nodes, v.insets, false);
      v.redrawLayers();
    }
    if (frame.done) v.coldLayout = false;
    if (frame.done && !local) v.scheduleSave();
  }
}

/** The visible edges as pairs of indices into `index`. */
export function linkPairs(model: GraphModel, vis: VisibleGraph, index: Map<string, number>): Uint32Array {
  const pairs = new Uint32Array(2 * vis.edges.size);
  let k = 0;
  for (const eid of vis.edges) {
    const e = model.edges.get(eid)!;
    pairs[k++] = index.get(e.source)!;
    pairs[k++] = index.get(e.target)!;
  }
  return pairs;
}
