/**
 * A force-directed layout on typed arrays: d3-force's model (velocity Verlet with decaying alpha,
 * links as springs, many-body repulsion, a weak pull to the centre) with our own Barnes–Hut
 * quadtree. d3-force itself measured 150 ms a tick at 10k notes / 48k links on this machine; flat
 * arrays and an explicit stack bring that down by an order of magnitude, which is what makes a
 * cold layout of a large vault fit in a few seconds. No DOM: it runs in the layout worker and in
 * Node tests alike.
 */

export interface ForceOptions {
  /** Rest length of a link, in graph units. */
  linkDistance: number;
  /** Strength of the many-body repulsion (d3's `-strength`); larger spreads the graph out. */
  repulsion: number;
  /** Pull of each node towards the origin; keeps components and orphans from drifting apart. */
  gravity: number;
  /** Barnes–Hut accuracy: a cell counts as one body when its width / distance is below this. */
  theta: number;
  /** How many ticks a full cooling takes. */
  ticks: number;
}

export const defaultForces: ForceOptions = { linkDistance: 40, repulsion: 120, gravity: 0.04, theta: 1.0, ticks: 300 };

export interface LayoutGraph {
  n: number;
  /** Pairs of node indices: [source0, target0, source1, target1, …]. */
  links: Uint32Array;
  /** 2n starting coordinates; NaN where a node has none yet. */
  positions?: Float32Array | null;
  /** 1 where a node must stay where it is. */
  pinned?: Uint8Array | null;
  /** Drawn radius of each node: links lengthen by both ends' radii, and small graphs keep nodes from overlapping. */
  radius?: Float32Array | null;
}

/** Up to this many nodes, overlapping nodes are pushed apart (all pairs: fine for local graphs). */
const COLLIDE_MAX = 400;

const ALPHA_MIN = 0.001;
const VELOCITY_DECAY = 0.4;
const DISTANCE_MIN2 = 1;

export class ForceLayout {
  readonly n: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  private readonly vx: Float64Array;
  private readonly vy: Float64Array;
  private readonly links: Uint32Array;
  private readonly linkStrength: Float64Array;
  private readonly linkBias: Float64Array;
  private readonly pinned: Uint8Array;
  private readonly radius: Float32Array | null;
  private options: ForceOptions;
  alpha = 1;
  private alphaDecay: number;
  private readonly tree: QuadTree;
  /** The last many-body force per node (without alpha), reused between recomputations on big graphs. */
  private readonly fx: Float64Array;
  private readonly fy: Float64Array;
  private ticks = 0;

  constructor(graph: LayoutGraph, options: Partial<ForceOptions> = {}) {
    this.options = { ...defaultForces, ...options };
    this.n = graph.n;
    this.x = new Float64Array(this.n);
    this.y = new Float64Array(this.n);
    this.vx = new Float64Array(this.n);
    this.vy = new Float64Array(this.n);
    this.links = graph.links;
    this.pinned = graph.pinned ?? new Uint8Array(this.n);
    this.radius = graph.radius && graph.radius.length === this.n ? graph.radius : null;
    this.alphaDecay = 1 - Math.pow(ALPHA_MIN, 1 / this.options.ticks);
    // d3's link weighting: a link pulls less on a node with many links, and moves the lighter end more.
    const degree = new Uint32Array(this.n);
    for (let i = 0; i < this.links.length; i++) degree[this.links[i]!]!++;
    const m = this.links.length >> 1;
    this.linkStrength = new Float64Array(m);
    this.linkBias = new Float64Array(m);
    for (let l = 0; l < m; l++) {
      const s = degree[this.links[2 * l]!]!;
      const t = degree[this.links[2 * l + 1]!]!;
      this.linkStrength[l] = 1 / Math.min(s, t);
      this.linkBias[l] = s / (s + t);
    }
    seedPositions(this.x, this.y, graph.positions ?? null, this.links, this.options.linkDistance);
    this.tree = new QuadTree(this.n);
    this.fx = new Float64Array(this.n);
    this.fy = new Float64Array(this.n);
  }

  get settled(): boolean {
    return this.alpha < ALPHA_MIN;
  }

  setOptions(options: Partial<ForceOptions>): void {
    this.options = { ...this.options, ...options };
    this.alphaDecay = 1 - Math.pow(ALPHA_MIN, 1 / this.options.ticks);
  }

  /** Warms the simulation up again (after a change of forces, or new nodes). */
  reheat(alpha = 1): void {
    this.alpha = Math.max(this.alpha, alpha);
  }

  tick(count = 1): void {
    for (let k = 0; k < count; k++) {
      this.alpha += (0 - this.alpha) * this.alphaDecay;
      this.applyLinks();
      // Repulsion changes slowly from one tick to the next; on big graphs it is recomputed every
      // other tick, which halves the dominant cost without visible harm to the layout.
      if (this.n < 4000 || this.ticks % 2 === 0) this.computeManyBody();
      this.applyManyBody();
      this.ticks++;
      this.applyGravity();
      if (this.radius && this.n <= COLLIDE_MAX) this.applyCollisions();
      const decay = 1 - VELOCITY_DECAY;
      for (let i = 0; i < this.n; i++) {
        if (this.pinned[i]) {
          this.vx[i] = 0;
          this.vy[i] = 0;
          continue;
        }
        this.vx[i]! *= decay;
        this.vy[i]! *= decay;
        this.x[i]! += this.vx[i]!;
        this.y[i]! += this.vy[i]!;
      }
    }
  }

  /** Runs until settled or `maxTicks` more ticks have run. */
  run(maxTicks = Infinity): void {
    for (let k = 0; k < maxTicks && !this.settled; k++) this.tick();
  }

  positions(out = new Float32Array(2 * this.n)): Float32Array {
    for (let i = 0; i < this.n; i++) {
      out[2 * i] = this.x[i]!;
      out[2 * i + 1] = this.y[i]!;
    }
    return out;
  }

  private applyLinks(): void {
    const { x, y, vx, vy, links, linkStrength, linkBias } = this;
    const base = this.options.linkDistance;
    const radius = this.radius;
    const alpha = this.alpha;
    const m = links.length >> 1;
    for (let l = 0; l < m; l++) {
      const s = links[2 * l]!;
      const t = links[2 * l + 1]!;
      const distance = radius ? base + radius[s]! + radius[t]! : base;
      let dx = x[t]! + vx[t]! - x[s]! - vx[s]!;
      let dy = y[t]! + vy[t]! - y[s]! - vy[s]!;
      if (dx === 0 && dy === 0) dx = jiggle(l);
      let len = Math.sqrt(dx * dx + dy * dy);
      len = ((len - distance) / len) * alpha * linkStrength[l]!;
      dx *= len;
      dy *= len;
      const b = linkBias[l]!;
      vx[t]! -= dx * b;
      vy[t]! -= dy * b;
      vx[s]! += dx * (1 - b);
      vy[s]! += dy * (1 - b);
    }
  }

  /** Pushes overlapping pairs apart (half the overlap each, scaled down so it stays stable). */
  private applyCollisions(): void {
    const { x, y, vx, vy, n } = this;
    const radius = this.radius!;
    const pad = 2;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const min = radius[i]! + radius[j]! + pad;
        let dx = x[j]! + vx[j]! - x[i]! - vx[i]!;
        let dy = y[j]! + vy[j]! - y[i]! - vy[i]!;
        if (Math.abs(dx) >= min || Math.abs(dy) >= min) continue;
        let d2 = dx * dx + dy * dy;
        if (d2 >= min * min) continue;
        if (d2 === 0) {
          dx = jiggle(i + 7 * j) * 1e6 + 0.01;
          dy = jiggle(j + 7 * i) * 1e6;
          d2 = dx * dx + dy * dy;
        }
        const d = Math.sqrt(d2);
        const push = ((min - d) / d) * 0.35;
        dx *= push;
        dy *= push;
        vx[i]! -= dx;
        vy[i]! -= dy;
        vx[j]! += dx;
        vy[j]! += dy;
      }
    }
  }

  private applyGravity(): void {
    const k = this.options.gravity * this.alpha;
    for (let i = 0; i < this.n; i++) {
      this.vx[i]! -= this.x[i]! * k;
      this.vy[i]! -= this.y[i]! * k;
    }
  }

  private applyManyBody(): void {
    const k = this.alpha;
    for (let i = 0; i < this.n; i++) {
      this.vx[i]! += this.fx[i]! * k;
      this.vy[i]! += this.fy[i]! * k;
    }
  }

  private computeManyBody(): void {
    const tree = this.tree;
    tree.build(this.x, this.y);
    const strength = -this.options.repulsion;
    const theta2 = this.options.theta * this.options.theta;
    const { x, y } = this;
    const { cx, cy, mass, size, child, body, next } = tree;
    const stack = tree.stack;
    for (let i = 0; i < this.n; i++) {
      const xi = x[i]!;
      const yi = y[i]!;
      let fx = 0;
      let fy = 0;
      let top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const c = stack[--top]!;
        const m = mass[c]!;
        if (m === 0) continue;
        let dx = cx[c]! - xi;
        let dy = cy[c]! - yi;
        let d2 = dx * dx + dy * dy;
        const w = size[c]!;
        const first = body[c]!;
        if (first < 0 && (w * w) / theta2 < d2) {
          // Far enough: the whole cell acts as one body at its centre of mass.
          if (d2 < DISTANCE_MIN2) d2 = Math.sqrt(DISTANCE_MIN2 * d2);
          const f = (strength * m) / d2;
          fx += dx * f;
          fy += dy * f;
          continue;
        }
        if (first >= 0) {
          // A leaf: every body in it except ourselves, one by one.
          for (let j = first; j >= 0; j = next[j]!) {
            if (j === i) continue;
            dx = x[j]! - xi;
            dy = y[j]! - yi;
            d2 = dx * dx + dy * dy;
            if (d2 === 0) {
              dx = jiggle(i + j);
              dy = jiggle(i - j);
              d2 = dx * dx + dy * dy;
            }
            if (d2 < DISTANCE_MIN2) d2 = Math.sqrt(DISTANCE_MIN2 * d2);
            const f = strength / d2;
            fx += dx * f;
            fy += dy * f;
          }
          continue;
        }
        const base = 4 * c;
        for (let q = 0; q < 4; q++) {
          const ch = child[base + q]!;
          if (ch > 0) stack[top++] = ch;
        }
      }
      this.fx[i] = fx;
      this.fy[i] = fy;
    }
  }
}

/** A tiny deterministic nudge for bodies on the same spot (d3 uses Math.random; tests like repeatable runs). */
function jiggle(k: number): number {
  return (((k * 2654435761) >>> 0) / 4294967296 - 0.5) * 1e-6;
}

const MAX_DEPTH = 24;

/**
 * A region quadtree in flat arrays, rebuilt each tick. A cell is empty (`body` -1), a leaf (`body`
 * is the first of a linked list of bodies: more than one only for bodies on the same spot or at
 * the depth limit) or internal (`body` -2, four child slots, 0 meaning none). Mass is the body
 * count: every node repels alike.
 */
class QuadTree {
  cx: Float64Array;
  cy: Float64Array;
  mass: Float64Array;
  size: Float64Array;
  child: Int32Array;
  body: Int32Array;
  readonly next: Int32Array;
  readonly stack: Int32Array;
  private x0: Float64Array;
  private y0: Float64Array;
  private count = 0;

  constructor(n: number) {
    const cap = Math.max(16, 2 * n);
    this.cx = new Float64Array(cap);
    this.cy = new Float64Array(cap);
    this.mass = new Float64Array(cap);
    this.size = new Float64Array(cap);
    this.x0 = new Float64Array(cap);
    this.y0 = new Float64Array(cap);
    this.child = new Int32Array(4 * cap);
    this.body = new Int32Array(cap);
    this.next = new Int32Array(Math.max(1, n));
    // A depth-first walk keeps at most 3 siblings per level waiting.
    this.stack = new Int32Array(3 * MAX_DEPTH + 8);
  }

  build(x: Float64Array, y: Float64Array): void {
    const n = x.length;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const yi = y[i]!;
      if (xi < minX) minX = xi;
      if (xi > maxX) maxX = xi;
      if (yi < minY) minY = yi;
      if (yi > maxY) maxY = yi;
    }
    if (n === 0) minX = minY = 0;
    const w = Math.max(maxX - minX, maxY - minY, 1) * 1.0001;
    this.count = 0;
    this.cell(minX, minY, w);
    for (let i = 0; i < n; i++) this.insert(i, x, y);
    this.accumulate(x, y);
  }

  private insert(i: number, x: Float64Array, y: Float64Array): void {
    const xi = x[i]!;
    const yi = y[i]!;
    let c = 0;
    for (let depth = 0; ; depth++) {
      const b = this.body[c]!;
      if (b === -1) {
        this.body[c] = i;
        this.next[i] = -1;
        return;
      }
      if (b >= 0) {
        if (depth >= MAX_DEPTH || (x[b] === xi && y[b] === yi)) {
          this.next[i] = b;
          this.body[c] = i;
          return;
        }
        // Split the leaf: its bodies share one spot, so they move down together.
        this.body[c] = -2;
        const ch = this.newChild(c, this.quadrant(c, x[b]!, y[b]!));
        this.body[ch] = b;
      }
      const q = this.quadrant(c, xi, yi);
      const ch = this.child[4 * c + q]!;
      if (ch === 0) {
        const leaf = this.newChild(c, q);
        this.body[leaf] = i;
        this.next[i] = -1;
        return;
      }
      c = ch;
    }
  }

  private cell(x0: number, y0: number, w: number): number {
    if (this.count >= this.cx.length) this.grow();
    const c = this.count++;
    this.x0[c] = x0;
    this.y0[c] = y0;
    this.size[c] = w;
    this.body[c] = -1;
    this.child.fill(0, 4 * c, 4 * c + 4);
    return c;
  }

  private quadrant(c: number, px: number, py: number): number {
    const h = this.size[c]! / 2;
    return (px >= this.x0[c]! + h ? 1 : 0) | (py >= this.y0[c]! + h ? 2 : 0);
  }

  private newChild(c: number, q: number): number {
    const h = this.size[c]! / 2;
    const nc = this.cell(this.x0[c]! + (q & 1 ? h : 0), this.y0[c]! + (q & 2 ? h : 0), h);
    this.child[4 * c + q] = nc;
    return nc;
  }

  private accumulate(x: Float64Array, y: Float64Array): void {
    // Children are always created after their parent, so a reverse sweep sees children first.
    for (let c = this.count - 1; c >= 0; c--) {
      const b = this.body[c]!;
      let sx = 0;
      let sy = 0;
      let m = 0;
      if (b >= 0) {
        for (let j = b; j >= 0; j = this.next[j]!) {
          sx += x[j]!;
          sy += y[j]!;
          m++;
        }
      } else {
        for (let q = 0; q < 4; q++) {
          const ch = this.child[4 * c + q]!;
          if (ch > 0) {
            const mc = this.mass[ch]!;
            sx += this.cx[ch]! * mc;
            sy += this.cy[ch]! * mc;
            m += mc;
          }
        }
      }
      this.mass[c] = m;
      this.cx[c] = m ? sx / m : 0;
      this.cy[c] = m ? sy / m : 0;
    }
  }

  private grow(): void {
    const cap = this.cx.length * 2;
    const grow64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.cx = grow64(this.cx);
    this.cy = grow64(this.cy);
    this.mass = grow64(this.mass);
    this.size = grow64(this.size);
    this.x0 = grow64(this.x0);
    this.y0 = grow64(this.y0);
    const child = new Int32Array(4 * cap);
    child.set(this.child);
    this.child = child;
    const body = new Int32Array(cap);
    body.set(this.body);
    this.body = body;
  }
}

/**
 * Gives every node without a position one: near the mean of its placed neighbours when it has
 * any (so a node added by an edit appears beside what it links to), else on a sunflower spiral
 * around the origin (d3's phyllotaxis start, which spreads bodies evenly without randomness).
 */
export function seedPositions(x: Float64Array, y: Float64Array, given: Float32Array | null, links: Uint32Array, distance: number): void {
  const n = x.length;
  const placed = new Uint8Array(n);
  let unplaced = 0;
  for (let i = 0; i < n; i++) {
    const gx = given ? given[2 * i] : NaN;
    const gy = given ? given[2 * i + 1] : NaN;
    if (gx !== undefined && gy !== undefined && Number.isFinite(gx) && Number.isFinite(gy)) {
      x[i] = gx;
      y[i] = gy;
      placed[i] = 1;
    } else unplaced++;
  }
  if (unplaced === 0) return;
  const placedBefore = n - unplaced;
  if (placedBefore > 0) {
    // Several rounds, so a chain of new nodes hanging off placed ones gets placed link by link.
    for (let round = 0; round < 4 && unplaced > 0; round++) {
      const sx = new Float64Array(n);
      const sy = new Float64Array(n);
      const cnt = new Uint32Array(n);
      for (let l = 0; l < links.length; l += 2) {
        const s = links[l]!;
        const t = links[l + 1]!;
        if (placed[s] && !placed[t]) {
          sx[t]! += x[s]!;
          sy[t]! += y[s]!;
          cnt[t]!++;
        } else if (placed[t] && !placed[s]) {
          sx[s]! += x[t]!;
          sy[s]! += y[t]!;
          cnt[s]!++;
        }
      }
      for (let i = 0; i < n; i++) {
        if (placed[i] || cnt[i] === 0) continue;
        const angle = i * 2.399963229728653;
        const r = distance * 0.6;
        x[i] = sx[i]! / cnt[i]! + r * Math.cos(angle);
        y[i] = sy[i]! / cnt[i]! + r * Math.sin(angle);
        placed[i] = 2;
        unplaced--;
      }
      for (let i = 0; i < n; i++) if (placed[i] === 2) placed[i] = 1;
    }
  }
  // What is left (no placed neighbour) goes on a spiral, outside whatever is already placed.
  let radius0 = 0;
  if (placedBefore > 0) {
    for (let i = 0; i < n; i++) if (placed[i]) radius0 = Math.max(radius0, Math.hypot(x[i]!, y[i]!));
  }
  let k = 0;
  const step = distance * 0.5;
  for (let i = 0; i < n; i++) {
    if (placed[i]) continue;
    const r = radius0 + step * Math.sqrt(0.5 + k);
    const angle = k * 2.399963229728653;
    x[i] = r * Math.cos(angle);
    y[i] = r * Math.sin(angle);
    k++;
  }
}
