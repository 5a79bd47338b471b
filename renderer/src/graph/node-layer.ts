/**
 * Draws the nodes of a large graph when there is no GPU to speak of. Cytoscape's canvas renderer
 * measured about 3 s for the first frame of 10k nodes in software rendering (and its WebGL one
 * slower still under SwiftShader); one filled path per colour draws the same 10k in well under
 * 100 ms. Cytoscape keeps the nodes, its rendering paused, for hit testing, dragging and its
 * API; with a hardware GPU its WebGL renderer draws them instead.
 */
import type { Core } from 'cytoscape';
import type { GraphTheme } from './graph-theme';
import type { NodeRec, Scene } from './scene';
import type { Viewport } from './viewport-canvas';
import { drawVideoPictures } from './video-pictures';
import { ViewportCanvas, graphExtent } from './viewport-canvas';

/** How visible a node outside a lit search stays. */
export const DIM_ALPHA = 0.15;

export class NodeLayer extends ViewportCanvas {
  constructor(
    container: HTMLElement,
    cy: Core,
    private readonly scene: Scene,
    private theme: GraphTheme,
  ) {
    super(container, cy, 'graph-nodes', 'under');
  }

  setTheme(theme: GraphTheme): void {
    this.theme = theme;
    this.requestDraw();
  }

  protected draw(view: Viewport): number {
    const { ctx, scene, theme } = this;
    if (!scene.fastNodes || scene.nodes.length === 0) return 0;
    const zoom = view.zoom;
    const { x1, y1, x2, y2 } = graphExtent(view, 40);
    // Sub-pixel nodes are squares: far cheaper than arcs and the same at that size.
    const tiny = 1.2 / zoom;
    const fills = new Map<string, NodeRec[]>();
    const ghosts: NodeRec[] = [];
    const videos: NodeRec[] = [];
    let drawn = 0;
    for (const rec of scene.nodes) {
      if (rec.x + rec.r < x1 || rec.x - rec.r > x2 || rec.y + rec.r < y1 || rec.y - rec.r > y2) continue;
      if (rec === scene.dragging) continue;
      drawn++;
      if (rec.kind === 'ghost') {
        ghosts.push(rec);
        continue;
      }
      if (rec.kind === 'video') videos.push(rec);
      // Dimmed nodes (outside a lit search) share a fill per colour, drawn faint.
      const color = (rec.dim ? '~' : '') + (rec.color ?? (rec.kind === 'tag' ? theme.tag : rec.kind === 'video' ? theme.video : theme.node));
      let list = fills.get(color);
      if (!list) fills.set(color, (list = []));
      list.push(rec);
    }
    for (const [color, list] of fills) {
      ctx.beginPath();
      for (const rec of list) shape(ctx, rec, tiny);
      ctx.globalAlpha = color.startsWith('~') ? DIM_ALPHA : 1;
      ctx.fillStyle = color.replace(/^~/, '');
      ctx.fill();
    }
    ctx.globalAlpha = 1;
    if (videos.length) drawVideoPictures(ctx, this.cy, videos, zoom, () => this.requestDraw());
    if (ghosts.length) {
      ctx.beginPath();
      for (const rec of ghosts) shape(ctx, rec, tiny);
      ctx.fillStyle = theme.background;
      ctx.fill();
      ctx.setLineDash([2 / zoom, 2 / zoom]);
      ctx.lineWidth = 1.5 / zoom;
      ctx.strokeStyle = theme.ghost;
      ctx.stroke();
      ctx.setLineDash([]);
    }
    const open = scene.open;
    if (open && open !== scene.dragging) {
      ctx.beginPath();
      ctx.arc(open.x, open.y, open.r + 1.5 / zoom, 0, 2 * Math.PI);
      ctx.lineWidth = 3 / zoom;
      ctx.strokeStyle = theme.accent;
      ctx.stroke();
    }
    return drawn;
  }
}

/** Draws one node as the node layer would (for the overlay while it is dragged). */
export function drawNode(ctx: CanvasRenderingContext2D, rec: NodeRec, theme: GraphTheme, zoom: number, open: boolean): void {
  ctx.beginPath();
  shape(ctx, rec, 1.2 / zoom);
  if (rec.kind === 'ghost') {
    ctx.fillStyle = theme.background;
    ctx.fill();
    ctx.setLineDash([2 / zoom, 2 / zoom]);
    ctx.lineWidth = 1.5 / zoom;
    ctx.strokeStyle = theme.ghost;
    ctx.stroke();
    ctx.setLineDash([]);
  } else {
    ctx.fillStyle = rec.color ?? (rec.kind === 'tag' ? theme.tag : rec.kind === 'video' ? theme.video : theme.node);
    ctx.fill();
  }
  if (open) {
    ctx.beginPath();
    ctx.arc(rec.x, rec.y, rec.r + 1.5 / zoom, 0, 2 * Math.PI);
    ctx.lineWidth = 3 / zoom;
    ctx.strokeStyle = theme.accent;
    ctx.stroke();
  }
}

function shape(ctx: CanvasRenderingContext2D, rec: NodeRec, tiny: number): void {
  const { x, y, r } = rec;
  if (r < tiny) {
    ctx.rect(x - r, y - r, 2 * r, 2 * r);
    return;
  }
  if (rec.kind === 'tag') {
    ctx.roundRect(x - r, y - r, 2 * r, 2 * r, r * 0.3);
    return;
  }
  if (rec.kind === 'video') {
    ctx.moveTo(x, y - r);
    ctx.lineTo(x + r, y + r * 0.8);
    ctx.lineTo(x - r, y + r * 0.8);
    ctx.closePath();
    return;
  }
  ctx.moveTo(x + r, y);
  ctx.arc(x, y, r, 0, 2 * Math.PI);
}
