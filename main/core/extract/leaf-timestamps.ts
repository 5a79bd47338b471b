/**
 * The timestamps of one leaf that depend on its text as a whole: lenient anchors written in text
 * (tags CommonMark rejects as HTML, e.g. `data=t="…"`), and bare `[HH:MM:SS]`, which count only
 * outside link text and outside an anchor's label (between `<a …>` and `</a>`).
 */
import { readTimestampAnchor } from '../syntax/anchor';
import { anchorEdge } from './anchors';
import { timeLabel, type Collector } from './collector';
import type { Leaf } from './leaves';
import { RangeSet } from './range-set';

const OPEN = 1;
const CLOSE = 0;

export class LeafTimestamps {
  /** Offsets of `[` of `[T]` candidates. */
  private readonly bare: number[] = [];
  /** Inline HTML `<a …>` / `</a>`: offsets and OPEN/CLOSE. */
  private readonly htmlAt: number[] = [];
  private readonly htmlKind: number[] = [];
  /** Offsets of `<a` left as text. */
  private readonly angles: number[] = [];
  /** Non-text ranges, recorded once a text `<a` has been seen (only those after it can cut it). */
  private readonly breaks: number[] = [];
  private readonly textAnchors: number[] = [];
  /** Url timestamps of literal URLs: their offsets and indexes in the collector (a text anchor may claim them as its `href`). */
  private readonly literalAt: number[] = [];
  private readonly literalFound: number[] = [];
  private wantsBare = false;

  constructor(private readonly collector: Collector) {}

  begin(_leaf: Leaf): void {
    if (this.bare.length > 0) this.bare.length = 0;
    if (this.htmlAt.length > 0) {
      this.htmlAt.length = 0;
      this.htmlKind.length = 0;
    }
    if (this.angles.length > 0) this.angles.length = 0;
    if (this.breaks.length > 0) this.breaks.length = 0;
    if (this.literalAt.length > 0) {
      this.literalAt.length = 0;
      this.literalFound.length = 0;
    }
    this.wantsBare = this.collector.videoId !== null;
  }

  /** A `[` at `i`: remembered when `[d:d]`, `[dd:dd:dd]` etc. follows. */
  bareCandidate(s: string, i: number, end: number): void {
    if (!this.wantsBare) return;
    if (timeInBrackets(s, i, end) > 0) this.bare.push(i);
  }

  /** A GFM literal URL at `i`: a url timestamp when it is a YouTube URL with a time. */
  literalUrl(url: string, i: number, leaf: Leaf): void {
    const before = this.collector.found.length;
    this.collector.youtube(url, leaf.sourceAt(i), leaf.lineAt(i));
    if (this.collector.found.length > before) {
      this.literalAt.push(i);
      this.literalFound.push(before);
    }
  }

  html(html: string, i: number): void {
    if (!this.wantsBare) return;
    const edge = anchorEdge(html);
    if (edge !== 0) {
      this.htmlAt.push(i);
      this.htmlKind.push(edge > 0 ? OPEN : CLOSE);
    }
  }

  /** Inline HTML at `i` known to open an `<a …>` (what `html` would find, without reading it again). */
  anchorOpen(i: number): void {
    if (!this.wantsBare) return;
    this.htmlAt.push(i);
    this.htmlKind.push(OPEN);
  }

  /** A `<` that is text: maybe a lenient anchor. */
  textAngle(s: string, i: number, end: number): void {
    const a = s.charCodeAt(i + 1);
    if ((a !== 97 && a !== 65) || i + 2 >= end) return;
    const c = s.charCodeAt(i + 2);
    if (c === 47 || c === 62 || (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 128 && /\s/.test(s[i + 2]!))) this.angles.push(i);
  }

  breakAt(start: number, end: number): void {
    if (this.angles.length > 0) this.breaks.push(start, end);
  }

  marks(): [number, number, number] {
    return [this.bare.length, this.htmlAt.length, this.angles.length];
  }

  rollback(bare: number, html: number, angles: number): void {
    this.bare.length = bare;
    this.htmlAt.length = html;
    this.htmlKind.length = html;
    this.angles.length = angles;
  }

  /** At the end of the leaf: text anchors, then bare timestamps outside link text and anchor labels. */
  end(leaf: Leaf, linkLabels: number[]): void {
    const textAnchors = this.textAnchors;
    if (textAnchors.length > 0) textAnchors.length = 0;
    if (this.angles.length > 0) this.findTextAnchors(leaf);
    if (this.bare.length === 0) return;
    const labels = linkLabels.length > 0 ? new RangeSet(linkLabels) : null;
    let open = false;
    let ta = 0;
    let h = 0;
    const htmlAt = this.htmlAt;
    for (const at of this.bare) {
      if (labels?.overlaps(at, at + 1)) continue;
      while (h < htmlAt.length && htmlAt[h]! < at) {
        while (ta < textAnchors.length && textAnchors[ta]! < htmlAt[h]!) {
          open = true;
          ta++;
        }
        open = this.htmlKind[h] === OPEN;
        h++;
      }
      while (ta < textAnchors.length && textAnchors[ta]! < at) {
        open = true;
        ta++;
      }
      if (open) continue;
      const close = timeInBrackets(leaf.text, at, leaf.to);
      const time = timeLabel(leaf.text.slice(at + 1, close - 1));
      if (time) this.collector.bare(time.seconds, time.label, leaf.sourceAt(at), leaf.lineAt(at));
    }
  }

  private findTextAnchors(leaf: Leaf): void {
    const s = leaf.text;
    const breaks = new RangeSet(this.breaks);
    let after = -1;
    let literal = 0;
    for (const lt of this.angles) {
      if (lt < after) continue;
      const end = tagEnd(s, lt + 2, leaf.to);
      if (end < 0 || breaks.overlaps(lt, end)) continue;
      after = end;
      const data = readTimestampAnchor(s.slice(lt, end));
      if (!data) continue;
      const offset = leaf.sourceAt(lt);
      this.collector.anchor(data.value, data.href, offset, leaf.lineAt(lt));
      this.textAnchors.push(lt);
      // A literal URL inside the tag is its `href`, not a timestamp of its own. Both lists run in
      // source order, so one pointer walks the literals once for all anchors.
      const literals = this.literalAt;
      while (literal < literals.length && literals[literal]! <= lt) literal++;
      for (let k = literal; k < literals.length && literals[k]! < end; k++) this.collector.found[this.literalFound[k]!]!.timestamp = null;
    }
  }

}

/** `[` at `i` then 1–2 digits, `:`, 1–2 digits, optionally `:` and 1–2 digits, then `]`: the index past `]`, or -1. */
function timeInBrackets(s: string, i: number, end: number): number {
  let j = i + 1;
  for (let group = 0; group < 3; group++) {
    const start = j;
    while (j < end && j - start < 2 && isDigit(s.charCodeAt(j))) j++;
    if (j === start) return -1;
    const c = j < end ? s.charCodeAt(j) : -1;
    if (c === 93) return group >= 1 ? j + 1 : -1;
    if (c !== 58 || group === 2) return -1;
    j++;
  }
  return -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Past the `>` closing a tag whose attributes start at `from` (quotes respected, one line, no `<`), or -1. */
function tagEnd(s: string, from: number, end: number): number {
  let quote = 0;
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) return -1;
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i + 1;
    else if (c === 60) return -1;
  }
  return -1;
}
