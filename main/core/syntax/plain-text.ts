/**
 * Notes as plain text, for search and for the context shown around links and citations. Cheap
 * on purpose (one pass, no markdown parser): it strips markup well enough for people to read and
 * for a tokenizer to index, and it never changes the number of lines. `%% comments %%` are hidden
 * (blanked), as the reader hides them.
 */
import { commentRanges, hideComments } from './comments';

const LF = 10;
const CR = 13;

/** Characters that need a look in `searchText`; everything else is copied as is. */
const SEARCH_SPECIAL = new Uint8Array(128);
for (const ch of '<[]!*_~`#>\\|&') SEARCH_SPECIAL[ch.charCodeAt(0)] = 1;

/** How far a tag or a link destination may reach before it is taken for plain text. */
const MAX_TAG = 2000;
const MAX_DESTINATION = 500;

/**
 * The body (from `bodyOffset`) as plain text for full-text search: HTML tags dropped, `[[t|a]]` → `a`,
 * `[[t]]` → `t`, `[x](y)` → `x`, emphasis, code, heading and quote markers dropped. Line endings are
 * kept, so line `k` of the result is line `k` of the body.
 */
export function searchText(note: string, bodyOffset: number): string {
  // Words in comments are not searchable: a hit there could show nothing the reader shows.
  const source = note.indexOf('%%', bodyOffset) < 0 ? note : note.slice(0, bodyOffset) + hideComments(note.slice(bodyOffset));
  const end = source.length;
  let out = '';
  let last = bodyOffset;
  let i = bodyOffset;
  while (i < end) {
    const c = source.charCodeAt(i);
    if (c >= 128 || SEARCH_SPECIAL[c] === 0) {
      i++;
      continue;
    }
    let next = i + 1;
    let replacement = '';
    switch (c) {
      case 60: {
        // <tag …>: dropped, keeping any line endings inside it.
        const close = tagEnd(source, i, end);
        if (close < 0) {
          i++;
          continue;
        }
        replacement = newlinesIn(source, i, close) || ' ';
        next = close;
        break;
      }
      case 33:
        // `!` of an image or embed.
        if (source.charCodeAt(i + 1) !== 91) {
          i++;
          continue;
        }
        break;
      case 91: {
        if (source.charCodeAt(i + 1) === 91) {
          const close = wikilinkEnd(source, i + 2, end);
          if (close > 0) {
            replacement = wikilinkShown(source.slice(i + 2, close - 2));
            next = close;
          }
        }
        break;
      }
      case 93: {
        // `](destination)` of a link: dropped with the bracket.
        if (source.charCodeAt(i + 1) === 40) {
          const close = destinationEnd(source, i + 2, end);
          if (close > 0) next = close;
        }
        break;
      }
      case 95:
        // `_` inside a word (snake_case) stays.
        if (i > 0 && isWordChar(source.charCodeAt(i - 1)) && isWordChar(source.charCodeAt(i + 1))) {
          i++;
          continue;
        }
        break;
      case 35:
      case 62:
        // Heading and quote markers at the start of a line.
        if (!atLineStart(source, i, bodyOffset)) {
          i++;
          continue;
        }
        while (next < end && source.charCodeAt(next) === c) next++;
        break;
      case 92: {
        // CommonMark: a backslash escapes ASCII punctuation only (it goes, the character stays and means
        // nothing); before a line ending it is a hard break (it goes, the line ending stays). Anywhere
        // else it is text, so `\frac` and `C:\Users` stay searchable as written.
        const escaped = source.charCodeAt(i + 1);
        if (isAsciiPunctuation(escaped)) {
          out += source.slice(last, i);
          last = i + 1;
          i += 2;
        } else {
          if (escaped === LF || escaped === CR) {
            out += source.slice(last, i);
            last = i + 1;
          }
          i++;
        }
        continue;
      }
      case 124:
        replacement = ' ';
        break;
      case 38: {
        const entity = entityAt(source, i);
        if (!entity) {
          i++;
          continue;
        }
        replacement = entity.text;
        next = entity.end;
        break;
      }
      default:
        // `*`, `~`, backticks: emphasis and code markers.
        break;
    }
    out += source.slice(last, i) + replacement;
    last = next;
    i = next;
  }
  return out + source.slice(last, end);
}

/** What a CommonMark backslash escapes: ASCII punctuation (`!` to `/`, `:` to `@`, `[` to `` ` ``, `{` to `~`). */
function isAsciiPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/** Whether only whitespace and quote or heading markers come before `i` on its line. */
function atLineStart(s: string, i: number, start: number): boolean {
  for (let j = i - 1; j >= start; j--) {
    const c = s.charCodeAt(j);
    if (c === LF || c === CR) return true;
    if (c !== 32 && c !== 9 && c !== 62 && c !== 35) return false;
  }
  return true;
}

/**
 * The plain text of one line (1-based), as the context of a link on it: list, quote and heading
 * markers, HTML tags and timestamp anchors removed, links shown as their text. A long line is cut
 * to about 300 characters around its first link.
 */
export function lineContext(source: string, line: number): string {
  const raw = lineAt(source, line);
  if (raw === null) return '';
  const { text, firstLink } = plainLine(raw);
  return around(text, firstLink, 300);
}

/**
 * The sentence holding a position of a line (its `column`, 0-based, in the line as written), as
 * plain text: for a timestamp, the sentence it closes. Without a column, the whole line.
 */
export function sentenceAround(source: string, line: number, column?: number): string {
  const raw = lineAt(source, line);
  if (raw === null) return '';
  const { text } = plainLine(raw);
  if (column === undefined) return around(text, 0, 300);
  const at = Math.min(plainLine(raw.slice(0, Math.max(0, column))).text.length, text.length);
  const bounds = sentenceBounds(text);
  let k = 0;
  while (k + 1 < bounds.length && bounds[k + 1]! <= at) k++;
  let start = bounds[k]!;
  let stop = k + 1 < bounds.length ? bounds[k + 1]! : text.length;
  // A timestamp written after its sentence's full stop belongs to that sentence, not the next.
  if (k > 0 && text.slice(start, at).trim() === '') {
    stop = start;
    start = bounds[k - 1]!;
  }
  return around(text.slice(start, stop).trim(), 0, 400);
}

/**
 * The text of line `line` (1-based) without its line ending; null when the note has no such line.
 * Lines end at `\n`, `\r\n` or `\r`, as the parsers count them.
 */
function lineAt(source: string, line: number): string | null {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = lineEndAt(source, start);
    if (next >= source.length) return null;
    start = next + (source.charCodeAt(next) === CR && source.charCodeAt(next + 1) === LF ? 2 : 1);
  }
  if (start > source.length) return null;
  const end = lineEndAt(source, start);
  const firstMark = source.indexOf('%%');
  if (firstMark < 0 || firstMark >= end) return source.slice(start, end);
  return visiblePart(source, start, end);
}

/** `source[start, end)` with what comments hide there blanked out. */
function visiblePart(source: string, start: number, end: number): string {
  const ranges = commentRanges(source);
  let out = '';
  let last = start;
  for (let k = 0; k < ranges.length; k += 2) {
    const from = Math.max(ranges[k]!, start);
    const to = Math.min(ranges[k + 1]!, end);
    if (from >= to) continue;
    out += source.slice(last, from) + ' '.repeat(to - from);
    last = to;
  }
  return out + source.slice(last, end);
}

function lineEndAt(source: string, from: number): number {
  let i = from;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === LF || c === CR) break;
    i++;
  }
  return i;
}

const YT_ANCHOR = /<a\b[^>]*\byt-timestamp\b[^>]*>[\s\S]*?<\/a\s*>/gi;
const BLOCK_MARKERS = /^(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|#{1,6}[ \t]+)?/;

/** One line as plain text, and where its first link's text begins (0 when it has none). */
function plainLine(raw: string): { text: string; firstLink: number } {
  let s = raw.replace(BLOCK_MARKERS, '');
  s = s.replace(YT_ANCHOR, '');
  let out = '';
  let firstLink = -1;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 91 || (c === 33 && s.charCodeAt(i + 1) === 91)) {
      const open = c === 33 ? i + 1 : i;
      if (s.charCodeAt(open + 1) === 91) {
        const close = wikilinkEnd(s, open + 2, s.length);
        if (close > 0) {
          if (firstLink < 0) firstLink = out.length;
          out += wikilinkShown(s.slice(open + 2, close - 2));
          i = close;
          continue;
        }
      }
      const labelEnd = s.indexOf('](', open + 1);
      if (labelEnd > 0) {
        const close = destinationEnd(s, labelEnd + 2, s.length);
        if (close > 0 && s.lastIndexOf('[', labelEnd) === open) {
          if (firstLink < 0) firstLink = out.length;
          out += plainLine(s.slice(open + 1, labelEnd)).text;
          i = close;
          continue;
        }
      }
      out += s[i];
      i++;
      continue;
    }
    if (c === 60) {
      const close = tagEnd(s, i, s.length);
      if (close > 0) {
        // An autolink shows its URL; any other tag goes.
        const inner = s.slice(i + 1, close - 1);
        if (/^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*$/.test(inner)) out += inner;
        i = close;
        continue;
      }
    }
    if (c === 42 || c === 126 || c === 96) {
      i++;
      continue;
    }
    if (c === 95 && !(i > 0 && isWordChar(s.charCodeAt(i - 1)) && isWordChar(s.charCodeAt(i + 1)))) {
      i++;
      continue;
    }
    if (c === 92 && isAsciiPunctuation(s.charCodeAt(i + 1))) {
      // An escape (as in `searchText`): the character stays, the backslash goes; other backslashes are text.
      out += s[i + 1];
      i += 2;
      continue;
    }
    if (c === 38) {
      const entity = entityAt(s, i);
      if (entity) {
        out += entity.text;
        i = entity.end;
        continue;
      }
    }
    out += s[i];
    i++;
  }
  // Removing an anchor leaves `word .`; the stop belongs to the word.
  const collapsed = out.replace(/\s+/g, ' ').replace(/ (?=[.,;:!?](?:\s|$))/g, '');
  const lead = collapsed.length - collapsed.trimStart().length;
  return { text: collapsed.trim(), firstLink: Math.max(0, (firstLink < 0 ? 0 : squeezedIndex(out, firstLink)) - lead) };
}

/** Where index `i` of `s` lands once runs of whitespace are collapsed to one space. */
function squeezedIndex(s: string, i: number): number {
  return s.slice(0, i).replace(/\s+/g, ' ').length;
}

/** At most about `max` characters of `text`, centred on `focus`, with `…` where it was cut. */
function around(text: string, focus: number, max: number): string {
  if (text.length <= max) return text;
  let start = Math.max(0, Math.min(focus - Math.floor(max / 2), text.length - max));
  let end = start + max;
  // Cut at word boundaries.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < start + 40) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > end - 40) end = space;
  }
  return (start > 0 ? '…' : '') + text.slice(start, end).trim() + (end < text.length ? '…' : '');
}

/** Offsets where sentences start: 0 and after each `.`, `!`, `?` (with closing quotes) followed by a space. */
function sentenceBounds(text: string): number[] {
  const bounds = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63) continue;
    let j = i + 1;
    while (j < text.length && (text[j] === '"' || text[j] === "'" || text[j] === ')' || text[j] === '”' || text[j] === '’')) j++;
    if (j < text.length && text.charCodeAt(j) === 32 && !isAbbreviation(text, i)) bounds.push(j + 1);
  }
  return bounds;
}

/** `e.g.`, `i.e.`, `Dr.`, `vs.`: a full stop that does not end a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  if (text.charCodeAt(dot) !== 46) return false;
  const m = /(?:^|[\s(])([A-Za-z]{1,3}|(?:[A-Za-z]\.)+[A-Za-z])$/.exec(text.slice(Math.max(0, dot - 8), dot));
  if (!m) return false;
  const word = m[1]!.toLowerCase();
  return word.includes('.') || word.length === 1 || ABBREVIATIONS.has(word);
}

const ABBREVIATIONS = new Set(['dr', 'mr', 'mrs', 'ms', 'vs', 'etc', 'no', 'st', 'jr', 'sr', 'fig', 'al', 'cf', 'eg', 'ie', 'approx']);

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 128;
}

/** Past the `>` of an HTML tag, comment or autolink starting at `i` (a `<`), or -1. */
function tagEnd(s: string, i: number, end: number): number {
  const n = s.charCodeAt(i + 1);
  const isTag = (n >= 65 && n <= 90) || (n >= 97 && n <= 122) || n === 47 || n === 33 || n === 63;
  if (!isTag) return -1;
  let quote = 0;
  const limit = Math.min(end, i + MAX_TAG);
  for (let j = i + 2; j < limit; j++) {
    const c = s.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      // Quotes only count inside a tag's attributes, not in an autolink or comment.
      if (n !== 33 && s.charCodeAt(j - 1) === 61) quote = c;
    } else if (c === 62) {
      return j + 1;
    } else if (c === 60 || (c === LF && s.charCodeAt(j + 1) === LF)) {
      return -1;
    }
  }
  return -1;
}

/** Past the `]]` of a wikilink whose inner text starts at `from`, on the same line; -1 when none. */
function wikilinkEnd(s: string, from: number, end: number): number {
  for (let j = from; j < end; j++) {
    const c = s.charCodeAt(j);
    if (c === 93) return j > from && s.charCodeAt(j + 1) === 93 ? j + 2 : -1;
    if (c === 91 || c === LF || c === CR) return -1;
  }
  return -1;
}

/** What a wikilink shows: its alias, else its target (and heading). */
function wikilinkShown(inner: string): string {
  const bar = inner.indexOf('|');
  if (bar >= 0) return inner.slice(bar + 1).trim();
  const target = inner.trim();
  return target.startsWith('#') ? target.slice(1).replace(/^\^/, '') : target.replace('#', ' › ');
}

/** Past the `)` of a link destination starting at `from` (balanced parentheses, one line); -1 when none. */
function destinationEnd(s: string, from: number, end: number): number {
  let depth = 0;
  const limit = Math.min(end, from + MAX_DESTINATION);
  for (let j = from; j < limit; j++) {
    const c = s.charCodeAt(j);
    if (c === 40) depth++;
    else if (c === 41) {
      if (depth === 0) return j + 1;
      depth--;
    } else if (c === LF || c === CR) return -1;
  }
  return -1;
}

function newlinesIn(s: string, from: number, to: number): string {
  let out = '';
  for (let j = s.indexOf('\n', from); j >= 0 && j < to; j = s.indexOf('\n', j + 1)) out += '\n';
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…' };

/** The common named and numeric character references. */
function entityAt(s: string, i: number): { text: string; end: number } | null {
  const m = /^&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]{2,8}));/.exec(s.slice(i, i + 12));
  if (!m) return null;
  let text: string | undefined;
  if (m[1] || m[2]) {
    const code = parseInt(m[1] ?? m[2]!, m[1] ? 10 : 16);
    text = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : undefined;
  } else text = ENTITIES[m[3]!];
  return text === undefined ? null : { text, end: i + m[0].length };
}
