/**
 * Ranges `[start, end)` given as a flat list, asked "does any of you overlap `[from, to)`?" in
 * O(log n) after one O(n log n) sort. A leaf's non-text ranges and link labels are asked once per
 * candidate timestamp; scanning them all for each made a leaf of many anchors quadratic.
 */
export class RangeSet {
  private readonly starts: number[] = [];
  /** Largest end among the ranges sorted before and at each index. */
  private readonly maxEnds: number[] = [];

  constructor(flat: readonly number[]) {
    const order: number[] = [];
    for (let k = 0; k < flat.length; k += 2) order.push(k);
    order.sort((a, b) => flat[a]! - flat[b]!);
    let max = -Infinity;
    for (const k of order) {
      max = Math.max(max, flat[k + 1]!);
      this.starts.push(flat[k]!);
      this.maxEnds.push(max);
    }
  }

  /** Some range starts before `to` and ends after `from`. */
  overlaps(from: number, to: number): boolean {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < to) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnds[lo - 1]! > from;
  }
}
