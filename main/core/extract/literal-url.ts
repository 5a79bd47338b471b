/**
 * GFM literal URLs (`www.…`, `http://…`, `https://…`) as micromark-extension-gfm-autolink-literal
 * tokenizes them. They matter because they swallow characters (`[`, `` ` ``, `#`) that would
 * otherwise start something, and because a YouTube one carries a timestamp.
 *
 * Email literals matter only for what they swallow (`a@b.cohttps://…` is one email, no URL).
 */
import { isAsciiAlpha, isAsciiAlphanumeric, isAsciiControl, isMarkdownWhitespace, isUnicodePunctuation, isUnicodeWhitespace } from './chars';

/** Characters that may trail a URL without belonging to it. */
function isTrailPunctuation(c: number): boolean {
  return c === 33 || c === 34 || c === 39 || c === 41 || c === 42 || c === 44 || c === 46 || c === 58 || c === 59 || c === 63 || c === 95 || c === 126;
}

/** Whether a `www.` literal may start after `prev` (-1 at the start of the text). */
export function wwwMayFollow(prev: number): boolean {
  return prev === -1 || prev === 40 || prev === 42 || prev === 95 || prev === 91 || prev === 93 || prev === 126 || isMarkdownWhitespace(prev);
}

/** Whether an `http(s)://` literal may start after `prev`. */
export function protocolMayFollow(prev: number): boolean {
  return !isAsciiAlpha(prev);
}

/** A `www.` literal at `i`: the index just past it, or -1. */
export function matchWww(s: string, i: number, end: number): number {
  for (let k = 0; k < 3; k++) {
    const c = s.charCodeAt(i + k);
    if (c !== 119 && c !== 87) return -1;
  }
  if (i + 4 >= end || s.charCodeAt(i + 3) !== 46) return -1;
  const d = domain(s, i, end);
  return d < 0 ? -1 : path(s, d, end);
}

/** An `http://` or `https://` literal at `i`: the index just past it, or -1. */
export function matchProtocol(s: string, i: number, end: number): number {
  let j = i;
  while (j < end && j - i < 5 && isAsciiAlpha(s.charCodeAt(j))) j++;
  if (j >= end || s.charCodeAt(j) !== 58) return -1;
  const scheme = s.slice(i, j).toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return -1;
  if (s.charCodeAt(j + 1) !== 47 || s.charCodeAt(j + 2) !== 47 || j + 2 >= end) return -1;
  j += 3;
  if (j >= end) return -1;
  const c = s.charCodeAt(j);
  if (isAsciiControl(c) || isMarkdownWhitespace(c) || isUnicodeWhitespace(c) || isUnicodePunctuation(c)) return -1;
  const d = domain(s, j, end);
  return d < 0 ? -1 : path(s, d, end);
}

function domain(s: string, i: number, end: number): number {
  let underscoreInLast = false;
  let underscoreInLastLast = false;
  let seen = false;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === 46 || c === 95) {
      if (trail(s, i, end)) break;
      if (c === 95) underscoreInLast = true;
      else {
        underscoreInLastLast = underscoreInLast;
        underscoreInLast = false;
      }
      i++;
      continue;
    }
    if (isMarkdownWhitespace(c) || isUnicodeWhitespace(c) || (c !== 45 && isUnicodePunctuation(c))) break;
    seen = true;
    i++;
  }
  if (underscoreInLastLast || underscoreInLast || !seen) return -1;
  return i;
}

function path(s: string, i: number, end: number): number {
  let open = 0;
  let close = 0;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === 40) {
      open++;
      i++;
      continue;
    }
    if (c === 41 && close < open) {
      close++;
      i++;
      continue;
    }
    if (c === 33 || c === 34 || c === 38 || c === 39 || c === 41 || c === 42 || c === 44 || c === 46 || c === 58 || c === 59 || c === 60 || c === 63 || c === 93 || c === 95 || c === 126) {
      if (trail(s, i, end)) return i;
      if (c === 41) close++;
      i++;
      continue;
    }
    if (isMarkdownWhitespace(c) || isUnicodeWhitespace(c)) return i;
    i++;
  }
  return i;
}

/** Whether trailing punctuation from `i` ends the URL (micromark's `trail` check). */
function trail(s: string, i: number, end: number): boolean {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (isTrailPunctuation(c)) {
      i++;
      continue;
    }
    if (c === 38) {
      i++;
      if (i >= end || !isAsciiAlpha(s.charCodeAt(i))) return false;
      while (i < end && isAsciiAlpha(s.charCodeAt(i))) i++;
      if (i >= end || s.charCodeAt(i) !== 59) return false;
      i++;
      continue;
    }
    if (c === 93) {
      i++;
      const n = i < end ? s.charCodeAt(i) : -1;
      if (n === -1 || n === 40 || n === 91 || isMarkdownWhitespace(n) || isUnicodeWhitespace(n)) return true;
      continue;
    }
    return c === 60 || isMarkdownWhitespace(c) || isUnicodeWhitespace(c);
  }
  return true;
}

/** `+`, `-`, `.`, `_`, ASCII letters and digits: what an email literal's local part is made of. */
export function isGfmAtext(c: number): boolean {
  return c === 43 || c === 45 || c === 46 || c === 95 || isAsciiAlphanumeric(c);
}

/** Whether an email literal may start after `prev`. */
export function emailMayFollow(prev: number): boolean {
  return !(prev === 47 || isGfmAtext(prev));
}

/** An email literal at `i` (an atext character): the index just past it, or -1. */
export function matchEmail(s: string, i: number, end: number): number {
  let j = i;
  while (j < end && isGfmAtext(s.charCodeAt(j))) j++;
  if (j >= end || s.charCodeAt(j) !== 64) return -1;
  j++;
  let data = false;
  let dot = false;
  while (j < end) {
    const c = s.charCodeAt(j);
    if (c === 46) {
      // A dot not followed by a letter or digit trails the address.
      if (j + 1 < end && isAsciiAlphanumeric(s.charCodeAt(j + 1))) {
        dot = true;
        j++;
        continue;
      }
      break;
    }
    if (c === 45 || c === 95 || isAsciiAlphanumeric(c)) {
      data = true;
      j++;
      continue;
    }
    break;
  }
  return data && dot && isAsciiAlpha(s.charCodeAt(j - 1)) ? j : -1;
}
