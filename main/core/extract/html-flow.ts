/**
 * HTML blocks: CommonMark's seven kinds, with their start and end conditions exactly as
 * micromark's `htmlFlow` reads them (including its quirks, e.g. `<!-->` ends a comment and
 * `]]]>` does not end CDATA).
 */
import { isAsciiAlpha, isAsciiAlphanumeric, isSpaceOrTab } from './chars';

const BLOCK_NAMES = new Set([
  'address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup',
  'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'iframe', 'legend',
  'li', 'link', 'main', 'menu', 'menuitem', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'param',
  'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul',
]);
const RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);

export interface HtmlStart {
  /** 1–7, CommonMark's numbering. */
  kind: number;
  /** Where the end condition starts being looked for on the first line (kinds 1–5). */
  scanFrom: number;
  /** The end condition already holds on the first line. */
  closed: boolean;
}

/**
 * Whether an HTML block starts at `pos` (a `<`). `interrupt`: it would interrupt a paragraph;
 * `lazy`: the line is a lazy continuation (micromark lets kind 7 interrupt then).
 */
export function matchHtmlStart(s: string, pos: number, end: number, interrupt: boolean, lazy: boolean): HtmlStart | null {
  if (s.charCodeAt(pos) !== 60) return null;
  let i = pos + 1;
  const c = s.charCodeAt(i);
  if (c === 33) {
    i++;
    const d = s.charCodeAt(i);
    if (d === 45) {
      if (s.charCodeAt(i + 1) !== 45) return null;
      // Just past `<!--`: micromark looks for `>` after any dashes first, then `-->`.
      return started(s, 2, i + 2, end, true);
    }
    if (d === 91) {
      if (s.startsWith('CDATA[', i + 1) && i + 7 <= end) return started(s, 5, i + 7, end, false);
      return null;
    }
    if (isAsciiAlpha(d) && i < end) return started(s, 4, i + 1, end, true);
    return null;
  }
  if (c === 63 && i < end) return started(s, 3, i + 1, end, true);
  let closing = false;
  if (c === 47) {
    closing = true;
    i++;
  }
  if (i >= end || !isAsciiAlpha(s.charCodeAt(i))) return null;
  const nameStart = i;
  while (i < end && (isAsciiAlphanumeric(s.charCodeAt(i)) || s.charCodeAt(i) === 45)) i++;
  const after = i < end ? s.charCodeAt(i) : -1;
  if (!(after === -1 || after === 47 || after === 62 || isSpaceOrTab(after))) return null;
  const name = s.slice(nameStart, i).toLowerCase();
  if (after !== 47 && !closing && RAW_NAMES.has(name)) return started(s, 1, i, end, false);
  if (BLOCK_NAMES.has(name)) {
    if (after === 47) {
      if (s.charCodeAt(i + 1) !== 62 || i + 1 >= end) return null;
    }
    return { kind: 6, scanFrom: end, closed: false };
  }
  if (interrupt && !lazy) return null;
  const tagEnd = closing ? completeClosingTag(s, i, end) : completeOpeningTag(s, i, end);
  if (tagEnd < 0) return null;
  for (let k = tagEnd; k < end; k++) if (!isSpaceOrTab(s.charCodeAt(k))) return null;
  return { kind: 7, scanFrom: end, closed: false };
}

function started(s: string, kind: number, from: number, end: number, declarationFirst: boolean): HtmlStart {
  return { kind, scanFrom: from, closed: endsOnLine(s, kind, from, end, declarationFirst) };
}

/** Whether the end condition of `kind` (1–5) holds in `[from, end)`. */
export function htmlEndsOnLine(s: string, kind: number, from: number, end: number): boolean {
  return endsOnLine(s, kind, from, end, false);
}

/**
 * micromark's `continuation` state machine over one line. `declarationFirst`: start in
 * `continuationDeclarationInside` (right after `<!--`, `<?` or `<!x`), where a `>` ends at once.
 */
function endsOnLine(s: string, kind: number, from: number, end: number, declarationFirst: boolean): boolean {
  // States: 0 continuation, 1 comment inside (after `-`), 2 declaration inside, 3 raw tag open (after `<`),
  // 4 raw end tag (after `</`), 5 cdata inside (after `]`).
  let state = declarationFirst ? 2 : 0;
  let nameStart = 0;
  let i = from;
  while (i < end) {
    const c = s.charCodeAt(i);
    switch (state) {
      case 1:
        if (c === 45) {
          state = 2;
          i++;
          continue;
        }
        state = 0;
        continue;
      case 2:
        if (c === 62) return true;
        if (c === 45 && kind === 2) {
          i++;
          continue;
        }
        state = 0;
        continue;
      case 3:
        if (c === 47) {
          state = 4;
          nameStart = i + 1;
          i++;
          continue;
        }
        state = 0;
        continue;
      case 4:
        if (c === 62) {
          if (RAW_NAMES.has(s.slice(nameStart, i).toLowerCase())) return true;
          state = 0;
          continue;
        }
        if (isAsciiAlpha(c) && i - nameStart < 8) {
          i++;
          continue;
        }
        state = 0;
        continue;
      case 5:
        if (c === 93) {
          state = 2;
          i++;
          continue;
        }
        state = 0;
        continue;
      default:
        if (c === 45 && kind === 2) state = 1;
        else if (c === 60 && kind === 1) state = 3;
        else if (c === 62 && kind === 4) return true;
        else if (c === 63 && kind === 3) state = 2;
        else if (c === 93 && kind === 5) state = 5;
        i++;
    }
  }
  return false;
}

/** The end of a complete opening tag whose name ends at `i` (micromark's `complete*` states): index past `>`, or -1. */
function completeOpeningTag(s: string, i: number, end: number): number {
  const NAME_BEFORE = 0;
  const NAME_AFTER = 1;
  let state = NAME_BEFORE;
  for (;;) {
    const c = i < end ? s.charCodeAt(i) : -1;
    if (state === NAME_AFTER) {
      if (c === 61) {
        // completeAttributeValueBefore
        i++;
        while (i < end && isSpaceOrTab(s.charCodeAt(i))) i++;
        const v = i < end ? s.charCodeAt(i) : -1;
        if (v === -1 || v === 60 || v === 61 || v === 62 || v === 96) return -1;
        if (v === 34 || v === 39) {
          const close = s.indexOf(v === 34 ? '"' : "'", i + 1);
          if (close < 0 || close >= end) return -1;
          i = close + 1;
          const n = i < end ? s.charCodeAt(i) : -1;
          if (!(n === 47 || n === 62 || isSpaceOrTab(n))) return -1;
          state = NAME_BEFORE;
          continue;
        }
        while (i < end) {
          const u = s.charCodeAt(i);
          if (u === 34 || u === 39 || u === 47 || u === 60 || u === 61 || u === 62 || u === 96 || isSpaceOrTab(u)) break;
          i++;
        }
        continue; // still NAME_AFTER
      }
      if (isSpaceOrTab(c)) {
        i++;
        continue;
      }
      state = NAME_BEFORE;
      continue;
    }
    if (c === 47) return i + 1 < end && s.charCodeAt(i + 1) === 62 ? i + 2 : -1;
    if (c === 58 || c === 95 || isAsciiAlpha(c)) {
      i++;
      while (i < end) {
        const u = s.charCodeAt(i);
        if (u === 45 || u === 46 || u === 58 || u === 95 || isAsciiAlphanumeric(u)) i++;
        else break;
      }
      state = NAME_AFTER;
      continue;
    }
    if (isSpaceOrTab(c)) {
      i++;
      continue;
    }
    return c === 62 ? i + 1 : -1;
  }
}

function completeClosingTag(s: string, i: number, end: number): number {
  while (i < end && isSpaceOrTab(s.charCodeAt(i))) i++;
  return i < end && s.charCodeAt(i) === 62 ? i + 1 : -1;
}
