/**
 * Labels and the hover focus, drawn on a canvas over Cytoscape's nodes. Labels fade in with zoom
 * (by their size on screen, so a hub's bigger label shows before a leaf's) and only those in view
 * are drawn, which keeps a 10k-note overview free of label work. Hovering a node dims the rest
 * of the picture under a veil with holes for the node's neighbourhood, draws the neighbourhood's
 * links in the accent colour and names every neighbour; none of this touches Cytoscape's styles,
 * so it costs the same on 50 notes as on 10,000.
 */
import type { Core } from 'cytoscape';
import type { GraphTheme } from './graph-theme';
import { drawArrows, inView } from './edge-layer';
import { drawNode } from './node-layer';
import { labelAlpha, placeLabels } from './label-budget';
import type { LabelBox } from './label-budget';
import type { EdgeRec, NodeRec, Scene } from './scene';
import { EDGE_LINK } from './scene';
import type { Viewport } from './viewport-canvas';
import { ViewportCanvas, graphExtent } from './viewport-canvas';

const MAX_CHARS = 42;

export class LabelLayer extends ViewportCanvas {
  /** Labels in the last picture. */
  labels = 0;

  constructor(
    container: HTMLElement,
    cy: Core,
    private readonly scene: Scene,
    private theme: GraphTheme,
    /** A drawn node's drawn edges (from the model's incidence, not a scan of every edge). */
    private readonly edgesOf: (rec: NodeRec) => EdgeRec[],
  ) {
    super(container, cy, 'graph-labels', 'over');
  }

  setTheme(theme: GraphTheme): void {
    this.theme = theme;
    this.requestDraw();
  }

  protected draw(view: Viewport): number {
    const { ctx, scene, theme } = this;
    const zoom = view.zoom;
    const ext = graphExtent(view, 60);
    // The pointer's node wins; otherwise the focused one lights its neighbourhood.
    const hovered = scene.hovered ?? scene.focused;
    const near = scene.hovered ? scene.hoverNear : scene.focusNear;
    const dragging = scene.dragging;

    if (dragging) {
      // The dragged node and its edges, which the layers below leave out while it moves.
      ctx.beginPath();
      for (const e of this.edgesOf(dragging)) {
        ctx.moveTo(e.s.x, e.s.y);
        ctx.lineTo(e.t.x, e.t.y);
      }
      ctx.globalAlpha = 0.8;
      ctx.strokeStyle = theme.accent;
      ctx.lineWidth = Math.max(0.8, Math.min(1.6, zoom * 1.4)) / zoom;
      ctx.stroke();
      ctx.globalAlpha = 1;
      // In the fast mode the node layer draws nodes; otherwise Cytoscape draws the dragged one itself.
      if (scene.fastNodes) drawNode(ctx, dragging, theme, zoom, dragging === scene.open);
    }

    if (hovered) {
      ctx.globalAlpha = theme.dark ? 0.74 : 0.7;
      ctx.fillStyle = theme.background;
      ctx.fillRect(ext.x1, ext.y1, ext.x2 - ext.x1, ext.y2 - ext.y1);
      const mine = hovered === scene.open ? scene.openEdges : this.edgesOf(hovered);
      ctx.beginPath();
      for (const e of mine) {
        if (!inView(e, ext.x1, ext.y1, ext.x2, ext.y2)) continue;
        ctx.moveTo(e.s.x, e.s.y);
        ctx.lineTo(e.t.x, e.t.y);
      }
      ctx.globalAlpha = 0.9;
      ctx.strokeStyle = theme.accent;
      ctx.lineWidth = Math.max(1, Math.min(2, zoom * 1.6)) / zoom;
      ctx.stroke();
      if (scene.arrows) {
        drawArrows(ctx, mine, (e) => e.kind === EDGE_LINK, zoom, ext.x1, ext.y1, ext.x2, ext.y2);
        ctx.fillStyle = theme.accent;
        ctx.fill();
      }
      // Let the neighbourhood's own nodes (drawn by Cytoscape underneath) show through.
      ctx.globalCompositeOperation = 'destination-out';
      ctx.globalAlpha = 1;
      ctx.beginPath();
      for (const n of near) {
        ctx.moveTo(n.x + n.r + 1.5 / zoom, n.y);
        ctx.arc(n.x, n.y, n.r + 1.5 / zoom, 0, 2 * Math.PI);
      }
      ctx.fill();
      ctx.globalCompositeOperation = 'source-over';
      ctx.beginPath();
      ctx.arc(hovered.x, hovered.y, hovered.r + 2 / zoom, 0, 2 * Math.PI);
      ctx.strokeStyle = theme.accent;
      ctx.lineWidth = 2 / zoom;
      ctx.stroke();
    }

    const focused = scene.focused;
    if (focused) {
      // The keyboard focus ring: the accent inside a ring of the text colour, so it shows on any node colour.
      ctx.globalAlpha = 1;
      ctx.beginPath();
      ctx.arc(focused.x, focused.y, focused.r + 5 / zoom, 0, 2 * Math.PI);
      ctx.strokeStyle = theme.text;
      ctx.lineWidth = 4 / zoom;
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(focused.x, focused.y, focused.r + 5 / zoom, 0, 2 * Math.PI);
      ctx.strokeStyle = theme.accent;
      ctx.lineWidth = 2 / zoom;
      ctx.stroke();
    }

    // Labels: the candidates (in view, legible), most important first, each placed only where
    // it does not overlap one already placed, up to a budget (label-budget.ts).
    interface Label extends LabelBox {
      rec: NodeRec;
      alpha: number;
      px: number;
    }
    const candidates: Label[] = [];
    const consider = (rec: NodeRec, forced: boolean) => {
      if (rec.x < ext.x1 || rec.x > ext.x2 || rec.y < ext.y1 || rec.y > ext.y2) return;
      if (rec.dim && !forced) return;
      const alpha = forced ? 1 : labelAlpha(rec.font, zoom);
      if (alpha === 0) return;
      const onScreen = rec.font * zoom;
      // On screen a label stays between readable and modest, whatever the zoom; sizes are
      // rounded so labels share a few fonts.
      const px = Math.round(Math.max(Math.min(onScreen, 11 + rec.font / 4), forced ? 11 : 0) * 2) / 2;
      // Screen box of the label, from an average glyph width (measuring every label costs more than it saves).
      const w = shorten(rec.label).length * px * 0.56;
      candidates.push({ rec, alpha, forced, px, sx: rec.x * zoom + view.x, sy: (rec.y + rec.r) * zoom + view.y + 2, w, h: px * 1.15 });
    };
    if (hovered) {
      for (const rec of near) consider(rec, true);
    } else {
      for (const rec of scene.nodes) consider(rec, rec === scene.open || rec === dragging || rec === focused);
    }
    candidates.sort((a, b) => Number(b.forced) - Number(a.forced) || b.rec.r - a.rec.r || (a.rec.id < b.rec.id ? -1 : 1));
    const buckets = new Map<number, Label[]>();
    for (const label of placeLabels(candidates)) {
      let list = buckets.get(label.px);
      if (!list) buckets.set(label.px, (list = []));
      list.push(label);
    }
    this.labels = 0;
    for (const list of buckets.values()) this.labels += list.length;

    // A label (halo and text) costs about as much as forty lines to rasterise.
    let drawn = 0;
    for (const list of buckets.values()) drawn += 40 * list.length;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.lineJoin = 'round';
    for (const [px, list] of buckets) {
      const font = px / zoom;
      ctx.font = `${font}px ${theme.font}`;
      ctx.lineWidth = 3 / zoom;
      ctx.strokeStyle = theme.background;
      for (const { rec, alpha } of list) {
        const text = shorten(rec.label);
        const y = rec.y + rec.r + 2 / zoom + (rec === scene.open ? 2 / zoom : 0);
        ctx.globalAlpha = alpha;
        ctx.strokeText(text, rec.x, y);
        ctx.fillStyle = rec.kind === 'ghost' ? theme.ghost : rec.kind === 'tag' ? theme.tag : theme.text;
        const strong = rec === scene.open || rec === hovered;
        if (strong) ctx.font = `600 ${font}px ${theme.font}`;
        ctx.fillText(text, rec.x, y);
        if (strong) ctx.font = `${font}px ${theme.font}`;
      }
    }
    return drawn;
  }
}

function shorten(label: string): string {
  return label.length > MAX_CHARS ? label.slice(0, MAX_CHARS - 1) + '…' : label;
}
