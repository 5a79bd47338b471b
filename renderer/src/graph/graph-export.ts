/**
 * Exporting what the graph shows: an SVG built from the scene (the nodes, edges and labels in
 * view, at their on-screen places, so it scales cleanly and its text can be searched) and a PNG
 * of the canvases as drawn, stacked in their on-screen order.
 */
import type { Core } from 'cytoscape';
import type { GraphTheme } from './graph-theme';
import type { NodeRec, Scene } from './scene';
import { EDGE_LINK } from './scene';

/** On-screen label size (px) from which the view shows labels; the SVG shows the same ones. */
const LABEL_FROM = 10;

export function graphSvg(scene: Scene, cy: Core, theme: GraphTheme): string {
  const w = Math.max(1, Math.round(cy.width()));
  const h = Math.max(1, Math.round(cy.height()));
  const zoom = cy.zoom();
  const pan = cy.pan();
  const sx = (x: number) => round(x * zoom + pan.x);
  const sy = (y: number) => round(y * zoom + pan.y);
  const inView = (r: NodeRec) => {
    const x = r.x * zoom + pan.x;
    const y = r.y * zoom + pan.y;
    const m = r.r * zoom + 2;
    return x > -m && y > -m && x < w + m && y < h + m;
  };
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${attr(theme.font)}">`);
  out.push(`<rect width="${w}" height="${h}" fill="${attr(theme.background)}"/>`);
  out.push(`<g stroke-linecap="round" fill="none">`);
  for (const e of scene.edges) {
    if (!inView(e.s) && !inView(e.t)) continue;
    const color = e.kind === EDGE_LINK ? theme.edge : theme.edgeSoft;
    out.push(`<line x1="${sx(e.s.x)}" y1="${sy(e.s.y)}" x2="${sx(e.t.x)}" y2="${sy(e.t.y)}" stroke="${attr(color)}" stroke-opacity="0.6" stroke-width="1"/>`);
  }
  out.push('</g><g>');
  const labels: string[] = [];
  for (const r of scene.nodes) {
    if (!inView(r)) continue;
    const fill = r.kind === 'ghost' ? theme.background : (r.color ?? (r.kind === 'tag' ? theme.tag : r.kind === 'video' ? theme.video : theme.node));
    const stroke = r.kind === 'ghost' ? ` stroke="${attr(theme.ghost)}" stroke-dasharray="2 2"` : r === scene.open ? ` stroke="${attr(theme.accent)}" stroke-width="3"` : '';
    out.push(`<circle cx="${sx(r.x)}" cy="${sy(r.y)}" r="${round(Math.max(0.5, r.r * zoom))}" fill="${attr(fill)}"${stroke}><title>${text(r.label)}</title></circle>`);
    const px = r.font * zoom;
    if (px >= LABEL_FROM || r === scene.open || r === scene.focused) {
      const size = round(Math.max(11, Math.min(px, 11 + r.font / 4)));
      labels.push(`<text x="${sx(r.x)}" y="${round((r.y + r.r) * zoom + pan.y + 2 + size)}" font-size="${size}" text-anchor="middle" fill="${attr(theme.text)}" stroke="${attr(theme.background)}" stroke-width="3" paint-order="stroke">${text(r.label)}</text>`);
    }
  }
  out.push('</g><g>', ...labels, '</g></svg>');
  return out.join('\n');
}

/** The stage's canvases (edges, nodes, Cytoscape's, labels) flattened onto the background, as a PNG. */
export function graphPng(host: HTMLElement, fastNodes: boolean, theme: GraphTheme): Promise<Blob | null> {
  const box = host.getBoundingClientRect();
  const dpr = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(box.width * dpr));
  out.height = Math.max(1, Math.round(box.height * dpr));
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, out.width, out.height);
  for (const canvas of host.querySelectorAll('canvas')) {
    // In fast mode Cytoscape's own canvases hold a stale picture; the node layer has the nodes.
    const cytoscapes = !canvas.className.startsWith('graph-');
    if (cytoscapes && fastNodes) continue;
    if (!fastNodes && canvas.className === 'graph-nodes') continue;
    const r = canvas.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    ctx.drawImage(canvas, (r.left - box.left) * dpr, (r.top - box.top) * dpr, r.width * dpr, r.height * dpr);
  }
  return new Promise((resolve) => {
    try {
      out.toBlob((blob) => resolve(blob), 'image/png');
    } catch {
      // A picture from another origin (a video thumbnail) taints the canvas: no PNG then.
      resolve(null);
    }
  });
}

/** Hands `blob` to the browser as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function text(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;');
}
