/**
 * A position inside one line, with tabs expanded the way micromark expands them: a tab is one
 * code followed by virtual spaces up to the next multiple of four columns, so consuming "one
 * space" of a tab leaves the rest of it as indentation.
 */
const TAB = 9;
const SPACE = 32;

export class LineCursor {
  src = '';
  /** Index of the next real character. */
  pos = 0;
  /** Column (0-based, from the start of the line) of the next code. */
  col = 0;
  /** Virtual spaces left over from a partly consumed tab (they come before `pos`). */
  vrest = 0;
  /** Index of the line's end (its line ending or the end of the source). */
  end = 0;

  reset(src: string, start: number, end: number): void {
    this.fnsFrom = -1;
    this.fnsAt = -1;
    this.src = src;
    this.pos = start;
    this.col = 0;
    this.vrest = 0;
    this.end = end;
  }

  private markPos = 0;
  private markCol = 0;
  private markVrest = 0;

  /** Remembers the position, for one level of backtracking. */
  mark(): void {
    this.markPos = this.pos;
    this.markCol = this.col;
    this.markVrest = this.vrest;
  }

  backtrack(): void {
    this.pos = this.markPos;
    this.col = this.markCol;
    this.vrest = this.markVrest;
  }

  /** The next code: -1 for a virtual space, -2 at the end of the line, else the character. */
  peek(): number {
    if (this.vrest > 0) return -1;
    if (this.pos >= this.end) return -2;
    return this.src.charCodeAt(this.pos);
  }

  atSpace(): boolean {
    if (this.vrest > 0) return true;
    if (this.pos >= this.end) return false;
    const c = this.src.charCodeAt(this.pos);
    return c === SPACE || c === TAB;
  }

  /** Consumes one whitespace code (a space, a tab's first column, or a virtual space). */
  consumeSpace(): void {
    if (this.vrest > 0) {
      this.vrest--;
      this.col++;
      return;
    }
    const c = this.src.charCodeAt(this.pos);
    this.pos++;
    if (c === TAB) {
      const width = 4 - (this.col % 4);
      this.vrest = width - 1;
    }
    this.col++;
  }

  /** Consumes up to `max` whitespace codes; returns how many. */
  consumeSpaces(max: number): number {
    let n = 0;
    while (n < max && this.atSpace()) {
      this.consumeSpace();
      n++;
    }
    return n;
  }

  /** Consumes one non-whitespace character. */
  advance(): void {
    this.pos++;
    this.col++;
  }

  /** Whitespace columns ahead of the cursor (not consuming). */
  indent(): number {
    let cols = this.vrest;
    let col = this.col + this.vrest;
    for (let i = this.pos; i < this.end; i++) {
      const c = this.src.charCodeAt(i);
      if (c === SPACE) {
        cols++;
        col++;
      } else if (c === TAB) {
        const w = 4 - (col % 4);
        cols += w;
        col += w;
      } else break;
    }
    return cols;
  }

  /** Cache for `firstNonSpace`: valid for positions in `[fnsFrom, fnsAt]` (only whitespace between). */
  private fnsFrom = -1;
  private fnsAt = -1;

  /** Index of the first non-whitespace character ahead (the line end when there is none). */
  firstNonSpace(): number {
    const pos = this.pos;
    // Containers ask at every level of a deep nesting; the answer only changes past a marker.
    if (pos >= this.fnsFrom && pos <= this.fnsAt) return this.fnsAt;
    let i = pos;
    while (i < this.end) {
      const c = this.src.charCodeAt(i);
      if (c !== SPACE && c !== TAB) break;
      i++;
    }
    this.fnsFrom = pos;
    this.fnsAt = i;
    return i;
  }

  /** Nothing but whitespace remains on the line. */
  blank(): boolean {
    return this.firstNonSpace() === this.end;
  }
}
