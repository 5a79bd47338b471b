/**
 * What the block scanner hands to the inline scanner: leaves whose text is looked at, each a run
 * of line segments joined into one string with `\n`, with a map back to source offsets and lines.
 */

export const PARAGRAPH = 0;
export const HEADING = 1;
export const CELL = 2;
export const HTML = 3;

export class Leaf {
  constructor(
    /** PARAGRAPH, HEADING, CELL or HTML. */
    readonly kind: number,
    /** The segments joined with `\n`. */
    readonly text: string,
    /** The part of `text` that is this leaf's content. */
    readonly from: number,
    readonly to: number,
    /** Offset in `text` where each segment starts. */
    readonly vStarts: number[],
    /** Offset in the source where each segment starts. */
    readonly srcStarts: number[],
    /** File line of each segment. */
    readonly lines: number[],
    /** Heading level (1–6), else 0. */
    readonly level: number,
    /** A paragraph that is a list item's first content (for `^id` on the item's line). */
    readonly inListItem: boolean,
  ) {}

  /** Index of the segment holding `text` offset `v`. */
  segmentAt(v: number): number {
    const starts = this.vStarts;
    let k = starts.length - 1;
    if (k === 0 || v >= starts[k]!) return k;
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= v) lo = mid;
      else hi = mid - 1;
    }
    k = lo;
    return k;
  }

  lineAt(v: number): number {
    return this.lines[this.segmentAt(v)]!;
  }

  sourceAt(v: number): number {
    const k = this.segmentAt(v);
    return this.srcStarts[k]! + (v - this.vStarts[k]!);
  }
}

/** Segments gathered line by line (parallel arrays: start, end, line). */
export class Segments {
  starts: number[] = [];
  ends: number[] = [];
  lines: number[] = [];

  get length(): number {
    return this.starts.length;
  }

  add(start: number, end: number, line: number): void {
    this.starts.push(start);
    this.ends.push(end);
    this.lines.push(line);
  }

  clear(): void {
    this.starts = [];
    this.ends = [];
    this.lines = [];
  }

  /** Joins the segments `[from, to)` of `src`; returns the text and each segment's offset in it. */
  join(src: string, from = 0, to = this.starts.length): { text: string; vStarts: number[] } {
    const vStarts: number[] = [];
    if (to - from === 1) {
      vStarts.push(0);
      return { text: src.slice(this.starts[from], this.ends[from]), vStarts };
    }
    let text = '';
    for (let k = from; k < to; k++) {
      if (k > from) text += '\n';
      vStarts.push(text.length);
      text += src.slice(this.starts[k], this.ends[k]);
    }
    return { text, vStarts };
  }
}
