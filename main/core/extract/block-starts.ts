/**
 * Recognisers for the one-line block starts (micromark's flow constructs), each a pure function of
 * the source, the position after the line's indentation and the end of the line.
 */
import { isAsciiDigit, isSpaceOrTab } from './chars';

const HASH = 35;

/** Index of the first character at or after `pos` that is not a space or tab (at most `end`). */
export function skipSpaces(s: string, pos: number, end: number): number {
  while (pos < end && isSpaceOrTab(s.charCodeAt(pos))) pos++;
  return pos;
}

/** Index just past the last character before `end` that is not a space or tab (at least `start`). */
export function trimEndSpaces(s: string, start: number, end: number): number {
  while (end > start && isSpaceOrTab(s.charCodeAt(end - 1))) end--;
  return end;
}

export function isBlankFrom(s: string, pos: number, end: number): boolean {
  return skipSpaces(s, pos, end) === end;
}

export interface AtxHeading {
  level: number;
  /** The content, `[start, end)`; empty when the heading has none. */
  start: number;
  end: number;
}

/** `#`…`######` then whitespace or the end of the line, as micromark's `headingAtx` reads it. */
export function matchAtxHeading(s: string, pos: number, end: number): AtxHeading | null {
  let i = pos;
  while (i < end && s.charCodeAt(i) === HASH && i - pos < 7) i++;
  const level = i - pos;
  if (level === 0 || level > 6) return null;
  if (i < end && !isSpaceOrTab(s.charCodeAt(i))) return null;
  const start = skipSpaces(s, i, end);
  let stop = trimEndSpaces(s, start, end);
  // A closing sequence: `#`s preceded by whitespace (or standing alone) at the end of the line.
  let j = stop;
  while (j > start && s.charCodeAt(j - 1) === HASH) j--;
  if (j < stop) {
    if (j === start) stop = start;
    else if (isSpaceOrTab(s.charCodeAt(j - 1))) stop = trimEndSpaces(s, start, j);
  }
  return { level, start, end: stop };
}

/**
 * The last refused thematic break: a refusal from `pos` holds for every later `pos` with the same
 * marker up to the character that refused it (or to the line's end when too few markers were
 * left). A line `- - - … a` asks at every one of its list markers, and without this each question
 * would read the rest of the line again: quadratic in the line's length.
 */
const refused = { s: '', end: -1, marker: 0, from: 0, to: 0 };

/** `***`, `---`, `___` (three or more, spaces and tabs between). */
export function isThematicBreak(s: string, pos: number, end: number): boolean {
  const marker = s.charCodeAt(pos);
  if (marker !== 42 && marker !== 45 && marker !== 95) return false;
  if (refused.marker === marker && refused.end === end && pos >= refused.from && pos < refused.to && refused.s === s) return false;
  let count = 0;
  for (let i = pos; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === marker) count++;
    else if (!isSpaceOrTab(c)) return refuse(s, end, marker, pos, i);
  }
  return count >= 3 || refuse(s, end, marker, pos, end);
}

function refuse(s: string, end: number, marker: number, from: number, to: number): false {
  refused.s = s;
  refused.end = end;
  refused.marker = marker;
  refused.from = from;
  refused.to = to;
  return false;
}

/** A setext underline: the level (1 for `=`, 2 for `-`), or 0. */
export function setextLevel(s: string, pos: number, end: number): number {
  const marker = s.charCodeAt(pos);
  if (marker !== 61 && marker !== 45) return 0;
  let i = pos;
  while (i < end && s.charCodeAt(i) === marker) i++;
  if (skipSpaces(s, i, end) !== end) return 0;
  return marker === 61 ? 1 : 2;
}

export interface FenceOpen {
  marker: number;
  size: number;
}

/** An opening code fence (three or more backticks or tildes; a backtick fence's info has no backtick). */
export function matchFenceOpen(s: string, pos: number, end: number): FenceOpen | null {
  const marker = s.charCodeAt(pos);
  if (marker !== 96 && marker !== 126) return null;
  let i = pos;
  while (i < end && s.charCodeAt(i) === marker) i++;
  const size = i - pos;
  if (size < 3) return null;
  if (marker === 96 && s.indexOf('`', i) !== -1 && s.indexOf('`', i) < end) return null;
  return { marker, size };
}

/** A closing fence at `pos` (already past at most three spaces of indentation). */
export function isFenceClose(s: string, pos: number, end: number, fence: FenceOpen): boolean {
  let i = pos;
  while (i < end && s.charCodeAt(i) === fence.marker) i++;
  if (i - pos < fence.size) return false;
  return skipSpaces(s, i, end) === end;
}

export interface ListMarker {
  ordered: boolean;
  /** The marker character: `*`, `+`, `-`, or the delimiter `.` / `)` of an ordered item. */
  marker: number;
  /** Index just past the marker. */
  after: number;
}

/**
 * A list item marker at `pos`, as micromark's `list` start reads it (without the whitespace after it).
 * `interrupt`: the item would interrupt a paragraph (or indented code), so ordered items must be `1`.
 */
export function matchListMarker(s: string, pos: number, end: number, interrupt: boolean, only?: { ordered: boolean; marker: number }): ListMarker | null {
  const c = s.charCodeAt(pos);
  if (c === 42 || c === 43 || c === 45) {
    if (only && (only.ordered || only.marker !== c)) return null;
    if (c !== 43 && isThematicBreak(s, pos, end)) return null;
    return { ordered: false, marker: c, after: pos + 1 };
  }
  if (!isAsciiDigit(c)) return null;
  if (only && !only.ordered) return null;
  if (interrupt && c !== 49) return null;
  let i = pos;
  while (i < end && isAsciiDigit(s.charCodeAt(i)) && i - pos < 9) i++;
  const d = s.charCodeAt(i);
  if (d !== 46 && d !== 41) return null;
  if (interrupt && i - pos > 1) return null;
  if (only && only.marker !== d) return null;
  return { ordered: true, marker: d, after: i + 1 };
}

/** A footnote definition label `[^label]:` at `pos`: the index just past the colon, or -1. */
export function matchFootnoteLabel(s: string, pos: number, end: number): { label: string; after: number } | null {
  if (s.charCodeAt(pos) !== 91 || s.charCodeAt(pos + 1) !== 94) return null;
  const close = scanFootnoteLabel(s, pos + 2, end);
  if (close < 0 || s.charCodeAt(close + 1) !== 58) return null;
  return { label: s.slice(pos + 2, close), after: close + 2 };
}

/**
 * The `]` that ends a footnote label started at `from` (just past `[^`), or -1: no `[`, no
 * whitespace, at least one character, at most 999 (micromark's `gfmFootnote` label rules).
 */
export function scanFootnoteLabel(s: string, from: number, end: number): number {
  let size = 0;
  let i = from;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (size > 999 || c === 91 || c === 32 || c === 9 || c === 10 || c === 13) return -1;
    if (c === 93) return size === 0 ? -1 : i;
    size++;
    i++;
    if (c === 92) {
      const n = s.charCodeAt(i);
      if (n === 91 || n === 92 || n === 93) {
        i++;
        size++;
      }
    }
  }
  return -1;
}
