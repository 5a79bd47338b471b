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
