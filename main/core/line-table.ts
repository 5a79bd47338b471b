/**
 * Where each line of a note starts, found in one pass, so that the text of any line costs its own
 * length rather than a rescan from the top (context lines for 20,000 links in one note took 12.6 s
 * that way). Lines end at `\n`, `\r\n` or `\r`, as the parsers count them.
 */
import { lineContext } from './syntax/plain-text';

const LF = 10;
const CR = 13;

export class LineTable {
  private readonly starts: number[] = [0];

  constructor(readonly source: string) {
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === LF) this.starts.push(i + 1);
      else if (c === CR) {
        if (source.charCodeAt(i + 1) === LF) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lines(): number {
    return this.starts.length;
  }

  /** Line `line` (1-based) without its ending; null past the last line. */
  line(line: number): string | null {
    const start = this.starts[line - 1];
    if (start === undefined || line < 1) return null;
    let end = start;
    while (end < this.source.length) {
      const c = this.source.charCodeAt(end);
      if (c === LF || c === CR) break;
      end++;
    }
    return this.source.slice(start, end);
  }

  /** `lineContext` of one line: the plain text around its first link. */
  context(line: number): string {
    const text = this.line(line);
    return text === null ? '' : lineContext(text, 1);
  }
}
