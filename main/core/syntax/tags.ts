/** Inline tags and block ids on source characters, per RULES.md "Tags" and "Blocks". */

const TAG_CHAR = /[\p{L}\p{Nd}_/-]/u;
const ALL_DIGITS = /^\p{Nd}+$/u;

/**
 * The tag whose `#` is at `source[at]`, or null: the `#` must start a line or follow whitespace, and be
 * followed by tag characters (Unicode letters and decimal digits, `_`, `-`, `/`) that are not all digits.
 */
export function readTagAt(source: string, at: number): string | null {
  if (at > 0 && !/\s/.test(source[at - 1]!)) return null;
  let end = at + 1;
  while (end < source.length) {
    const c = source.codePointAt(end)!;
    const ch = String.fromCodePoint(c);
    if (!TAG_CHAR.test(ch)) break;
    end += ch.length;
  }
  const tag = source.slice(at + 1, end);
  return tag && !ALL_DIGITS.test(tag) ? tag : null;
}

/**
 * A block id at the end of one line (`… text ^my-id` or a line that is only `^my-id`): its id and the
 * offset of `^` within the line; null when the line does not end with one. Ids are ASCII letters, digits, `-`.
 */
export function blockIdAtLineEnd(line: string): { id: string; index: number } | null {
  const m = /(?:^|\s)\^([A-Za-z0-9-]+)[ \t]*$/.exec(line);
  if (!m) return null;
  return { id: m[1]!, index: m.index + m[0].indexOf('^') };
}
