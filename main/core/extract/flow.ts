/**
 * The leaf blocks inside one container (micromark's "flow"): paragraphs with their reference
 * definitions, headings, thematic breaks, fenced and indented code, HTML blocks and GFM tables.
 * It is fed one line at a time, after the block scanner has dealt with the container prefixes.
 */
import { isFenceClose, matchAtxHeading, matchFenceOpen, isThematicBreak, setextLevel, trimEndSpaces, type FenceOpen } from './block-starts';
import type { LineCursor } from './cursor';
import { htmlEndsOnLine, matchHtmlStart } from './html-flow';
import { CELL, HEADING, HTML, Leaf, PARAGRAPH, Segments } from './leaves';
import { scanDefinition, skipWhitespace } from './link-syntax';
import { delimiterRowSize, headRowSize, rowCells } from './table-rows';

export const NONE = 0;
export const CONTENT = 1;
export const INDENTED = 2;
export const FENCED = 3;
export const HTML_BLOCK = 4;
/** Between table rows: the next line may be a body row. */
export const TABLE = 5;
/** Inside a block comment or math block (`%%` / `$$` line … line holding the pair again). */
export const MARKER_BLOCK = 6;

/** What the whole note's blocks produce for the inline pass. */
export interface BlockOutput {
  /** Each leaf as it is found, in document order. */
  leaf(leaf: Leaf): void;
  /** Normalised label → raw destination, first definition wins. */
  definitions: Map<string, string>;
  /** Normalised labels of footnote definitions. */
  footnotes: Set<string>;
}

/**
 * The next `%%` (or `$$`) at or after an offset, remembered: an unclosed block does not search the
 * rest of the note again on every line (that would be quadratic).
 */
class PairFinder {
  /** Where the last search started, and what it found (Infinity: none). */
  private from = -1;
  private at = -1;

  constructor(
    private readonly src: string,
    private readonly pair: string,
  ) {}

  next(from: number): number {
    if (from < this.from || from > this.at) {
      this.from = from;
      const k = this.src.indexOf(this.pair, from);
      this.at = k < 0 ? Infinity : k;
    }
    return this.at;
  }
}

export class Flow {
  state = NONE;
  private readonly content = new Segments();
  private contentFirstInItem = false;
  /** The paragraph's lines so far hold an odd number of `%%` (one is open). */
  private contentOpenPercent = false;
  /** The paragraph's last line could be a table's head row (it was not continued by indentation). */
  private lastMayBeHead = false;
  private readonly html = new Segments();
  private htmlKind = 0;
  private fence: FenceOpen = { marker: 0, size: 0 };
  private readonly cells: number[] = [];

  constructor(
    private readonly src: string,
    private readonly out: BlockOutput,
  ) {
    this.percents = new PairFinder(src, '%%');
    this.dollars = new PairFinder(src, '$$');
  }

  /** micromark's `concrete` constructs: no new containers are looked for inside them. */
  get concrete(): boolean {
    return this.state === FENCED || this.state === HTML_BLOCK || this.state === MARKER_BLOCK;
  }

  /** Whether a construct spans lines now (micromark's `currentConstruct`), so new list items would interrupt it. */
  get spanning(): boolean {
    return this.state === CONTENT || this.state === INDENTED;
  }

  /**
   * Takes the rest of a line. Returns true when the line continued a paragraph (the only way a
   * lazy line keeps its containers open).
   */
  line(cur: LineCursor, lineNo: number, lazy: boolean, firstInItem: boolean): boolean {
    const src = this.src;
    const end = cur.end;
    switch (this.state) {
      case CONTENT: {
        const first = cur.firstNonSpace();
        if (first === end) {
          this.closeContent(0);
          return false;
        }
        const indent = cur.indent();
        if (indent >= 4) {
          this.addContent(cur.pos, end, lineNo);
          this.lastMayBeHead = false;
          return true;
        }
        const c = src.charCodeAt(first);
        if (!lazy && (c === 124 || c === 45 || c === 58) && this.tableFromLastLine(first, end, lineNo)) return false;
        if (c === 61 || c === 45) {
          const level = lazy ? 0 : setextLevel(src, first, end);
          if (level > 0) {
            if (this.closeContent(level)) return false;
            return this.start(cur, lineNo, lazy, firstInItem);
          }
        }
        const interruption = this.interrupts(c, first, end, lazy);
        if (interruption !== 0) {
          this.closeContent(0);
          this.start(cur, lineNo, lazy, firstInItem);
          // micromark's check for a complete-tag HTML block reads on past this line, so the
          // paragraph still spans it and a lazy line keeps its containers.
          return interruption === 2;
        }
        this.addContent(cur.pos, end, lineNo);
        this.lastMayBeHead = true;
        return true;
      }
      case INDENTED:
        if (!lazy && (cur.blank() || cur.indent() >= 4)) return false;
        this.state = NONE;
        return this.start(cur, lineNo, lazy, firstInItem);
      case FENCED: {
        if (lazy) {
          this.state = NONE;
          return this.start(cur, lineNo, lazy, firstInItem);
        }
        cur.consumeSpaces(3);
        if (cur.peek() === this.fence.marker && isFenceClose(src, cur.pos, end, this.fence)) this.state = NONE;
        return false;
      }
      case MARKER_BLOCK: {
        // Like fenced code: a lazy line ends it, and the first line holding the pair is its last.
        if (lazy) {
          this.state = NONE;
          return this.start(cur, lineNo, lazy, firstInItem);
        }
        if (this.pairs(this.blockMarker).next(cur.pos) + 2 <= end) this.state = NONE;
        return false;
      }
      case HTML_BLOCK: {
        if (lazy || (this.htmlKind >= 6 && cur.blank())) {
          this.closeHtml();
          return this.start(cur, lineNo, lazy, firstInItem);
        }
        this.html.add(cur.pos, end, lineNo);
        if (this.htmlKind < 6 && htmlEndsOnLine(src, this.htmlKind, cur.pos, end)) this.closeHtml();
        return false;
      }
      default:
        return this.start(cur, lineNo, lazy, firstInItem);
    }
  }

  private readonly percents: PairFinder;
  private readonly dollars: PairFinder;
  /** The marker (`%` or `$`) of the open MARKER_BLOCK. */
  private blockMarker = 0;

  private pairs(marker: number): PairFinder {
    return marker === 37 ? this.percents : this.dollars;
  }

  /** A block's opening line: `%%` or `$$` at `first` and no second pair before `end`. */
  private isBlockOpen(marker: number, first: number, end: number): boolean {
    if (first + 2 > end || this.src.charCodeAt(first + 1) !== marker) return false;
    return this.pairs(marker).next(first + 2) + 2 > end;
  }

  /** Ends whatever is open (a new container starts, or the document ends). */
  close(): void {
    if (this.state === CONTENT) this.closeContent(0);
    else if (this.state === HTML_BLOCK) this.closeHtml();
    this.state = NONE;
  }

  /** A line at the start of a construct. */
  private start(cur: LineCursor, lineNo: number, lazy: boolean, firstInItem: boolean): boolean {
    const src = this.src;
    const end = cur.end;
    const afterTable = this.state === TABLE;
    this.state = NONE;
    const first = cur.firstNonSpace();
    if (first === end) return false;
    if (cur.indent() >= 4) {
      // Indented code checks laziness at its own line ending, so one begun on a lazy line ends there.
      this.state = lazy ? NONE : INDENTED;
      return false;
    }
    const c = src.charCodeAt(first);
    switch (c) {
      case 35: {
        const h = matchAtxHeading(src, first, end);
        if (h) {
          this.leaf(HEADING, src.slice(h.start, h.end), h.start, lineNo, h.level);
          return false;
        }
        break;
      }
      case 42:
      case 45:
      case 95:
        if (isThematicBreak(src, first, end)) return false;
        break;
      case 60: {
        const h = matchHtmlStart(src, first, end, false, lazy);
        if (h) {
          this.html.add(first, end, lineNo);
          this.htmlKind = h.kind;
          if (h.closed) this.closeHtml();
          else this.state = HTML_BLOCK;
          return false;
        }
        break;
      }
      case 96:
      case 126: {
        const f = matchFenceOpen(src, first, end);
        if (f) {
          this.fence = f;
          this.state = FENCED;
          return false;
        }
        break;
      }
      case 36:
      case 37:
        if (this.isBlockOpen(c, first, end)) {
          this.blockMarker = c;
          this.state = MARKER_BLOCK;
          return false;
        }
        break;
    }
    if (afterTable && !lazy) {
      this.row(first, end, lineNo);
      this.state = TABLE;
      return false;
    }
    this.state = CONTENT;
    this.contentFirstInItem = firstInItem;
    // Right after a table row, micromark reads a line as a body row or not at all as a table.
    this.lastMayBeHead = !afterTable;
    this.addContent(first, end, lineNo);
    return false;
  }

  /**
   * Whether a line (not a setext underline) interrupts a paragraph: 0 no, 1 yes, 2 yes with a
   * complete-tag HTML block (only a lazy line may start one there).
   */
  private interrupts(c: number, first: number, end: number, lazy: boolean): number {
    const src = this.src;
    switch (c) {
      case 35:
        return matchAtxHeading(src, first, end) !== null ? 1 : 0;
      case 42:
      case 45:
      case 95:
        return isThematicBreak(src, first, end) ? 1 : 0;
      case 60: {
        const h = matchHtmlStart(src, first, end, true, lazy);
        return h === null ? 0 : h.kind === 7 ? 2 : 1;
      }
      case 96:
      case 126:
        return matchFenceOpen(src, first, end) !== null ? 1 : 0;
      case 36:
        return this.isBlockOpen(c, first, end) ? 1 : 0;
      case 37:
        // An open `%%` in the paragraph takes this line as its close (RULES.md "An open `%%` keeps its paragraph").
        return !this.contentOpenPercent && this.isBlockOpen(c, first, end) ? 1 : 0;
    }
    return 0;
  }

  /**
   * Adds a paragraph line, keeping the parity of the `%%` its lines hold so far up to date (each line
   * is counted once, as it comes, so a paragraph of opener lines stays linear).
   */
  private addContent(start: number, end: number, lineNo: number): void {
    if (this.content.length === 0) this.contentOpenPercent = false;
    // The remembered search: a bare indexOf would read on to the next `%%` far below for every line.
    for (let k = this.percents.next(start); k + 2 <= end; k = this.percents.next(k + 2)) {
      this.contentOpenPercent = !this.contentOpenPercent;
    }
    this.content.add(start, end, lineNo);
  }

  /**
   * A delimiter row under the paragraph's last line makes that line a table head (micromark tries
   * the table at every paragraph line; deciding here, one line later, gives the same result).
   */
  private tableFromLastLine(first: number, end: number, lineNo: number): boolean {
    const content = this.content;
    if (!this.lastMayBeHead) return false;
    // The delimiter row is short; the head (a whole paragraph line) is only measured when it might matter.
    const size = delimiterRowSize(this.src, first, end);
    if (size <= 0) return false;
    const k = content.length - 1;
    const headLine = content.lines[k]!;
    let headStart = content.starts[k]!;
    const headEnd = content.ends[k]!;
    while (headStart < headEnd && (this.src.charCodeAt(headStart) === 32 || this.src.charCodeAt(headStart) === 9)) headStart++;
    if (headRowSize(this.src, headStart, headEnd) !== size) return false;
    content.starts.pop();
    content.ends.pop();
    content.lines.pop();
    if (content.length > 0) this.closeContent(0);
    else content.clear();
    // The paragraph ends; its last line starts afresh, where a block comment (which an open `%%` kept
    // from interrupting the paragraph) comes before a table: the delimiter row is then comment.
    if (this.isBlockOpen(37, headStart, headEnd)) {
      this.blockMarker = 37;
      this.state = MARKER_BLOCK;
      return true;
    }
    // Likewise a complete-tag HTML block (which could not interrupt the paragraph) comes before a table.
    const html = this.src.charCodeAt(headStart) === 60 ? matchHtmlStart(this.src, headStart, headEnd, false, false) : null;
    if (html) {
      this.html.add(headStart, headEnd, headLine);
      this.html.add(first, end, lineNo);
      this.htmlKind = html.kind;
      this.state = HTML_BLOCK;
      return true;
    }
    this.row(headStart, headEnd, headLine);
    this.state = TABLE;
    return true;
  }

  private row(start: number, end: number, lineNo: number): void {
    const cells = this.cells;
    cells.length = 0;
    rowCells(this.src, start, end, cells);
    for (let k = 0; k < cells.length; k += 2) {
      const a = cells[k]!;
      const b = cells[k + 1]!;
      this.leaf(CELL, this.src.slice(a, b), a, lineNo, 0);
    }
  }

  private leaf(kind: number, text: string, srcStart: number, lineNo: number, level: number): void {
    this.out.leaf(new Leaf(kind, text, 0, text.length, [0], [srcStart], [lineNo], level, false));
  }

  private closeHtml(): void {
    const html = this.html;
    if (html.length > 0) {
      const { text, vStarts } = html.join(this.src);
      this.out.leaf(new Leaf(HTML, text, 0, text.length, vStarts, html.starts, html.lines, 0, false));
      html.clear();
    }
    this.state = NONE;
  }

  /**
   * Ends a paragraph: reference definitions come off its start, the rest is a paragraph (or, with
   * `setext`, a heading). Returns whether there was a paragraph part.
   */
  private closeContent(setext: number): boolean {
    const content = this.content;
    this.state = NONE;
    if (content.length === 0) return false;
    const src = this.src;
    const { text, vStarts } = content.join(src);
    let from = 0;
    let firstInItem = this.contentFirstInItem;
    if (text.charCodeAt(0) === 91) {
      for (;;) {
        const def = scanDefinition(text, from, text.length);
        if (!def) break;
        if (!this.out.definitions.has(def.key)) this.out.definitions.set(def.key, def.dest);
        from = def.end;
        firstInItem = false;
        while (from < text.length && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 9)) from++;
        if (from >= text.length) break;
      }
    }
    const hasParagraph = skipWhitespace(text, from, text.length) < text.length;
    if (hasParagraph) {
      const to = trimEndSpaces(text, from, text.length);
      const kind = setext > 0 ? HEADING : PARAGRAPH;
      this.out.leaf(new Leaf(kind, text, from, to, vStarts, content.starts, content.lines, setext, firstInItem));
    }
    content.clear();
    return hasParagraph;
  }
}

