/**
 * The pieces of link syntax shared by inline links and reference definitions, as micromark's
 * factories read them (`factoryLabel`, `factoryDestination`, `factoryTitle`, `factoryWhitespace`).
 * They work on inline text whose line endings are `\n`; each returns the index just past what it
 * read, or -1.
 */
import { isAsciiControl, isSpaceOrTab } from './chars';

const LF = 10;

/** Spaces, tabs and line endings from `i`. */
export function skipWhitespace(s: string, i: number, end: number): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === LF) i++;
    else break;
  }
  return i;
}

/** A link label `[...]` starting at `i` (a `[`): no unescaped `[`, at least one non-whitespace character, at most 999. */
export function scanLabel(s: string, i: number, end: number): number {
  let size = 0;
  let seen = false;
  i++;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (size > 999 || c === 91) return -1;
    if (c === 93) return seen ? i + 1 : -1;
    if (c !== LF) {
      size++;
      if (!seen) seen = !isSpaceOrTab(c);
      if (c === 92) {
        const n = s.charCodeAt(i + 1);
        if (i + 1 < end && (n === 91 || n === 92 || n === 93)) {
          i++;
          size++;
        }
      }
    }
    i++;
  }
  return -1;
}

/**
 * A link destination at `i`: `<...>` or raw with balanced parentheses (at most `limit` open).
 * Raw destinations end at whitespace, or at `)` when balanced.
 */
export function scanDestination(s: string, i: number, end: number, limit: number): number {
  if (i >= end) return -1;
  let c = s.charCodeAt(i);
  if (c === 60) {
    i++;
    while (i < end) {
      c = s.charCodeAt(i);
      if (c === 62) return i + 1;
      if (c === 60 || c === LF) return -1;
      i++;
      if (c === 92 && i < end) {
        const n = s.charCodeAt(i);
        if (n === 60 || n === 62 || n === 92) i++;
      }
    }
    return -1;
  }
  if (c === 32 || c === 41 || isAsciiControl(c)) return -1;
  let balance = 0;
  while (i < end) {
    c = s.charCodeAt(i);
    if (balance === 0 && (c === 41 || c === 32 || c === 9 || c === LF)) return i;
    if (c === 40) {
      if (balance >= limit) return -1;
      balance++;
    } else if (c === 41) {
      balance--;
    } else if (c === 32 || isAsciiControl(c)) {
      return -1;
    }
    i++;
    if (c === 92 && i < end) {
      const n = s.charCodeAt(i);
      if (n === 40 || n === 41 || n === 92) i++;
    }
  }
  return balance === 0 ? i : -1;
}

/** A link title at `i`: `"..."`, `'...'` or `(...)`. */
export function scanTitle(s: string, i: number, end: number): number {
  const open = s.charCodeAt(i);
  if (open !== 34 && open !== 39 && open !== 40) return -1;
  const close = open === 40 ? 41 : open;
  i++;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === close) return i + 1;
    i++;
    if (c === 92 && i < end) {
      const n = s.charCodeAt(i);
      if (n === close || n === 92) i++;
    }
  }
  return -1;
}

/** micromark's `normalizeIdentifier`: the key a label is matched by. */
export function normalizeLabel(raw: string): string {
  return raw
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
}

export interface Definition {
  /** Normalised label. */
  key: string;
  /** Raw destination as written (with `<>` when enclosed). */
  dest: string;
  /** Index just past the definition's line. */
  end: number;
}

/**
 * A link reference definition at `i` (the start of a line of paragraph content): label, `:`,
 * destination, optional title, then nothing but whitespace to the end of the line.
 */
export function scanDefinition(s: string, i: number, end: number): Definition | null {
  if (s.charCodeAt(i) !== 91) return null;
  const labelEnd = scanLabel(s, i, end);
  if (labelEnd < 0 || s.charCodeAt(labelEnd) !== 58) return null;
  const destStart = skipWhitespace(s, labelEnd + 1, end);
  const destEnd = scanDestination(s, destStart, end, Infinity);
  if (destEnd < 0) return null;
  const lineEnd = atLineEnd(s, destEnd, end);
  // A title needs whitespace before it and must itself end its line; else the line must end after the destination.
  const titleStart = skipWhitespace(s, destEnd, end);
  if (titleStart > destEnd) {
    const titleEnd = scanTitle(s, titleStart, end);
    if (titleEnd >= 0) {
      const after = atLineEnd(s, titleEnd, end);
      if (after >= 0) return { key: normalizeLabel(s.slice(i + 1, labelEnd - 1)), dest: s.slice(destStart, destEnd), end: after };
    }
  }
  if (lineEnd < 0) return null;
  return { key: normalizeLabel(s.slice(i + 1, labelEnd - 1)), dest: s.slice(destStart, destEnd), end: lineEnd };
}

/** After optional spaces, the end of the line (index past the `\n`, or `end`); -1 when something else follows. */
function atLineEnd(s: string, i: number, end: number): number {
  while (i < end && isSpaceOrTab(s.charCodeAt(i))) i++;
  if (i >= end) return end;
  return s.charCodeAt(i) === LF ? i + 1 : -1;
}
