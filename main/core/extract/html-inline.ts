/**
 * Inline HTML and autolinks as micromark's `htmlText` and `autolink` read them. Each matcher
 * takes the text, the index of a `<` and the end of the text, and returns the index just past the
 * construct, or -1. Line endings (`\n`) are allowed where micromark allows them.
 */
import { isAsciiAlpha, isAsciiAlphanumeric, isAsciiAtext, isAsciiControl } from './chars';

const LF = 10;

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === LF;
}

/** `<scheme:...>` or `<local@domain>`. */
export function matchAutolink(s: string, i: number, end: number): number {
  let j = i + 1;
  if (j >= end) return -1;
  let c = s.charCodeAt(j);
  if (isAsciiAlpha(c)) {
    // A scheme: 2–32 characters of letters, digits, `+`, `-`, `.`, then `:`.
    let k = j + 1;
    while (k < end && k - j < 32) {
      const d = s.charCodeAt(k);
      if (d === 43 || d === 45 || d === 46 || isAsciiAlphanumeric(d)) k++;
      else break;
    }
    if (k < end && s.charCodeAt(k) === 58 && k - j >= 2) {
      k++;
      while (k < end) {
        const d = s.charCodeAt(k);
        if (d === 62) return k + 1;
        if (d === 32 || d === 60 || isAsciiControl(d)) return -1;
        k++;
      }
      return -1;
    }
  } else if (c === 64) {
    return -1;
  }
  // An email address.
  while (j < end) {
    c = s.charCodeAt(j);
    if (c === 64) break;
    if (!isAsciiAtext(c)) return -1;
    j++;
  }
  if (j >= end) return -1;
  j++;
  // The domain: labels of alphanumerics and `-` (at most 63), separated by dots, not ending in `-`.
  if (j >= end || !isAsciiAlphanumeric(s.charCodeAt(j))) return -1;
  let size = 0;
  let afterDash = false;
  while (j < end) {
    c = s.charCodeAt(j);
    if (!afterDash) {
      if (c === 46) {
        j++;
        size = 0;
        if (j >= end || !isAsciiAlphanumeric(s.charCodeAt(j))) return -1;
        continue;
      }
      if (c === 62) return j + 1;
    }
    if ((c === 45 || isAsciiAlphanumeric(c)) && size++ < 63) {
      j++;
      afterDash = c === 45;
      continue;
    }
    return -1;
  }
  return -1;
}

const COMMENT = 0;
const CDATA = 1;
const DECLARATION = 2;
const INSTRUCTION = 3;

/**
 * Where each kind of construct that runs to a closing sequence (`-->`, `]]>`, `>`, `?>`) was last
 * found unclosed in this text: one that finds no end from a position finds none from any later
 * start either, so `<!--<!--<!--…` reads the rest of the text once, not once per opener.
 */
const unclosed = { s: '', end: -1, from: [Infinity, Infinity, Infinity, Infinity] };

function knownUnclosed(s: string, end: number, kind: number, at: number): boolean {
  return unclosed.end === end && at >= unclosed.from[kind]! && unclosed.s === s;
}

function noEnd(s: string, end: number, kind: number, at: number): -1 {
  if (unclosed.end !== end || unclosed.s !== s) {
    unclosed.s = s;
    unclosed.end = end;
    unclosed.from.fill(Infinity);
  }
  unclosed.from[kind] = Math.min(unclosed.from[kind]!, at);
  return -1;
}

/** Inline HTML: an open or closing tag, a comment, a processing instruction, a declaration or CDATA. */
export function matchHtmlInline(s: string, i: number, end: number): number {
  let j = i + 1;
  if (j >= end) return -1;
  const c = s.charCodeAt(j);
  if (c === 33) {
    j++;
    const d = j < end ? s.charCodeAt(j) : -1;
    if (d === 45) {
      if (s.charCodeAt(j + 1) !== 45 || j + 1 >= end) return -1;
      // Past `<!--` a scan is always in the same state, so an earlier scan that found no end speaks for this one.
      if (knownUnclosed(s, end, COMMENT, j + 2)) return -1;
      const after = comment(s, j + 2, end);
      return after < 0 ? noEnd(s, end, COMMENT, j + 2) : after;
    }
    if (d === 91) {
      if (!s.startsWith('CDATA[', j + 1) || j + 7 > end) return -1;
      if (knownUnclosed(s, end, CDATA, j + 7)) return -1;
      const after = cdata(s, j + 7, end);
      return after < 0 ? noEnd(s, end, CDATA, j + 7) : after;
    }
    if (isAsciiAlpha(d)) {
      if (knownUnclosed(s, end, DECLARATION, j + 1)) return -1;
      const close = s.indexOf('>', j + 1);
      return close < 0 || close >= end ? noEnd(s, end, DECLARATION, j + 1) : close + 1;
    }
    return -1;
  }
  if (c === 63) {
    if (knownUnclosed(s, end, INSTRUCTION, j + 1)) return -1;
    const close = s.indexOf('?>', j + 1);
    return close < 0 || close + 2 > end ? noEnd(s, end, INSTRUCTION, j + 1) : close + 2;
  }
  if (c === 47) {
    j++;
    if (j >= end || !isAsciiAlpha(s.charCodeAt(j))) return -1;
    j++;
    while (j < end && (s.charCodeAt(j) === 45 || isAsciiAlphanumeric(s.charCodeAt(j)))) j++;
    while (j < end && isWs(s.charCodeAt(j))) j++;
    return j < end && s.charCodeAt(j) === 62 ? j + 1 : -1;
  }
  if (!isAsciiAlpha(c)) return -1;
  j++;
  while (j < end && (s.charCodeAt(j) === 45 || isAsciiAlphanumeric(s.charCodeAt(j)))) j++;
  return openTagRest(s, j, end);
}

/** After `<!--`: micromark's comment states (`<!-->` and `<!--->` are complete comments). */
function comment(s: string, j: number, end: number): number {
  // commentEnd: `>` ends, `-` goes to commentClose, else comment.
  let state = 2;
  while (j < end) {
    const c = s.charCodeAt(j);
    if (state === 2) {
      if (c === 62) return j + 1;
      if (c === 45) {
        j++;
        continue;
      }
      state = 0;
      continue;
    }
    if (state === 1) {
      // commentClose: `-` → commentEnd, else comment (reprocess).
      if (c === 45) {
        state = 2;
        j++;
        continue;
      }
      state = 0;
      continue;
    }
    if (c === 45) state = 1;
    j++;
  }
  return -1;
}

function cdata(s: string, j: number, end: number): number {
  const close = s.indexOf(']]>', j);
  return close < 0 || close + 3 > end ? -1 : close + 3;
}

/** The rest of an open tag after its name: attributes, optional `/`, `>`. */
function openTagRest(s: string, j: number, end: number): number {
  let c = j < end ? s.charCodeAt(j) : -1;
  if (!(c === 47 || c === 62 || isWs(c))) return -1;
  for (;;) {
    // tagOpenBetween
    c = j < end ? s.charCodeAt(j) : -1;
    if (c === 47) return j + 1 < end && s.charCodeAt(j + 1) === 62 ? j + 2 : -1;
    if (c === 62) return j + 1;
    if (isWs(c)) {
      j++;
      continue;
    }
    if (!(c === 58 || c === 95 || isAsciiAlpha(c))) return -1;
    j++;
    while (j < end) {
      c = s.charCodeAt(j);
      if (c === 45 || c === 46 || c === 58 || c === 95 || isAsciiAlphanumeric(c)) j++;
      else break;
    }
    // tagOpenAttributeNameAfter
    while (j < end && isWs(s.charCodeAt(j))) j++;
    if (j >= end || s.charCodeAt(j) !== 61) continue;
    j++;
    while (j < end && isWs(s.charCodeAt(j))) j++;
    c = j < end ? s.charCodeAt(j) : -1;
    if (c === -1 || c === 60 || c === 61 || c === 62 || c === 96) return -1;
    if (c === 34 || c === 39) {
      const close = s.indexOf(c === 34 ? '"' : "'", j + 1);
      if (close < 0 || close >= end) return -1;
      j = close + 1;
      c = j < end ? s.charCodeAt(j) : -1;
      if (!(c === 47 || c === 62 || isWs(c))) return -1;
      continue;
    }
    j++;
    while (j < end) {
      c = s.charCodeAt(j);
      if (c === 34 || c === 39 || c === 60 || c === 61 || c === 96) return -1;
      if (c === 47 || c === 62 || isWs(c)) break;
      j++;
    }
    if (j >= end) return -1;
  }
}
