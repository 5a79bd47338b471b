/**
 * `%% comments %%` hidden from note text shown outside the reader (search text, snippets, backlink and
 * mention contexts, citation sentences). A cheap text pass, not the parsers' tokenizers: it follows
 * RULES.md "Comments" for blocks and for inline comments closed in the same paragraph, but does not know
 * about code (a `%%` in a code span or fence counts here). Linear: every `%%` is looked at once.
 */

const LF = 10;
const CR = 13;

/**
 * Hidden ranges `[start, end)` of `source`, in order, as a flat list. Block comments (a line starting
 * `%%` with no other `%%` on it) run through the next line holding `%%`, or to the end; inline ones
 * through the next `%%` unless a blank line comes first (then the `%%` is text).
 */
export function commentRanges(source: string): number[] {
  const out: number[] = [];
  // Forward-only state, so a line full of `%%` is not rescanned per mark: `seen` is how far the
  // characters have been read, `clean` whether only spaces, tabs and `>` precede `seen` on its line.
  let seen = 0;
  let clean = true;
  const readTo = (to: number) => {
    for (; seen < to; seen++) {
      const c = source.charCodeAt(seen);
      if (c === LF || c === CR) clean = true;
      else if (c !== 32 && c !== 9 && c !== 62) clean = false;
    }
  };
  let pos = source.indexOf('%%');
  while (pos >= 0) {
    readTo(pos);
    const next = source.indexOf('%%', pos + 2);
    if (clean && (next < 0 || hasLineEnding(source, pos + 2, next))) {
      const end = next < 0 ? source.length : endOfLine(source, next);
      out.push(pos, end);
      readTo(end);
      pos = next < 0 ? -1 : source.indexOf('%%', end);
      continue;
    }
    if (next >= 0 && !hasBlankLine(source, pos, next)) {
      out.push(pos, next + 2);
      readTo(next + 2);
      pos = source.indexOf('%%', next + 2);
      continue;
    }
    pos = next;
  }
  return out;
}

/** `source` with its comments blanked out: every hidden character but line endings becomes a space, so lines and offsets stay. */
export function hideComments(source: string): string {
  if (source.indexOf('%%') < 0) return source;
  const ranges = commentRanges(source);
  if (ranges.length === 0) return source;
  let out = '';
  let last = 0;
  for (let k = 0; k < ranges.length; k += 2) {
    const start = ranges[k]!;
    const end = ranges[k + 1]!;
    out += source.slice(last, start) + source.slice(start, end).replace(/[^\r\n]/g, ' ');
    last = end;
  }
  return out + source.slice(last);
}

function hasLineEnding(s: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const c = s.charCodeAt(j);
    if (c === LF || c === CR) return true;
  }
  return false;
}

function endOfLine(s: string, i: number): number {
  let j = i;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c === LF || c === CR) break;
    j++;
  }
  return j;
}

/** A line holding only spaces or tabs between `from` and `to` (a paragraph break). */
function hasBlankLine(s: string, from: number, to: number): boolean {
  let lineHasText = true;
  for (let j = from; j < to; j++) {
    const c = s.charCodeAt(j);
    if (c === LF || (c === CR && s.charCodeAt(j + 1) !== LF)) {
      if (!lineHasText) return true;
      lineHasText = false;
    } else if (c !== 32 && c !== 9 && c !== CR) lineHasText = true;
  }
  return false;
}
