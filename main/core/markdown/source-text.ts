/** Reading raw note text next to the tree: lines counted as micromark does (`\r\n`, `\n`, `\r`), escapes, link forms. */
import type { Link } from 'mdast';

/** Maps source offsets to 1-based lines. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(source: string) {
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Offset of the first character of `line`. */
  startOf(line: number): number {
    return this.starts[line - 1] ?? 0;
  }
}

/** How many line endings `text` has before `end`. */
export function lineEndingsBefore(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** A GFM literal URL: a link written as neither `[text](…)` nor `<…>`. */
export function isLiteralUrl(link: Link, source: string): boolean {
  const at = link.position?.start.offset;
  return at !== undefined && source[at] !== '[' && source[at] !== '<';
}

/** Whether the character at `offset` follows an odd run of backslashes (a CommonMark escape). */
export function isEscaped(source: string, offset: number): boolean {
  let n = 0;
  while (offset - n - 1 >= 0 && source[offset - n - 1] === '\\') n++;
  return n % 2 === 1;
}
