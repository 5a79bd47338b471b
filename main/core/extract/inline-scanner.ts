/**
 * One left-to-right pass over a leaf's text (paragraph, heading, table cell), recognising what
 * micromark's text tokenizer would at each position: escapes, character references, code spans,
 * autolinks, inline HTML, wikilinks (tried before `[`/`![` as the reference's extension is),
 * footnote calls, GFM literal URLs, and link/image brackets resolved at `]` with CommonMark's
 * bracket rules. What is left is text, where tags and bare timestamps live.
 */
import { readTagAt } from '../syntax/tags';
import { splitWikilink } from '../syntax/wikilink';
import { scanFootnoteLabel } from './block-starts';
import { anchorsIn, plainAnchorAt, type AnchorSink } from './anchors';
import { asTokenText, isAsciiPunctuation } from './chars';
import type { Collector } from './collector';
import { matchCharacterReference } from './entities';
import { matchAutolink, matchHtmlInline } from './html-inline';
import type { Leaf } from './leaves';
import { markdownLink, labelAlias, type LinkTarget } from './link-targets';
import { normalizeLabel, scanDestination, scanLabel, scanTitle, skipWhitespace } from './link-syntax';
import { emailMayFollow, isGfmAtext, matchEmail, matchProtocol, matchWww, protocolMayFollow, wwwMayFollow } from './literal-url';
import { LeafTimestamps } from './leaf-timestamps';

/** Characters that may start something; the rest is text. */
const STARTERS = '\\&`<![]#%$';
/** With `://` or `www.` in the leaf, `h` and `w` may start a literal URL. */
const URL_STARTERS = 'hHwW';
const WWW = /www\./i;
/**
 * Text is skipped by searching for the next starter with a regular expression, several times faster
 * than a `charCodeAt` loop over prose (measured: about half the extractor's time was that loop).
 */
const NEXT_STARTER = nextOf(STARTERS);
const NEXT_STARTER_OR_URL = nextOf(STARTERS + URL_STARTERS);
/** With an `@` in the leaf nearly any character may start an email literal, so a table loop reads it. */
const EMAIL_STARTERS = new Uint8Array(128);
for (const ch of STARTERS + URL_STARTERS) EMAIL_STARTERS[ch.charCodeAt(0)] = 1;
for (let c = 0; c < 128; c++) if (isGfmAtext(c)) EMAIL_STARTERS[c] = 1;

function nextOf(chars: string): RegExp {
  return new RegExp(`[${chars.replace(/[\\\]^-]/g, '\\$&')}]`, 'g');
}

/** Fields saved when an image opener is pushed, to drop what its description produced. */
const MARKS = 7;

export interface InlineContext {
  readonly src: string;
  readonly definitions: Map<string, string>;
  readonly footnotes: Set<string>;
  readonly collector: Collector;
}

export class InlineScanner implements AnchorSink {
  private readonly bPos: number[] = [];
  private readonly bImage: boolean[] = [];
  /**
   * Openers below this depth that are not images are inactive: a link formed after they were
   * pushed (CommonMark: no links in links). A watermark rather than a flag on each opener, so forming
   * a link costs the same however many image openers wait below it (`![[]()` repeated).
   */
  private inactiveBelow = 0;
  private readonly bMarks: number[] = [];
  private readonly stamps: LeafTimestamps;
  /** Formed links' label ranges `[open, close)` (their text is link text). */
  readonly labels: number[] = [];
  /** Non-text ranges `[start, end)` of the last leaf (code, HTML, link syntax…), in order. */
  readonly nonTextRanges: number[] = [];
  /** Inline comments' ranges `[start, end)` in the last leaf, in order (a heading's text leaves them out). */
  readonly comments: number[] = [];

  constructor(private readonly ctx: InlineContext) {
    this.stamps = new LeafTimestamps(ctx.collector);
  }

  scan(leaf: Leaf): void {
    const s = leaf.text;
    const end = leaf.to;
    let i = leaf.from;
    if (this.bPos.length > 0) {
      this.bPos.length = 0;
      this.bImage.length = 0;
      this.bMarks.length = 0;
    }
    if (this.labels.length > 0) this.labels.length = 0;
    if (this.nonTextRanges.length > 0) this.nonTextRanges.length = 0;
    if (this.comments.length > 0) this.comments.length = 0;
    this.noCommentClose = Infinity;
    this.noInlineMathClose = Infinity;
    this.noDisplayMathClose = Infinity;
    this.runs = null;
    this.unclosedTitles.fill(Infinity);
    this.inactiveBelow = 0;
    this.stamps.begin(leaf);
    // Literal URLs and emails are rare: the characters that start them are only looked at in leaves
    // that have one's telltale (a false alarm just costs speed).
    const at = s.indexOf('@', i);
    const emails = at >= 0 && at < end;
    const urls = emails || s.indexOf('://', i) >= 0 || WWW.test(s);
    const next = emails ? null : urls ? NEXT_STARTER_OR_URL : NEXT_STARTER;
    while (i < end) {
      let c: number;
      if (next) {
        next.lastIndex = i;
        if (!next.test(s)) break;
        i = next.lastIndex - 1;
        if (i >= end) break;
        c = s.charCodeAt(i);
      } else {
        c = s.charCodeAt(i);
        if (c >= 128 || EMAIL_STARTERS[c] === 0) {
          i++;
          continue;
        }
      }
      if (emails && isGfmAtext(c) && this.bPos.length === 0 && emailMayFollow(i > 0 ? s.charCodeAt(i - 1) : -1)) {
        const j = matchEmail(s, i, end);
        if (j > 0) {
          i = j;
          continue;
        }
      }
      switch (c) {
        case 92: {
          const n = i + 1 < end ? s.charCodeAt(i + 1) : -1;
          if (!isAsciiPunctuation(n)) {
            i++;
            continue;
          }
          // An escaped `\<a …>` is text, so it may still be a lenient anchor.
          if (n === 60) this.stamps.textAngle(s, i + 1, end);
          i += 2;
          continue;
        }
        case 38: {
          const j = matchCharacterReference(s, i, end);
          i = j > 0 ? j : i + 1;
          continue;
        }
        case 96:
          i = this.codeSpan(s, i, end);
          continue;
        case 60:
          i = this.angle(leaf, i, end);
          continue;
        case 33:
          if (s.charCodeAt(i + 1) === 91 && i + 1 < end) {
            if (s.charCodeAt(i + 2) === 91) {
              const j = this.wikilink(leaf, i, i + 1, end);
              if (j > 0) {
                i = j;
                continue;
              }
            }
            this.open(i + 1, true);
            this.stamps.bareCandidate(s, i + 1, end);
            i += 2;
            continue;
          }
          i++;
          continue;
        case 91: {
          const n = s.charCodeAt(i + 1);
          if (n === 91) {
            const j = this.wikilink(leaf, i, i, end);
            if (j > 0) {
              i = j;
              continue;
            }
          } else if (n === 94) {
            const close = scanFootnoteLabel(s, i + 2, end);
            if (close > 0 && this.ctx.footnotes.has(normalizeLabel(s.slice(i + 2, close)))) {
              this.nonText(i, close + 1);
              i = close + 1;
              continue;
            }
          }
          this.open(i, false);
          this.stamps.bareCandidate(s, i, end);
          i++;
          continue;
        }
        case 93:
          i = this.close(leaf, i, end);
          continue;
        case 35:
          this.tag(leaf, i);
          i++;
          continue;
        case 37:
          i = s.charCodeAt(i + 1) === 37 && i + 1 < end ? this.comment(s, i, end) : i + 1;
          continue;
        case 36:
          i = this.math(s, i, end);
          continue;
        case 104:
        case 72:
          if (this.bPos.length === 0 && protocolMayFollow(i > 0 ? s.charCodeAt(i - 1) : -1)) {
            const j = matchProtocol(s, i, end);
            if (j > 0) {
              this.stamps.literalUrl(asTokenText(s.slice(i, j)), i, leaf);
              i = j;
              continue;
            }
          }
          i++;
          continue;
        case 119:
        case 87:
          if (this.bPos.length === 0 && wwwMayFollow(i > 0 ? s.charCodeAt(i - 1) : -1)) {
            const j = matchWww(s, i, end);
            if (j > 0) {
              this.stamps.literalUrl('http://' + asTokenText(s.slice(i, j)), i, leaf);
              i = j;
              continue;
            }
          }
          i++;
          continue;
        default:
          i++;
      }
    }
    this.stamps.end(leaf, this.labels);
  }

  private anchorLeaf: Leaf | null = null;
  private anchorBase = 0;

  /** An anchor in the inline HTML being read (`AnchorSink`). */
  anchor(value: string, href: string | null, at: number): void {
    const leaf = this.anchorLeaf!;
    const v = this.anchorBase + at;
    this.ctx.collector.anchor(value, href, leaf.sourceAt(v), leaf.lineAt(v));
  }

  /** Whether `[from, to)` of the last leaf is plain text: no code, HTML, link syntax or link text in it. */
  isPlainText(from: number, to: number): boolean {
    const r = this.nonTextRanges;
    for (let k = 0; k < r.length; k += 2) if (r[k]! < to && r[k + 1]! > from) return false;
    const l = this.labels;
    for (let k = 0; k < l.length; k += 2) if (l[k]! < to && l[k + 1]! > from) return false;
    return true;
  }

  private nonText(start: number, end: number): void {
    this.stamps.breakAt(start, end);
    this.nonTextRanges.push(start, end);
  }

  /**
   * The leaf's backtick runs after the first opener, by length: their starts in order and how many a
   * search for that length has passed. Built once per leaf on demand, so a leaf of runs of every
   * length (`e` + 1, 2, 3… backticks) is read once, not once per run (that was n^1.5).
   */
  private runs: Map<number, { starts: number[]; next: number }> | null = null;
  /** Per leaf, where titles of each kind were first found unclosed (see `resource`). */
  private readonly unclosedTitles = [Infinity, Infinity, Infinity];

  /** A backtick run at `i`: a code span when a run of the same length closes it, else literal. */
  private codeSpan(s: string, i: number, end: number): number {
    let j = i + 1;
    while (j < end && s.charCodeAt(j) === 96) j++;
    const size = j - i;
    // Every run after the opener is a whole run (the opener ends where backticks end), so the
    // closing candidates are the leaf's maximal runs from `j` on.
    this.runs ??= backtickRuns(s, j, end);
    const same = this.runs.get(size);
    if (same) {
      while (same.next < same.starts.length && same.starts[same.next]! < j) same.next++;
      if (same.next < same.starts.length) {
        const m = same.starts[same.next]! + size;
        this.nonText(i, m);
        return m;
      }
    }
    return i + size;
  }

  /** From this offset of the leaf on there is no `%%` (so no comment opened later can close). */
  private noCommentClose = Infinity;

  /** `%%` at `i`: a comment through the next `%%` of the leaf (any lines, raw inside), else a literal `%`. */
  private comment(s: string, i: number, end: number): number {
    if (i + 2 >= this.noCommentClose) return i + 1;
    const k = s.indexOf('%%', i + 2);
    if (k < 0 || k + 2 > end) {
      this.noCommentClose = i + 2;
      return i + 1;
    }
    this.nonText(i, k + 2);
    this.comments.push(i, k + 2);
    return k + 2;
  }

  /**
   * From these offsets of the leaf on, no `$` / `$$` closes math (a failed search proves it for every
   * later opener: escapes fall in step again after a `$`), so many unclosed dollars cost one pass.
   */
  private noInlineMathClose = Infinity;
  private noDisplayMathClose = Infinity;

  /** `$` at `i`: `$$display$$`, or `$inline$` by pandoc's rules (RULES.md "Math"), else a `$` of text. */
  private math(s: string, i: number, end: number): number {
    const n = i + 1 < end ? s.charCodeAt(i + 1) : -1;
    if (n === 36) {
      if (i >= this.noDisplayMathClose) return i + 1;
      for (let j = i + 2; j < end; j++) {
        const c = s.charCodeAt(j);
        if (c === 92) {
          if (j + 1 < end && s.charCodeAt(j + 1) !== 10) j++;
        } else if (c === 36 && j + 1 < end && s.charCodeAt(j + 1) === 36) {
          this.nonText(i, j + 2);
          return j + 2;
        }
      }
      this.noDisplayMathClose = i;
      return i + 1;
    }
    // An opening `$` needs a non-space right after it.
    if (n === -1 || n === 32 || n === 9 || n === 10 || i >= this.noInlineMathClose) return i + 1;
    let afterSpace = false;
    for (let j = i + 1; j < end; j++) {
      const c = s.charCodeAt(j);
      if (c === 92) {
        // A backslash takes the next character with it (not a line ending).
        afterSpace = false;
        if (j + 1 < end && s.charCodeAt(j + 1) !== 10) j++;
        continue;
      }
      if (c === 36 && !afterSpace) {
        const d = j + 1 < end ? s.charCodeAt(j + 1) : -1;
        // A closing `$` has a non-space before it and no digit after it.
        if (!(d >= 48 && d <= 57)) {
          this.nonText(i, j + 1);
          return j + 1;
        }
      }
      afterSpace = c === 32 || c === 9 || c === 10;
    }
    this.noInlineMathClose = i;
    return i + 1;
  }

  /** `<`: an autolink, inline HTML, or a `<` of text (maybe a lenient anchor CommonMark rejects). */
  private angle(leaf: Leaf, i: number, end: number): number {
    const s = leaf.text;
    // The spelling nearly every timestamp uses, read in one step: no autolink can start so, and the
    // general path below would find this same tag and value. Measured: a fifth of the extractor's
    // time went to reading these tags through the general path.
    const plain = plainAnchorAt(s, i);
    if (plain !== null && i + plain[0].length <= end) {
      const j = i + plain[0].length;
      this.nonText(i, j);
      this.ctx.collector.anchor(asTokenText(plain[1]!), null, leaf.sourceAt(i), leaf.lineAt(i));
      this.stamps.anchorOpen(i);
      return j;
    }
    let j = matchAutolink(s, i, end);
    if (j > 0) {
      this.nonText(i, j);
      // mdast's url: the text between the brackets (`mailto:` before an email, which is never YouTube).
      const url = asTokenText(s.slice(i + 1, j - 1));
      this.ctx.collector.youtube(url, leaf.sourceAt(i), leaf.lineAt(i));
      return j;
    }
    j = matchHtmlInline(s, i, end);
    if (j > 0) {
      this.nonText(i, j);
      const html = asTokenText(s.slice(i, j));
      this.anchorLeaf = leaf;
      this.anchorBase = i;
      anchorsIn(html, this);
      this.stamps.html(html, i);
      return j;
    }
    this.stamps.textAngle(s, i, end);
    return i + 1;
  }

  /** `[[inner]]` (or `![[inner]]` from `bang`) at `i`: one line, no brackets inside, not empty. */
  private wikilink(leaf: Leaf, bang: number, i: number, end: number): number {
    const s = leaf.text;
    const start = i + 2;
    let j = start;
    let blank = true;
    while (j < end) {
      const c = s.charCodeAt(j);
      if (c === 93) break;
      if (c === 91 || c === 10 || c === 13) return -1;
      if (c !== 32 && c !== 9) blank = false;
      j++;
    }
    if (blank || j + 1 >= end || s.charCodeAt(j + 1) !== 93) return -1;
    const parts = splitWikilink(asTokenText(s.slice(start, j)));
    this.ctx.collector.link(leaf.sourceAt(bang), {
      kind: 'wiki',
      target: parts.target,
      subpath: parts.subpath,
      alias: parts.alias,
      embed: bang !== i,
      line: leaf.lineAt(bang),
    });
    this.nonText(bang, j + 2);
    return j + 2;
  }

  private tag(leaf: Leaf, i: number): void {
    const s = leaf.text;
    if (i > leaf.from) {
      const p = s.charCodeAt(i - 1);
      // Only whitespace may come before a tag's `#`; ASCII non-space rules it out cheaply.
      if (p > 32 && p < 128) return;
    }
    const tag = readTagAt(this.ctx.src, leaf.sourceAt(i));
    if (tag) this.ctx.collector.tags.push(tag);
  }

  private open(i: number, image: boolean): void {
    this.bPos.push(i);
    this.bImage.push(image);
    if (image) {
      const col = this.ctx.collector;
      this.bMarks.push(col.links.length, col.found.length, col.tags.length, ...this.stamps.marks(), this.labels.length);
    }
  }

  /** Drops the innermost opener (and, for an image, its marks: only images keep marks). */
  private pop(): void {
    this.bPos.pop();
    if (this.inactiveBelow > this.bPos.length) this.inactiveBelow = this.bPos.length;
    if (this.bImage.pop()) for (let k = 0; k < MARKS; k++) this.bMarks.pop();
  }

  /** `]` at `i`: maybe the end of a link or image label. Returns where scanning goes on. */
  private close(leaf: Leaf, i: number, end: number): number {
    const depth = this.bPos.length;
    if (depth === 0) return i + 1;
    const s = leaf.text;
    const open = this.bPos[depth - 1]!;
    const image = this.bImage[depth - 1]!;
    if (depth - 1 < this.inactiveBelow && !image) {
      this.pop();
      return i + 1;
    }
    const defs = this.ctx.definitions;
    const defined = defs.size > 0 && defs.has(normalizeLabel(s.slice(open + 1, i)));
    let url: string | null = null;
    let raw: string | null = null;
    let stop = -1;
    const after = i + 1;
    const next = after < end ? s.charCodeAt(after) : -1;
    if (next === 40) {
      const r = resource(s, after, end, this.unclosedTitles);
      if (r) {
        raw = r.dest;
        stop = r.end;
      }
    } else if (next === 91 && defs.size > 0) {
      const labelEnd = scanLabel(s, after, end);
      if (labelEnd > 0) {
        const key = normalizeLabel(s.slice(after + 1, labelEnd - 1));
        const dest = defs.get(key);
        if (dest !== undefined) {
          url = dest;
          stop = labelEnd;
        }
      }
      if (stop < 0 && defined && s.charCodeAt(after + 1) === 93 && after + 1 < end) {
        url = defs.get(normalizeLabel(s.slice(open + 1, i)))!;
        stop = after + 2;
      }
      if (stop < 0) return this.fail(leaf, open, image, i);
    }
    if (stop < 0) {
      if (!defined) return this.fail(leaf, open, image, i);
      url = defs.get(normalizeLabel(s.slice(open + 1, i)))!;
      stop = after;
    }
    const marks = image ? this.bMarks.slice(this.bMarks.length - MARKS) : null;
    this.pop();
    const target: LinkTarget = markdownLink(raw ?? url!);
    const start = image ? open - 1 : open;
    const alias = labelAlias(this.ctx.src, leaf, open + 1, i);
    if (marks) {
      this.rollback(marks);
      if (target.vault) this.ctx.collector.link(leaf.sourceAt(start), { kind: 'markdown', ...target.vault, alias, embed: true, line: leaf.lineAt(start) });
      this.nonText(start, stop);
      return stop;
    }
    if (target.vault) this.ctx.collector.link(leaf.sourceAt(start), { kind: 'markdown', ...target.vault, alias, embed: false, line: leaf.lineAt(start) });
    this.ctx.collector.youtube(target.url, leaf.sourceAt(start), leaf.lineAt(start));
    this.inactiveBelow = this.bPos.length;
    this.labels.push(open, i);
    this.nonText(open, open + 1);
    this.nonText(i, stop);
    return stop;
  }

  /** A `]` that closes nothing: the opener is done with (and `![^x]` may be a footnote call after all). */
  private fail(leaf: Leaf, open: number, image: boolean, i: number): number {
    this.pop();
    if (image && leaf.text.charCodeAt(open + 1) === 94 && this.ctx.footnotes.has(normalizeLabel(leaf.text.slice(open + 2, i)))) {
      this.nonText(open, i + 1);
    }
    return i + 1;
  }

  /** Drops what the description of an image produced (`marks` were saved at its opener). */
  private rollback(marks: number[]): void {
    const col = this.ctx.collector;
    col.links.length = marks[0]!;
    col.linkOffsets.length = marks[0]!;
    col.found.length = marks[1]!;
    col.tags.length = marks[2]!;
    this.stamps.rollback(marks[3]!, marks[4]!, marks[5]!);
    this.labels.length = marks[6]!;
  }
}

/**
 * An inline link's `(destination "title")` at `i` (a `(`): the raw destination and the end, or null.
 * `unclosedTitles[k]`: the first position from which a title opened by `"`, `'` or `(` (k = 0, 1, 2)
 * was found unclosed in this leaf; it stays unclosed from any later position, so `[ (](` repeated
 * does not read the rest of the leaf once per `]`.
 */
function resource(s: string, i: number, end: number, unclosedTitles: number[]): { dest: string; end: number } | null {
  let j = skipWhitespace(s, i + 1, end);
  if (j < end && s.charCodeAt(j) === 41) return { dest: '', end: j + 1 };
  const destEnd = scanDestination(s, j, end, 32);
  if (destEnd < 0) return null;
  const dest = s.slice(j, destEnd);
  j = destEnd;
  const ws = skipWhitespace(s, j, end);
  if (ws > j) {
    j = ws;
    const c = j < end ? s.charCodeAt(j) : -1;
    if (c === 34 || c === 39 || c === 40) {
      const k = c === 34 ? 0 : c === 39 ? 1 : 2;
      if (j >= unclosedTitles[k]!) return null;
      const titleEnd = scanTitle(s, j, end);
      if (titleEnd < 0) {
        unclosedTitles[k] = j;
        return null;
      }
      j = skipWhitespace(s, titleEnd, end);
    }
  }
  return j < end && s.charCodeAt(j) === 41 ? { dest, end: j + 1 } : null;
}

/** The maximal backtick runs in `[from, end)`, grouped by length, each group in source order. */
function backtickRuns(s: string, from: number, end: number): Map<number, { starts: number[]; next: number }> {
  const runs = new Map<number, { starts: number[]; next: number }>();
  let k = s.indexOf('`', from);
  while (k >= 0 && k < end) {
    let m = k + 1;
    while (m < end && s.charCodeAt(m) === 96) m++;
    const group = runs.get(m - k);
    if (group) group.starts.push(k);
    else runs.set(m - k, { starts: [k], next: 0 });
    k = s.indexOf('`', m);
  }
  return runs;
}
