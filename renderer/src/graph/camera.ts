/**
 * Where the view looks: fitting the drawing into the stage (leaving room for the controls that
 * float over it) and bringing the open note into view.
 */
import type { Core } from 'cytoscape';
import type { NodeRec } from './scene';

/** Graphs up to this size animate camera moves; larger ones jump. */
export const ANIMATED_NODES = 2500;

export interface Insets {
  top: number;
  bottom: number;
}

export function fitView(cy: Core, recs: NodeRec[], insets: Insets, animate: boolean): void {
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
  const w = cy.width();
  const h = cy.height();
  if (w === 0 || h === 0) return;
  // Room for the toolbar above and the legend below, which float over the drawing.
  const side = Math.min(32, Math.max(12, w / 12));
  const { top, bottom } = insets;
  // A lone node or two would be blown up to fill the pane.
  const zoom = Math.min(2, (w - 2 * side) / Math.max(1, x2 - x1), Math.max(20, h - top - bottom) / Math.max(1, y2 - y1));
  const pan = { x: w / 2 - ((x1 + x2) / 2) * zoom, y: top + (h - top - bottom) / 2 - ((y1 + y2) / 2) * zoom };
  if (animate && recs.length <= ANIMATED_NODES) cy.animate({ zoom, pan }, { duration: 250 });
  else cy.viewport({ zoom, pan });
}

/** Centres `rec` when it is off screen or too small to make out. */
export function bringIntoView(cy: Core, rec: NodeRec, nodeCount: number): void {
  const zoom = cy.zoom();
  const pan = cy.pan();
  const sx = rec.x * zoom + pan.x;
  const sy = rec.y * zoom + pan.y;
  const margin = 24;
  const inside = sx > margin && sy > margin && sx < cy.width() - margin && sy < cy.height() - margin;
  const readable = rec.r * zoom >= 3;
  if (inside && readable) return;
  const level = readable ? zoom : Math.min(1.2, Math.max(zoom, 4 / rec.r));
  const target = { x: cy.width() / 2 - rec.x * level, y: cy.height() / 2 - rec.y * level };
  if (nodeCount <= ANIMATED_NODES) cy.animate({ zoom: level, pan: target }, { duration: 300, easing: 'ease-in-out-cubic' });
  else cy.viewport({ zoom: level, pan: target });
}
