/**
 * A limit the remark pipeline needs and the extractor does not. micromark (with mdast-util-from-markdown)
 * spends more than linear time on containers nested on one line: `- - - … a` of 8 KB took 39 s, 4 KB
 * 7.6 s (measured here), because every container opened on a line re-checks the ones before it and
 * every nested list walks the events of the lists inside it. That cannot be fixed from outside the
 * library, so a note with a line that opens more than `MAX_LINE_NESTING` containers is not given to
 * remark: the reader shows it as plain text with a notice, and the reference record is the extractor's
 * (which reads any depth in linear time). Real notes nest a handful of levels; CommonMark parsers cap
 * depth too (markdown-it's `maxNesting`, cmark's list depth).
 */

/** Block quotes and list items one line may open before the note counts as too deeply nested. */
export const MAX_LINE_NESTING = 32;

/**
 * Whether some line of `source` starts with more than `limit` container markers (`>`, `-`/`*`/`+`
 * then whitespace, `1.`/`1)` then whitespace), each after at most three spaces. Deliberately a
 * little generous (it does not know about code fences); one pass, linear in the source.
 */
export function exceedsNesting(source: string, limit = MAX_LINE_NESTING): boolean {
  const n = source.length;
  let i = 0;
  while (i < n) {
    let end = i;
    while (end < n && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++;
    if (end - i > limit && lineDepth(source, i, end, limit) > limit) return true;
    i = end + 1;
  }
  return false;
}

function isWs(c: number): boolean {
  return c === 32 || c === 9;
}

/** Container markers at the start of the line `[start, end)`, counted up to `limit + 1`. */
function lineDepth(s: string, start: number, end: number, limit: number): number {
  // A tail of one marker character and whitespace is a thematic break (or plain text), never nesting.
  let tail = end;
  let tailMarker = -1;
  while (tail > start) {
    const c = s.charCodeAt(tail - 1);
    if (isWs(c)) tail--;
    else if ((c === 45 || c === 42) && (tailMarker === -1 || tailMarker === c)) {
      tailMarker = c;
      tail--;
    } else break;
  }
  let depth = 0;
  let i = start;
  while (depth <= limit) {
    let spaces = 0;
    while (spaces < 3 && i < end && s.charCodeAt(i) === 32) {
      i++;
      spaces++;
    }
    if (i >= end) break;
    const c = s.charCodeAt(i);
    if (c === 62) {
      i++;
    } else if (c === 45 || c === 42 || c === 43) {
      if (c === tailMarker && i >= tail) break;
      if (i + 1 < end && !isWs(s.charCodeAt(i + 1))) break;
      i++;
    } else if (c >= 48 && c <= 57) {
      let j = i;
      while (j < end && j - i < 9 && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
      const d = s.charCodeAt(j);
      if (!(d === 46 || d === 41) || (j + 1 < end && !isWs(s.charCodeAt(j + 1)))) break;
      i = j + 1;
    } else break;
    depth++;
    if (i < end && isWs(s.charCodeAt(i))) i++;
  }
  return depth;
}

/**
 * The second limit. micromark's inline step is superlinear on runs of delimiters that never pair up
 * (emphasis `*a_ ` repeated: 16 KB took 8.8 s in bare remark-parse here; `]` with no opener, `<?` with no
 * close, `[ (](`), and on many setext headings in a row. Those costs grow with the delimiters inside
 * one paragraph, so a paragraph with more than `MAX_PARAGRAPH_DELIMITERS` of `*`, `_`, `[`, `]`, `<`,
 * or a note with more than `MAX_SETEXT_UNDERLINES` underline lines, is not given to remark either.
 * Real prose stays far below: a paragraph needs hundreds of links or emphasised words to come near.
 */
export const MAX_PARAGRAPH_DELIMITERS = 1500;
export const MAX_SETEXT_UNDERLINES = 1500;

/**
 * Whether some paragraph of `source` holds too many inline delimiters for remark. A "paragraph" here
 * is a run of lines up to a blank line or a line that starts a list item, heading or table row (each
 * of those is its own inline context in micromark). One pass, linear; like `exceedsNesting` it does
 * not know about code, which only makes it a little more cautious.
 */
export function exceedsInlineDensity(source: string): boolean {
  const n = source.length;
  let delimiters = 0;
  let underlines = 0;
  let i = 0;
  while (i < n) {
    let end = i;
    while (end < n && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++;
    const kind = lineKind(source, i, end);
    if (kind === BLANK || kind === STARTS_BLOCK) delimiters = 0;
    if (kind === UNDERLINE && ++underlines > MAX_SETEXT_UNDERLINES) return true;
    for (let k = i; k < end; k++) {
      const c = source.charCodeAt(k);
      // * _ [ ] <; a wikilink's `[[` or `]]` is one (its own construct, no label machinery).
      if (c === 42 || c === 95 || c === 91 || c === 93 || c === 60) {
        if ((c === 91 || c === 93) && source.charCodeAt(k + 1) === c) k++;
        if (++delimiters > MAX_PARAGRAPH_DELIMITERS) return true;
      }
    }
    i = end + 1;
  }
  return false;
}

const BLANK = 0;
const STARTS_BLOCK = 1;
const UNDERLINE = 2;
const OTHER = 3;

/** What the line `[start, end)` is, as far as paragraph boundaries and setext underlines go. */
function lineKind(s: string, start: number, end: number): number {
  let i = start;
  while (i < end && (isWs(s.charCodeAt(i)) || s.charCodeAt(i) === 62)) i++;
  if (i >= end) return BLANK;
  const c = s.charCodeAt(i);
  if (c === 35 || c === 124) return STARTS_BLOCK;
  if ((c === 45 || c === 42 || c === 43) && i + 1 < end && isWs(s.charCodeAt(i + 1))) return STARTS_BLOCK;
  if (c >= 48 && c <= 57) {
    let j = i;
    while (j < end && j - i < 9 && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
    const d = s.charCodeAt(j);
    if ((d === 46 || d === 41) && (j + 1 >= end || isWs(s.charCodeAt(j + 1)))) return STARTS_BLOCK;
  }
  if (c === 61 || c === 45) {
    let j = i;
    while (j < end && s.charCodeAt(j) === c) j++;
    while (j < end && isWs(s.charCodeAt(j))) j++;
    if (j >= end) return UNDERLINE;
  }
  return OTHER;
}

/** Why remark must not read `source` (shown above the plain-text view), or null when it may. */
export function remarkRefusal(source: string): string | null {
  if (exceedsNesting(source)) return PLAIN_TEXT_NOTICE;
  if (exceedsInlineDensity(source)) return DENSE_TEXT_NOTICE;
  return null;
}

/** What the reader says above a note too deeply nested for remark. */
export const PLAIN_TEXT_NOTICE = `This note nests lists or quotes more than ${MAX_LINE_NESTING} levels deep on one line, so it is shown as plain text.`;

/** What the reader says above a note too dense with markup for remark. */
export const DENSE_TEXT_NOTICE = `This note packs more than ${MAX_PARAGRAPH_DELIMITERS} markup characters (* _ [ ] <) into one paragraph, or more than ${MAX_SETEXT_UNDERLINES} heading underlines, so it is shown as plain text.`;
