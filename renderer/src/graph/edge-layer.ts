/**
 * Draws the graph's edges on a canvas under Cytoscape's nodes, in a few batched paths (one per
 * look) rather than one canvas call per edge. Cytoscape's canvas renderer strokes each edge on
 * its own, about 0.1 ms apiece in software rendering, so a 50k-edge view took seconds a frame; one
 * path of 50k short lines takes ~50 ms. Cytoscape still holds the edges (hidden) so the core
 * knows the whole graph.
 */
import type { Core } from 'cytoscape';
import type { EdgeRec, Scene } from './scene';
import { EDGE_LINK } from './scene';

import { pickEdges } from './edge-budget';
import type { Viewport } from './viewport-canvas';
import { ViewportCanvas, graphExtent } from './viewport-canvas';

/** Edges drawn at most in one picture besides the open note's; beyond, the lowest-ranked (see `EdgeRec.rank`). */
export const EDGE_BUDGET = 5000;

export interface EdgeLook {
  edge: string;
  edgeSoft: string;
  accent: string;
}

export class EdgeLayer extends ViewportCanvas {
  /** Edges the last picture drew out of the budget, and whether those were all the edges in view. */
  picked = 0;
  complete = true;

  constructor(
    container: HTMLElement,
    cy: Core,
    private readonly scene: Scene,
    private look: EdgeLook,
  ) {
    super(container, cy, 'graph-edges', 'under');
  }

  setLook(look: EdgeLook): void {
    this.look = look;
    this.requestDraw();
  }

  protected draw(view: Viewport): number {
    const { ctx, scene, look } = this;
    const edges = scene.edges;
    this.picked = 0;
    this.complete = true;
    if (edges.length === 0) return 0;
    const box = graphExtent(view);
    const { x1, y1, x2, y2 } = box;
    const zoom = view.zoom;
    const open = scene.open;
    const dragging = scene.dragging;

    // At most a budget of edges (the same ones every time; see edge-budget.ts), at a strength
    // that keeps the overall shade: 50k long lines take the best part of a second to rasterise
    // without a GPU, and look no different from 5k. The open note's edges are drawn apart, all of them.
    const skip = open !== null || dragging !== null ? (e: EdgeRec) => e.s === open || e.t === open || e.s === dragging || e.t === dragging : null;
    const pick = pickEdges(edges, scene.edgeOrder, box, EDGE_BUDGET, skip);
    this.picked = pick.edges.length;
    this.complete = pick.complete;
    const density = Math.max(0.22, Math.min(1, Math.sqrt(1200 / Math.max(1, pick.edges.length))));
    const alpha = 0.55 * density;
    const width = Math.max(0.6, Math.min(1.4, zoom * 1.1)) / zoom;
    const mine = dragging ? scene.openEdges.filter((e) => e.s !== dragging && e.t !== dragging) : scene.openEdges;
    let drawn = 0;

    const stroke = (list: readonly EdgeRec[], links: boolean, marked: boolean, color: string, a: number, dash: number) => {
      ctx.beginPath();
      let any = false;
      for (const e of list) {
        if ((e.kind === EDGE_LINK) !== links) continue;
        if (marked && !inView(e, x1, y1, x2, y2)) continue;
        ctx.moveTo(e.s.x, e.s.y);
        ctx.lineTo(e.t.x, e.t.y);
        any = true;
        drawn++;
      }
      if (!any) return;
      ctx.globalAlpha = a;
      ctx.strokeStyle = color;
      ctx.lineWidth = marked ? width * 1.5 : width;
      ctx.setLineDash(dash ? [dash / zoom, dash / zoom] : []);
      ctx.stroke();
    };
    stroke(pick.edges, false, false, look.edgeSoft, alpha * 0.9, 3);
    stroke(pick.edges, true, false, look.edge, alpha, 0);
    stroke(mine, false, true, look.accent, 0.55, 3);
    stroke(mine, true, true, look.accent, 0.7, 0);
    ctx.setLineDash([]);
    if (scene.arrows && zoom > 0.3) {
      drawArrows(ctx, pick.edges, (e) => e.kind === EDGE_LINK, zoom, x1, y1, x2, y2);
      ctx.globalAlpha = Math.min(1, alpha * 1.3);
      ctx.fillStyle = look.edge;
      ctx.fill();
      if (open) {
        drawArrows(ctx, mine, (e) => e.kind === EDGE_LINK, zoom, x1, y1, x2, y2);
        ctx.globalAlpha = 0.8;
        ctx.fillStyle = look.accent;
        ctx.fill();
      }
    }
    return drawn;
  }
}

export function inView(e: EdgeRec, x1: number, y1: number, x2: number, y2: number): boolean {
  const { s, t } = e;
  return !((s.x < x1 && t.x < x1) || (s.x > x2 && t.x > x2) || (s.y < y1 && t.y < y1) || (s.y > y2 && t.y > y2));
}

/** Adds an arrowhead path at the target end of each chosen edge (the caller fills it). */
export function drawArrows(ctx: CanvasRenderingContext2D, edges: Iterable<EdgeRec>, want: (e: EdgeRec) => boolean, zoom: number, x1: number, y1: number, x2: number, y2: number): void {
  const size = Math.max(3.5, 7 / zoom);
  ctx.beginPath();
  for (const e of edges) {
    if (!want(e) || !inView(e, x1, y1, x2, y2)) continue;
    const dx = e.t.x - e.s.x;
    const dy = e.t.y - e.s.y;
    const len = Math.hypot(dx, dy);
    const r = e.t.r;
    if (len <= r + size + e.s.r) continue;
    const ux = dx / len;
    const uy = dy / len;
    const tipX = e.t.x - ux * r;
    const tipY = e.t.y - uy * r;
    const baseX = tipX - ux * size;
    const baseY = tipY - uy * size;
    const half = size * 0.42;
    ctx.moveTo(tipX, tipY);
    ctx.lineTo(baseX - uy * half, baseY + ux * half);
    ctx.lineTo(baseX + uy * half, baseY - ux * half);
    ctx.closePath();
  }
}
