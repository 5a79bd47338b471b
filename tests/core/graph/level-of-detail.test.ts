import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { edgeInBox, pickEdges, rankOrder } from '../../../renderer/src/graph/edge-budget';
import { folderPlacement } from '../../../renderer/src/graph/first-placement';
import { FADE_FROM, labelAlpha, placeLabels } from '../../../renderer/src/graph/label-budget';
import { edgeRank } from '../../../renderer/src/graph/scene';

/** A grid of nodes 10 apart, each linked to its right and lower neighbours. */
function gridGraph(side: number) {
  const nodes: { x: number; y: number }[] = [];
  for (let i = 0; i < side; i++) for (let j = 0; j < side; j++) nodes.push({ x: 10 * j, y: 10 * i });
  const edges: { s: { x: number; y: number }; t: { x: number; y: number }; rank: number; id: string }[] = [];
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      const at = nodes[i * side + j]!;
      if (j + 1 < side) edges.push({ s: at, t: nodes[i * side + j + 1]!, id: `${i},${j}>r`, rank: edgeRank(`${i},${j}>r`) });
      if (i + 1 < side) edges.push({ s: at, t: nodes[(i + 1) * side + j]!, id: `${i},${j}>d`, rank: edgeRank(`${i},${j}>d`) });
    }
  }
  return { nodes, edges };
}

describe('edge budget', () => {
  it('orders edges by rank in linear time, ties kept stable', () => {
    const ranks = [0.5, 0.1, 0.9, 0.1, 0.0, 0.99999];
    assert.deepEqual([...rankOrder(ranks)], [4, 1, 3, 0, 2, 5]);
    assert.deepEqual([...rankOrder([])], []);
    const many = Array.from({ length: 10_000 }, (_, i) => edgeRank(`e${i}`));
    const order = rankOrder(many);
    for (let i = 1; i < order.length; i++) assert.ok(many[order[i - 1]!]! <= many[order[i]!]!);
  });

  it('keeps a zoomed-out picture to its budget, taking the lowest-ranked edges in view', () => {
    const { edges } = gridGraph(100); // 19,800 edges
    const order = rankOrder(edges.map((e) => e.rank));
    const all = { x1: -10, y1: -10, x2: 1000, y2: 1000 };
    const pick = pickEdges(edges, order, all, 500);
    assert.equal(pick.edges.length, 500);
    assert.equal(pick.complete, false);
    const cut = Math.max(...pick.edges.map((e) => e.rank));
    assert.equal(edges.filter((e) => e.rank <= cut).length, 500);
    // It stops once the budget is full rather than reading every edge.
    assert.ok(pick.scanned < edges.length / 10, `scanned ${pick.scanned}`);
  });

  it('draws every edge in view when zoomed in on a small area', () => {
    const { edges } = gridGraph(100);
    const order = rankOrder(edges.map((e) => e.rank));
    const small = { x1: 95, y1: 95, x2: 205, y2: 205 };
    const inView = edges.filter((e) => edgeInBox(e, small));
    const pick = pickEdges(edges, order, small, 500);
    assert.ok(inView.length > 100 && inView.length < 500);
    assert.equal(pick.complete, true);
    assert.deepEqual(new Set(pick.edges), new Set(inView));
  });

  it('picks the same edges from frame to frame, and leaves out those drawn apart', () => {
    const { edges } = gridGraph(60);
    const order = rankOrder(edges.map((e) => e.rank));
    const box = { x1: 0, y1: 0, x2: 600, y2: 600 };
    const a = pickEdges(edges, order, box, 300).edges.map((e) => e.id);
    const b = pickEdges(edges, order, box, 300).edges.map((e) => e.id);
    assert.deepEqual(a, b);
    const hub = edges[0]!.s;
    const skipped = pickEdges(edges, order, box, 300, (e) => e.s === hub || e.t === hub);
    assert.ok(skipped.edges.every((e) => e.s !== hub && e.t !== hub));
    assert.equal(skipped.edges.length, 300);
  });

  it('counts an edge crossing the view with both ends outside as in view', () => {
    const e = { s: { x: -100, y: 50 }, t: { x: 200, y: 50 }, rank: 0.1 };
    assert.equal(edgeInBox(e, { x1: 0, y1: 0, x2: 100, y2: 100 }), true);
    assert.equal(edgeInBox(e, { x1: 0, y1: 60, x2: 100, y2: 100 }), false);
  });
});

describe('label budget', () => {
  it('shows a label only once it is big enough on screen', () => {
    assert.equal(labelAlpha(10, 0.5), 0);
    assert.equal(labelAlpha(10, FADE_FROM / 10), 0);
    assert.ok(labelAlpha(10, 1.2) > 0 && labelAlpha(10, 1.2) < 1);
    assert.equal(labelAlpha(10, 2), 1);
  });

  it('places labels in order, skipping overlaps, up to the budget; forced ones always', () => {
    const box = (sx: number, sy: number, forced = false) => ({ sx, sy, w: 40, h: 12, forced });
    const spread = Array.from({ length: 50 }, (_, i) => box((i % 10) * 100, Math.floor(i / 10) * 40));
    assert.equal(placeLabels(spread, 20).length, 20);
    assert.deepEqual(placeLabels(spread, 20), spread.slice(0, 20));
    const overlapping = [box(0, 0), box(5, 2), box(200, 0)];
    assert.deepEqual(placeLabels(overlapping, 10), [overlapping[0], overlapping[2]]);
    const forced = box(3, 1, true);
    assert.deepEqual(placeLabels([...spread.slice(0, 3), forced], 3), [...spread.slice(0, 3), forced]);
  });
});

describe('first placement', () => {
  it('places every node, deterministically, with each folder in a disc of its own', () => {
    const nodes = Array.from({ length: 3000 }, (_, i) => ({ id: `n${i}`, folder: ['A/x', 'A/y', 'B', 'C/z/deep'][i % 4]! + (i % 8 === 0 ? '/sub' : '') }));
    const x = new Float64Array(nodes.length);
    const y = new Float64Array(nodes.length);
    folderPlacement(nodes, x, y, 20);
    const x2 = new Float64Array(nodes.length);
    const y2 = new Float64Array(nodes.length);
    folderPlacement(nodes, x2, y2, 20);
    assert.deepEqual(x, x2);
    assert.deepEqual(y, y2);
    assert.ok(x.every(Number.isFinite) && y.every(Number.isFinite));
    // Nodes of one folder are nearer their folder's centre than the other folders' centres.
    const centre = new Map<string, { x: number; y: number; n: number }>();
    const key = (f: string) => f.split('/').slice(0, 2).join('/');
    nodes.forEach((node, i) => {
      const c = centre.get(key(node.folder)) ?? { x: 0, y: 0, n: 0 };
      centre.set(key(node.folder), { x: c.x + x[i]!, y: c.y + y[i]!, n: c.n + 1 });
    });
    const centres = [...centre].map(([k, c]) => ({ k, x: c.x / c.n, y: c.y / c.n }));
    let misplaced = 0;
    nodes.forEach((node, i) => {
      const nearest = centres.reduce((a, b) => (Math.hypot(a.x - x[i]!, a.y - y[i]!) <= Math.hypot(b.x - x[i]!, b.y - y[i]!) ? a : b));
      if (nearest.k !== key(node.folder)) misplaced++;
    });
    assert.equal(misplaced, 0);
  });

  it('keeps nodes apart: no two closer than a fraction of the spacing', () => {
    const nodes = Array.from({ length: 2000 }, (_, i) => ({ id: `n${i}`, folder: `F${i % 7}` }));
    const x = new Float64Array(nodes.length);
    const y = new Float64Array(nodes.length);
    folderPlacement(nodes, x, y, 20);
    // A grid check: bucket by cell, compare neighbours only.
    const cells = new Map<string, number[]>();
    for (let i = 0; i < nodes.length; i++) {
      const k = `${Math.floor(x[i]! / 10)},${Math.floor(y[i]! / 10)}`;
      cells.set(k, [...(cells.get(k) ?? []), i]);
    }
    let closest = Infinity;
    for (let i = 0; i < nodes.length; i++) {
      const cx = Math.floor(x[i]! / 10);
      const cy = Math.floor(y[i]! / 10);
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) for (const j of cells.get(`${cx + dx},${cy + dy}`) ?? []) if (j !== i) closest = Math.min(closest, Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!));
    }
    assert.ok(closest > 4, `closest pair ${closest}`);
  });
});
