/**
 * Character references (`&amp;`, `&#35;`, `&#x23;`) and backslash escapes as micromark reads them:
 * recognising one in text, and decoding a link destination the way mdast's `url` holds it.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { asTokenText, isAsciiAlphanumeric, isAsciiDigit, isAsciiHexDigit, isAsciiPunctuation } from './chars';

/** A character reference at `i` (an `&`): the index just past its `;`, or -1. */
export function matchCharacterReference(s: string, i: number, end: number): number {
  let j = i + 1;
  if (j >= end) return -1;
  let max = 31;
  let test = isAsciiAlphanumeric;
  let named = true;
  if (s.charCodeAt(j) === 35) {
    named = false;
    j++;
    const c = s.charCodeAt(j);
    if (c === 88 || c === 120) {
      j++;
      max = 6;
      test = isAsciiHexDigit;
    } else {
      max = 7;
      test = isAsciiDigit;
    }
  }
  const start = j;
  while (j < end && j - start < max && test(s.charCodeAt(j))) j++;
  if (j === start || j >= end || s.charCodeAt(j) !== 59) return -1;
  if (named && decodeNamedCharacterReference(s.slice(start, j)) === false) return -1;
  return j + 1;
}

/** The character a reference `&…;` (from `i` to `end`, both ends included) stands for. */
function decodeReference(s: string, i: number, end: number): string {
  if (s.charCodeAt(i + 1) !== 35) return decodeNamedCharacterReference(s.slice(i + 1, end - 1)) || '';
  const hex = s.charCodeAt(i + 2) === 88 || s.charCodeAt(i + 2) === 120;
  const code = parseInt(s.slice(i + (hex ? 3 : 2), end - 1), hex ? 16 : 10);
  return decodeNumeric(code);
}

/** micromark-util-decode-numeric-character-reference: invalid code points become U+FFFD. */
function decodeNumeric(code: number): string {
  if (
    code < 9 ||
    code === 11 ||
    (code > 13 && code < 32) ||
    (code > 126 && code < 160) ||
    (code > 55_295 && code < 57_344) ||
    (code > 64_975 && code < 65_008) ||
    (code & 65_535) === 65_535 ||
    (code & 65_535) === 65_534 ||
    code > 1_114_111
  ) {
    return '\uFFFD';
  }
  return String.fromCodePoint(code);
}

/** Decodes escapes and character references in `[start, end)` (a destination or title as written). */
export function decodeString(s: string, start: number, end: number): string {
  let out = '';
  let last = start;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 && i + 1 < end && isAsciiPunctuation(s.charCodeAt(i + 1))) {
      out += s.slice(last, i);
      last = i + 1;
      i++;
    } else if (c === 38) {
      const stop = matchCharacterReference(s, i, end);
      if (stop > 0) {
        out += s.slice(last, i) + decodeReference(s, i, stop);
        last = stop;
        i = stop - 1;
      }
    }
  }
  return last === start ? s.slice(start, end) : out + s.slice(last, end);
}

/** A raw destination (`<…>` or bare) as mdast's `url`: brackets removed, escapes and references decoded. */
export function destinationUrl(raw: string): string {
  const url = raw.charCodeAt(0) === 60 ? decodeString(raw, 1, raw.length - 1) : decodeString(raw, 0, raw.length);
  return asTokenText(url);
}
