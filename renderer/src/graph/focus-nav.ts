/**
 * Which node an arrow key moves the keyboard focus to. Pure geometry, no DOM: the caller passes
 * the focused node's neighbours first and, only when none of them lies that way, every node, so
 * the usual move costs a walk over the neighbours and nothing more.
 *
 * A node lies "that way" when it is ahead along the arrow's axis and within a cone of about ±63°
 * around it (sideways offset at most twice the distance ahead); of those, the nearest wins, with
 * sideways offset counting extra so that a node straight ahead beats a closer one off to the side.
 * Graph coordinates grow downwards, as on screen.
 */

export type Direction = 'left' | 'right' | 'up' | 'down';

export interface Point {
  x: number;
  y: number;
}

const AXES: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

/** The key's direction, or null for any other key. */
export function arrowDirection(key: string): Direction | null {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return null;
  }
}

/** How far `to` is from `from` going `dir`, or Infinity when it does not lie that way. */
export function directionalCost(from: Point, to: Point, dir: Direction): number {
  const [ax, ay] = AXES[dir];
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const ahead = dx * ax + dy * ay;
  if (ahead <= 0) return Infinity;
  const side = Math.abs(dx * ay - dy * ax);
  if (side > 2 * ahead) return Infinity;
  return Math.hypot(dx, dy) + side;
}

/** The best candidate lying `dir` of `from` (never `from` itself), or null. Linear in the candidates. */
export function pickInDirection<T extends Point>(from: T, candidates: Iterable<T>, dir: Direction): T | null {
  let best: T | null = null;
  let bestCost = Infinity;
  for (const c of candidates) {
    if (c === from) continue;
    const cost = directionalCost(from, c, dir);
    if (cost < bestCost || (cost === bestCost && best !== null && cost !== Infinity && tieBreak(c, best))) {
      best = c;
      bestCost = cost;
    }
  }
  return best;
}

/**
 * Where the focus goes: the nearest connected node that way, else the nearest node of all that
 * way, else nowhere (null). `all` is only walked when no neighbour qualifies.
 */
export function nextFocus<T extends Point>(from: T, neighbours: Iterable<T>, all: () => Iterable<T>, dir: Direction): T | null {
  return pickInDirection(from, neighbours, dir) ?? pickInDirection(from, all(), dir);
}

/** Equal costs (a symmetric layout) go to the upper, then leftmost node, so the result never depends on order. */
function tieBreak(a: Point, b: Point): boolean {
  return a.y < b.y || (a.y === b.y && a.x < b.x);
}
