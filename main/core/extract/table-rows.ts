/**
 * GFM table rows as micromark-extension-gfm-table reads them: how many cells a head row has,
 * whether a line is a delimiter row for it, and where each cell's content is.
 */
import { isSpaceOrTab } from './chars';

const PIPE = 124;
const BACKSLASH = 92;

/**
 * The cell count of a head row in `[pos, end)`, or 0 when it cannot be one (it needs more than a
 * lone `|`). Mirrors `headRowStart`/`headRowBreak`: a cell is counted when data or a second pipe
 * follows the start or a pipe.
 */
export function headRowSize(s: string, pos: number, end: number): number {
  let size = 0;
  let sizeB = 0;
  let seen = false;
  let i = pos;
  if (i < end && s.charCodeAt(i) !== PIPE) {
    seen = true;
    sizeB = 1;
  }
  while (i < end) {
    const c = s.charCodeAt(i);
    if (isSpaceOrTab(c)) {
      i++;
      continue;
    }
    sizeB++;
    if (seen) {
      seen = false;
      size++;
    }
    if (c === PIPE) {
      seen = true;
      i++;
      continue;
    }
    // Data runs to a pipe or whitespace; `\|` and `\\` stay inside it.
    while (i < end) {
      const d = s.charCodeAt(i);
      if (d === PIPE || isSpaceOrTab(d)) break;
      i++;
      if (d === BACKSLASH && i < end) {
        const n = s.charCodeAt(i);
        if (n === BACKSLASH || n === PIPE) i++;
      }
    }
  }
  return sizeB > 1 ? size : 0;
}

/** Whether `[pos, end)` (already past up to three spaces of indentation) is a delimiter row with `size` cells. */
export function isDelimiterRow(s: string, pos: number, end: number, size: number): boolean {
  return delimiterRowSize(s, pos, end) === size;
}

/** The cell count of a delimiter row in `[pos, end)`, or -1 when it is none (it needs a `|` or `:`). */
export function delimiterRowSize(s: string, pos: number, end: number): number {
  let i = pos;
  let seen = false;
  let cells = 0;
  // headDelimiterBefore
  for (;;) {
    let c = i < end ? s.charCodeAt(i) : -1;
    if (c === PIPE) {
      seen = true;
      i++;
      while (i < end && isSpaceOrTab(s.charCodeAt(i))) i++;
      c = i < end ? s.charCodeAt(i) : -1;
    } else if (c !== 45 && c !== 58) {
      return -1;
    }
    // headDelimiterValueBefore
    if (c === -1) return seen ? cells : -1;
    if (c === 58) {
      cells++;
      seen = true;
      i++;
      if (s.charCodeAt(i) !== 45 || i >= end) return -1;
    } else if (c === 45) {
      cells++;
    } else {
      return -1;
    }
    while (i < end && s.charCodeAt(i) === 45) i++;
    if (i < end && s.charCodeAt(i) === 58) {
      seen = true;
      i++;
    }
    while (i < end && isSpaceOrTab(s.charCodeAt(i))) i++;
    // headDelimiterCellAfter
    if (i >= end) return seen ? cells : -1;
    if (s.charCodeAt(i) !== PIPE) return -1;
  }
}

/**
 * The cells of a row in `[pos, end)`: pairs of `[start, end)` offsets of each cell's trimmed
 * content (empty cells are skipped: they hold nothing). Pipes split cells unless escaped.
 */
export function rowCells(s: string, pos: number, end: number, out: number[]): void {
  let i = pos;
  let cellStart = -1;
  let cellEnd = -1;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === PIPE) {
      if (cellStart >= 0) out.push(cellStart, cellEnd);
      cellStart = -1;
      i++;
      continue;
    }
    if (isSpaceOrTab(c)) {
      i++;
      continue;
    }
    if (cellStart < 0) cellStart = i;
    i++;
    if (c === BACKSLASH && i < end) {
      const n = s.charCodeAt(i);
      if (n === BACKSLASH || n === PIPE) i++;
    }
    cellEnd = i;
  }
  if (cellStart >= 0) out.push(cellStart, cellEnd);
}
