/**
 * Where each line of a note starts, found in one forward pass, so that the text of any line costs
 * its own length rather than a rescan from the top (context lines for 20,000 links in one note took
 * 12.6 s that way). The pass goes only as far as the furthest line asked for: twenty contexts near
 * the top of a 50 MB note never read the rest. Lines end at `\n`, `\r\n` or `\r`, as the parsers
 * count them.
 */
import { lineContext } from './syntax/plain-text';

const LF = 10;
const CR = 13;

export class LineTable {
  private readonly starts: number[] = [0];
  /** Where the forward pass stopped; -1 once the whole source is done. */
  private scanned = 0;
  /** A note without `\r` (nearly all) is split with the engine's `indexOf`, several times faster than a loop. */
  private readonly lfOnly: boolean;

  constructor(readonly source: string) {
    this.lfOnly = source.indexOf('\r') < 0;
  }

  /** How many lines the note has (reads it to the end). */
  get lines(): number {
    this.scanTo(Infinity);
    return this.starts.length;
  }

  /** Line `line` (1-based) without its ending; null past the last line. */
  line(line: number): string | null {
    if (line < 1) return null;
    this.scanTo(line);
    const start = this.starts[line - 1];
    if (start === undefined) return null;
    return this.source.slice(start, this.endOf(start));
  }

  /** `lineContext` of one line: the plain text around its first link. */
  context(line: number): string {
    const text = this.line(line);
    return text === null ? '' : lineContext(text, 1);
  }

  private endOf(start: number): number {
    const s = this.source;
    if (this.lfOnly) {
      const end = s.indexOf('\n', start);
      return end < 0 ? s.length : end;
    }
    let end = start;
    while (end < s.length) {
      const c = s.charCodeAt(end);
      if (c === LF || c === CR) break;
      end++;
    }
    return end;
  }

  /** Finds line starts until `line` is known or the source ends. */
  private scanTo(line: number): void {
    const s = this.source;
    while (this.scanned >= 0 && this.starts.length < line) {
      const end = this.endOf(this.scanned);
      if (end >= s.length) {
        this.scanned = -1;
        break;
      }
      const next = end + (s.charCodeAt(end) === CR && s.charCodeAt(end + 1) === LF ? 2 : 1);
      this.starts.push(next);
      this.scanned = next;
    }
  }
}
