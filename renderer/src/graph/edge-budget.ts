/**
 * Which edges a picture draws. A zoomed-out view of a big vault has far more edges on screen than
 * are worth rasterising (1.7 M lines at 100k notes, and 5k already give the same shade), so each
 * picture draws at most a budget of them: the in-view edges lowest in a fixed pseudo-random rank,
 * the same ones from frame to frame, so panning does not make the picture flicker. Zoomed in on
 * a small area, everything in view fits the budget and every edge there is drawn.
 *
 * The edges are walked in rank order (sorted once per scene, in linear time), so a picture stops
 * as soon as its budget is full: a zoomed-out frame reads a few thousand edges, not all of them.
 */

export interface Point {
  x: number;
  y: number;
}

export interface RankedEdge {
  s: Point;
  t: Point;
  /** In [0, 1). */
  rank: number;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Indices of `ranks` in increasing rank: a counting sort into as many buckets as there are
 * edges, so it is linear, and exact up to ties within a bucket (kept in input order).
 */
export function rankOrder(ranks: ArrayLike<number>): Uint32Array {
  const n = ranks.length;
  const buckets = Math.max(1, n);
  const start = new Uint32Array(buckets + 1);
  const bucketOf = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const b = Math.min(buckets - 1, Math.max(0, Math.floor(ranks[i]! * buckets)));
    bucketOf[i] = b;
    start[b + 1]!++;
  }
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[start[bucketOf[i]!]!++] = i;
  // A bucket holds about one edge; order the rare crowded ones exactly, for a stable pick.
  let from = 0;
  while (from < n) {
    let to = from + 1;
    while (to < n && bucketOf[order[to]!] === bucketOf[order[from]!]) to++;
    if (to - from > 1) order.subarray(from, to).sort((a, b) => ranks[a]! - ranks[b]! || a - b);
    from = to;
  }
  return order;
}

/** Whether the segment's bounding box meets the box (cheap, and never misses an edge in view). */
export function edgeInBox(e: RankedEdge, b: Box): boolean {
  const { s, t } = e;
  return !((s.x < b.x1 && t.x < b.x1) || (s.x > b.x2 && t.x > b.x2) || (s.y < b.y1 && t.y < b.y1) || (s.y > b.y2 && t.y > b.y2));
}

export interface EdgePick<E> {
  /** The chosen edges, lowest rank first. */
  edges: E[];
  /** Whether every edge in view (and not skipped) was chosen: the budget did not bind. */
  complete: boolean;
  /** How many edges were looked at. */
  scanned: number;
}

/**
 * Up to `budget` edges in the box, lowest rank first, leaving out those `skip` says (drawn
 * elsewhere, such as the open note's). `order` is `rankOrder` of the edges' ranks.
 */
export function pickEdges<E extends RankedEdge>(edges: readonly E[], order: Uint32Array, box: Box, budget: number, skip: ((e: E) => boolean) | null = null): EdgePick<E> {
  const out: E[] = [];
  let i = 0;
  for (; i < order.length && out.length < budget; i++) {
    const e = edges[order[i]!]!;
    if (!edgeInBox(e, box) || (skip && skip(e))) continue;
    out.push(e);
  }
  let complete = true;
  // A full budget is complete only if nothing else in view is left.
  for (let j = i; complete && out.length >= budget && j < order.length; j++) {
    const e = edges[order[j]!]!;
    if (edgeInBox(e, box) && !(skip && skip(e))) complete = false;
  }
  return { edges: out, complete, scanned: i };
}
