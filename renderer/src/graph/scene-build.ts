/**
 * Building the scene (what the canvases draw) from the visible graph: first positions for new
 * nodes, node and edge records, the open-note mark and group colours.
 */
import { seedPositions } from './force-layout';
import { colourGroups } from './colour-groups';
import { rankOrder } from './edge-budget';
import { clearHover, hover } from './interaction';
import { linkPairs } from './layout-driver';
import type { PositionMap } from './position-cache';
import type { EdgeRec, NodeRec } from './scene';
import { EDGE_LINK, EDGE_TAG, edgeRank } from './scene';
import type { VisibleGraph } from './visible-graph';
import type { ViewCore } from './view-core';

/** Gives new nodes a first position: the global one for a new local graph, else beside their neighbours. */
export function seed(v: ViewCore, ids: string[], vis: VisibleGraph, positions: PositionMap, local: boolean): void {
  const fresh = new Set(ids);
  if (local && positions.size === 0) {
    // A new local graph starts from the global picture, which its own layout then tightens.
    for (const id of ids) {
      const p = v.globalPos.get(id);
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
  seedPositions(x, y, given, linkPairs(v.model, vis, index), v.settings.linkDistance);
  for (const id of fresh) {
    const i = index.get(id)!;
    positions.set(id, { x: x[i]!, y: y[i]! });
  }
}

export function rebuildScene(v: ViewCore, vis: VisibleGraph, positions: PositionMap, changed: Set<string>): void {
  const scene = v.scene;
  const byId = new Map<string, NodeRec>();
  const nodes: NodeRec[] = [];
  for (const id of vis.nodes) {
    let rec = scene.byId.get(id);
    if (!rec || changed.has(id)) {
      const data = v.nodeDataOf(id);
      const p = rec ?? positions.get(id)!;
      rec = { id, x: p.x, y: p.y, r: data.size / 2, font: data.font, label: data.label, kind: data.kind, color: data.color ?? null, dim: data.dim === 1 };
    }
    byId.set(id, rec);
    nodes.push(rec);
  }
  const edges: EdgeRec[] = [];
  for (const eid of vis.edges) {
    const e = v.model.edges.get(eid)!;
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (s && t) edges.push({ id: eid, s, t, kind: e.kind === 'link' ? EDGE_LINK : EDGE_TAG, rank: edgeRank(eid) });
  }
  const ranks = new Float64Array(edges.length);
  for (let i = 0; i < edges.length; i++) ranks[i] = edges[i]!.rank;
  scene.nodes = nodes;
  scene.edges = edges;
  scene.edgeOrder = rankOrder(ranks);
  scene.byId = byId;
  if (scene.open) scene.open = byId.get(scene.open.id) ?? null;
  if (scene.hovered) {
    const hovered = byId.get(scene.hovered.id);
    if (hovered) hover(v, hovered.id);
    else clearHover(v);
  }
}

export function markOpen(v: ViewCore, id: string | null): void {
  const { cy, scene } = v;
  const prev = scene.open;
  const next = id ? (scene.byId.get(id) ?? null) : null;
  scene.open = next;
  scene.openEdges = next ? edgesOfRec(v, next) : [];
  if (prev?.id === next?.id) return;
  cy.batch(() => {
    if (prev) cy.getElementById(prev.id).removeClass('open');
    if (next) cy.getElementById(next.id).addClass('open');
  });
}

/** A drawn node's drawn edges, found through the model's incidence (not by scanning every edge). */
export function edgesOfRec(v: ViewCore, rec: NodeRec): EdgeRec[] {
  const out: EdgeRec[] = [];
  for (const e of v.model.edgesOf(rec.id)) {
    if (!v.drawn.edges.has(e.id)) continue;
    const s = v.scene.byId.get(e.source);
    const t = v.scene.byId.get(e.target);
    if (s && t) out.push({ id: e.id, s, t, kind: e.kind === 'link' ? EDGE_LINK : EDGE_TAG, rank: 0 });
  }
  return out;
}

/**
 * Colours follow the groups; when the groups themselves change, every drawn node is recoloured.
 * Returns whether anything was recoloured.
 */
export function regroup(v: ViewCore, onlyIfGroupsMoved: boolean): boolean {
  const before = v.grouping;
  const after = v.fixedGrouping ?? colourGroups(v.model.nodes.values(), v.settings.groupBy);
  v.grouping = after;
  const same = before.groups.length === after.groups.length && before.groups.every((g, i) => g.key === after.groups[i]!.key);
  if ((onlyIfGroupsMoved && same) || v.drawn.nodes.size === 0) return false;
  v.cy.batch(() => {
    for (const rec of v.scene.nodes) {
      const node = v.model.nodes.get(rec.id);
      if (!node) continue;
      rec.color = after.colorOf(node);
      const ele = v.cy.getElementById(rec.id);
      if (ele.empty()) continue;
      if (rec.color) ele.data('color', rec.color);
      else ele.removeData('color');
    }
  });
  return true;
}
