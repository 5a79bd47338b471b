/**
 * The block structure of a note, line by line, as micromark's document tokenizer builds it:
 * block quotes, list items and GFM footnote definitions (the containers), and their laziness;
 * the leaf blocks inside them are the `Flow`'s job. Quirks of micromark are kept on purpose (it is
 * the ground truth): whether a list item may interrupt is decided once per line, only when every
 * open container continued, and it holds for every container opened on that line.
 */
import { matchFootnoteLabel, matchListMarker } from './block-starts';
import { LineCursor } from './cursor';
import { Flow, type BlockOutput } from './flow';
import { normalizeLabel } from './link-syntax';

const QUOTE = 1;
const LIST = 2;
const FOOTNOTE = 3;

interface Container {
  kind: number;
  ordered: boolean;
  /** List marker (`*+-`, or `.`/`)` of an ordered list). */
  marker: number;
  /** Columns a line must be indented by to stay in the current list item. */
  size: number;
  initialBlank: boolean;
  furtherBlank: boolean;
  /** The current list item already holds a block (so a paragraph starting now is not its first child). */
  itemHasChild: boolean;
}

/**
 * `containers: false` reads every line as leaf blocks only. micromark does that to a whole note
 * that opens front matter and never closes it: the pending front matter is a "concrete" construct,
 * so no line is ever checked for block quotes or list items.
 */
export function scanBlocks(src: string, bodyOffset: number, firstLine: number, out: BlockOutput, containers = true): void {
  new BlockScanner(src, out, containers).run(bodyOffset, firstLine);
}

class BlockScanner {
  private readonly flow: Flow;
  private readonly stack: Container[] = [];
  private readonly cur = new LineCursor();

  constructor(
    private readonly src: string,
    private readonly out: BlockOutput,
    private readonly containers: boolean,
  ) {
    this.flow = new Flow(src, out);
  }

  run(bodyOffset: number, firstLine: number): void {
    const src = this.src;
    const n = src.length;
    const hasCR = src.indexOf('\r', bodyOffset) !== -1;
    let start = bodyOffset;
    let line = firstLine;
    while (start < n) {
      let end: number;
      let next: number;
      if (!hasCR) {
        end = src.indexOf('\n', start);
        if (end < 0) end = next = n;
        else next = end + 1;
      } else {
        end = start;
        while (end < n) {
          const c = src.charCodeAt(end);
          if (c === 10 || c === 13) break;
          end++;
        }
        next = end < n && src.charCodeAt(end) === 13 && src.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
      }
      this.line(start, end, line);
      start = next;
      line++;
    }
    this.flow.close();
  }

  private line(start: number, end: number, lineNo: number): void {
    const cur = this.cur;
    const stack = this.stack;
    const flow = this.flow;
    cur.reset(this.src, start, end);
    if (!this.containers) {
      flow.line(cur, lineNo, false, false);
      return;
    }

    let continued = 0;
    let sibling = false;
    while (continued < stack.length) {
      const c = stack[continued]!;
      if (c.kind === QUOTE) {
        cur.mark();
        cur.consumeSpaces(3);
        if (cur.peek() !== 62) {
          cur.backtrack();
          break;
        }
        cur.advance();
        if (cur.atSpace()) cur.consumeSpace();
      } else if (c.kind === FOOTNOTE) {
        if (!cur.blank()) {
          cur.mark();
          if (cur.consumeSpaces(4) < 4) {
            cur.backtrack();
            break;
          }
        }
      } else if (cur.blank()) {
        c.furtherBlank = c.furtherBlank || c.initialBlank;
        cur.consumeSpaces(c.size);
      } else {
        const further = c.furtherBlank;
        c.furtherBlank = false;
        c.initialBlank = false;
        let inItem = false;
        if (!further && cur.atSpace()) {
          cur.mark();
          inItem = cur.consumeSpaces(c.size) === c.size;
          if (!inItem) cur.backtrack();
        }
        if (!inItem) {
          // Not in the current item: maybe the next item of the same list.
          cur.mark();
          const indent = cur.consumeSpaces(3);
          if (cur.peek() === -1 || !this.listItem(c, indent, false)) {
            cur.backtrack();
            break;
          }
          flow.close();
          stack.length = continued + 1;
          continued++;
          sibling = true;
          break;
        }
      }
      continued++;
    }

    let interrupt = false;
    if (!sibling && continued === stack.length) {
      if (flow.concrete) {
        flow.line(cur, lineNo, false, false);
        return;
      }
      interrupt = flow.spanning;
    }

    let opened = sibling;
    for (;;) {
      cur.mark();
      const indent = cur.consumeSpaces(3);
      const container = this.openContainer(indent, interrupt);
      if (!container) {
        cur.backtrack();
        break;
      }
      if (!opened) {
        flow.close();
        stack.length = continued;
        opened = true;
      }
      this.markChild();
      stack.push(container);
      continued++;
    }

    const lazy = !opened && continued < stack.length;
    const inner = stack.length > 0 ? stack[stack.length - 1]! : null;
    const firstInItem = inner !== null && inner.kind === LIST && !inner.itemHasChild && !lazy;
    const spans = flow.line(cur, lineNo, lazy, firstInItem);
    if (!cur.blank()) this.markChild();
    if (lazy && !spans) stack.length = continued;
  }

  /** Something starts inside the innermost container: a list item now has a child. */
  private markChild(): void {
    const stack = this.stack;
    if (stack.length > 0) stack[stack.length - 1]!.itemHasChild = true;
  }

  private openContainer(indent: number, interrupt: boolean): Container | null {
    const cur = this.cur;
    const c = cur.peek();
    // Still inside a tab's columns: four or more columns of indentation, no container.
    if (c === -1) return null;
    if (c === 62) {
      cur.advance();
      if (cur.atSpace()) cur.consumeSpace();
      return { kind: QUOTE, ordered: false, marker: 0, size: 0, initialBlank: false, furtherBlank: false, itemHasChild: false };
    }
    if (c === 91) {
      const f = matchFootnoteLabel(this.src, cur.pos, cur.end);
      if (!f) return null;
      this.out.footnotes.add(normalizeLabel(f.label));
      while (cur.pos < f.after) cur.advance();
      cur.consumeSpaces(Infinity);
      return { kind: FOOTNOTE, ordered: false, marker: 0, size: 0, initialBlank: false, furtherBlank: false, itemHasChild: false };
    }
    const container: Container = { kind: LIST, ordered: false, marker: 0, size: 0, initialBlank: false, furtherBlank: false, itemHasChild: false };
    return this.listItem(container, indent, interrupt) ? container : null;
  }

  /**
   * A list item at the cursor (past `indent` columns): for a new list, `c` is filled in; for the
   * next item of an open list, the marker must match. Leaves the cursor at the item's content.
   */
  private listItem(c: Container, indent: number, interrupt: boolean): boolean {
    const cur = this.cur;
    const only = c.marker !== 0 ? { ordered: c.ordered, marker: c.marker } : undefined;
    const m = matchListMarker(this.src, cur.pos, cur.end, interrupt, only);
    if (!m) return false;
    const markerLen = m.after - cur.pos;
    if (m.after >= cur.end || isBlankAfter(this.src, m.after, cur.end)) {
      if (interrupt) return false;
      while (cur.pos < m.after) cur.advance();
      c.ordered = m.ordered;
      c.marker = m.marker;
      c.size = indent + markerLen + 1;
      c.initialBlank = true;
      c.furtherBlank = false;
      c.itemHasChild = false;
      return true;
    }
    const ch = this.src.charCodeAt(m.after);
    if (ch !== 32 && ch !== 9) return false;
    while (cur.pos < m.after) cur.advance();
    const ws = cur.indent();
    const prefix = ws <= 4 ? ws : 1;
    cur.consumeSpaces(prefix);
    c.ordered = m.ordered;
    c.marker = m.marker;
    c.size = indent + markerLen + prefix;
    c.initialBlank = false;
    c.furtherBlank = false;
    c.itemHasChild = false;
    return true;
  }
}

function isBlankAfter(src: string, i: number, end: number): boolean {
  while (i < end) {
    const c = src.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
    i++;
  }
  return true;
}
