/** micromark reads NUL as U+FFFD, so text that comes from its tokens (not source slices) has U+FFFD there. */
export function asTokenText(s: string): string {
  return s.indexOf('\0') < 0 ? s : s.replace(/\0/g, '\uFFFD');
}

/**
 * Character classes as micromark defines them. micromark works on UTF-16 code units, and so do we
 * (`charCodeAt`), so a surrogate half is tested on its own exactly as it is there.
 */

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;

export function isSpaceOrTab(c: number): boolean {
  return c === SPACE || c === TAB;
}

export function isLineEnding(c: number): boolean {
  return c === LF || c === CR;
}

/** Space, tab or line ending: micromark's `markdownLineEndingOrSpace`. */
export function isMarkdownWhitespace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

export function isAsciiAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiAlphanumeric(c: number): boolean {
  return isAsciiDigit(c) || isAsciiAlpha(c);
}

export function isAsciiHexDigit(c: number): boolean {
  return isAsciiDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** ``!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`` */
export function isAsciiPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/** micromark's `asciiControl`; a NUL is read as U+FFFD there, so it is no control. */
export function isAsciiControl(c: number): boolean {
  return (c < 32 && c !== 0) || c === 127;
}

/** Characters allowed in the local part of an email autolink (`asciiAtext`). */
export function isAsciiAtext(c: number): boolean {
  return (c >= 35 && c <= 39) || c === 42 || c === 43 || (c >= 45 && c <= 57) || c === 61 || c === 63 || (c >= 65 && c <= 90) || (c >= 94 && c <= 126);
}

const UNICODE_WHITESPACE = /\s/;
const UNICODE_PUNCTUATION = /\p{P}|\p{S}/u;

export function isUnicodeWhitespace(c: number): boolean {
  if (c === 0) return false;
  if (c < 128) return c === SPACE || (c >= 9 && c <= 13);
  return UNICODE_WHITESPACE.test(String.fromCharCode(c));
}

export function isUnicodePunctuation(c: number): boolean {
  // micromark reads a NUL as U+FFFD, a symbol.
  if (c === 0) return true;
  if (c < 128) return isAsciiPunctuation(c);
  return UNICODE_PUNCTUATION.test(String.fromCharCode(c));
}
