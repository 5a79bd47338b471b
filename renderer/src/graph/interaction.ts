/**
 * Pointer interaction with the drawn graph: tapping a note opens it, hovering lights its
 * neighbourhood, dragging moves a node (and steers a running layout), and panning or zooming by
 * hand stops the view from refitting itself.
 */
import type { NodeSingular } from 'cytoscape';
import type { NodeData } from './elements';
import type { LayoutDriver } from './layout-driver';
import type { NodeRec } from './scene';
import type { ViewCore } from './view-core';
import { positionsOf } from './view-core';

export function bindInteraction(v: ViewCore, layout: LayoutDriver, select: (rec: NodeRec) => void, onRender: () => void): void {
  const cy = v.cy;
  cy.on('render', onRender);
  cy.on('tap', 'node', (event) => {
    const data = (event.target as NodeSingular).data() as NodeData;
    const original = event.originalEvent as MouseEvent | undefined;
    const aside = Boolean(original && (original.shiftKey || original.ctrlKey || original.metaKey));
    const rec = v.scene.byId.get(data.id);
    if (aside && v.events.preview) {
      // Picked, not opened: it becomes the selection, lit with its neighbourhood, and shows beside.
      if (rec) select(rec);
      if (data.kind === 'note' && data.path) v.events.preview(data.path);
      return;
    }
    if (data.kind === 'note' && data.path) v.events.openNote(data.path);
  });
  cy.on('mouseover', 'node', (event) => hover(v, (event.target as NodeSingular).id()));
  cy.on('mouseout', 'node', () => clearHover(v));
  cy.on('grab', 'node', () => clearHover(v));
  cy.on('drag', 'node', (event) => {
    const ele = event.target as NodeSingular;
    const rec = v.scene.byId.get(ele.id());
    if (!rec) return;
    const p = ele.position();
    rec.x = p.x;
    rec.y = p.y;
    // Only the overlay redraws while a node moves (see Scene.dragging); the layers below
    // redraw once without it when the drag starts, and once with it when it ends.
    if (rec === v.scene.dragging) {
      v.redrawOverlay();
    } else {
      v.scene.dragging = rec;
      // The view stops following the layout once the person moves things by hand.
      v.userMoved = true;
      v.redrawLayers();
    }
    layout.pin(rec.id, p.x, p.y);
  });
  cy.on('free', 'node', (event) => {
    if (!v.scene.dragging) return;
    const ele = event.target as NodeSingular;
    const p = ele.position();
    v.scene.dragging = null;
    v.redrawLayers();
    layout.pin(ele.id(), null, null);
    positionsOf(v).set(ele.id(), { x: p.x, y: p.y });
    if (v.settings.mode === 'global') v.scheduleSave();
  });
  // A pan or zoom by hand stops the view from refitting itself under the person's feet.
  const moved = () => {
    v.userMoved = true;
  };
  v.cyContainer.addEventListener('wheel', moved, { passive: true });
  cy.on('dragpan', moved);
  cy.on('pinchzoom', moved);
}

export function hover(v: ViewCore, id: string): void {
  const scene = v.scene;
  const rec = scene.byId.get(id);
  if (!rec) return;
  // Through the model's incidence: scanning every drawn edge was ~1.6 M steps a hover at 100k notes.
  const near = new Set<NodeRec>([rec]);
  for (const e of v.model.edgesOf(id)) {
    if (!v.drawn.edges.has(e.id)) continue;
    const other = scene.byId.get(e.source === id ? e.target : e.source);
    if (other) near.add(other);
  }
  scene.hovered = rec;
  scene.hoverNear = near;
  v.cyContainer.style.cursor = rec.kind === 'note' ? 'pointer' : 'default';
  updateLit(v);
  v.redrawOverlay();
}

/**
 * Says on the stage which node is lit (hovered, else focused) and how many nodes its
 * neighbourhood holds, itself included (`data-lit`, `data-lit-count`); the rest is dimmed.
 * Tests read these; they cost two attribute writes.
 */
export function updateLit(v: ViewCore): void {
  const { scene, host } = v;
  const lit = scene.hovered ?? scene.focused;
  if (lit) {
    host.dataset.lit = lit.id;
    host.dataset.litCount = String(scene.hovered ? scene.hoverNear.size : scene.focusNear.size);
  } else {
    delete host.dataset.lit;
    delete host.dataset.litCount;
  }
}

export function clearHover(v: ViewCore): void {
  if (!v.scene.hovered) return;
  v.scene.hovered = null;
  v.scene.hoverNear = new Set();
  v.cyContainer.style.cursor = '';
  updateLit(v);
  v.redrawOverlay();
}
