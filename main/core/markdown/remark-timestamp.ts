/**
 * remark plugin: the note's video timestamps (RULES.md "Timestamps"), found in the parsed tree:
 * yt-timestamp anchors in HTML (and in text, where CommonMark rejects a lenient `data=t=` tag), YouTube
 * links carrying a time, and bare `[HH:MM:SS]` when the note has a video. Writes `file.data.timestamps`
 * and `file.data.timestampProblems`, both in source order. Needs remark-front-matter before it.
 */
import type { Definition, Html, LinkReference, Nodes, Parents, Root, Text } from 'mdast';
import type { Transformer } from 'unified';
import type { Problem, Timestamp } from '../model';
import { badTimestampMessage, findAnchorTags, isAnchorClose } from '../syntax/anchor';
import { formatTimeLabel, parseTimeLabel } from '../syntax/time';
import { parseYoutubeUrl, youtubeVideoId } from '../syntax/youtube';
import { LineIndex, isEscaped, isLiteralUrl, lineEndingsBefore } from './source-text';

declare module 'vfile' {
  interface DataMap {
    /** Written by remark-timestamp, in source order. */
    timestamps: Timestamp[];
    /** Written by remark-timestamp: anchors whose time cannot be read (`bad-timestamp`), in source order. */
    timestampProblems: Problem[];
  }
}

export default function remarkTimestamp(): Transformer<Root, Root> {
  return (tree, file) => {
    try {
      const finder = new TimestampFinder(String(file.value), file.data.frontMatter?.videoId ?? null);
      finder.walk(tree, false, null);
      const found = finder.finish();
      file.data.timestamps = found.flatMap((f) => (f.timestamp ? [f.timestamp] : []));
      file.data.timestampProblems = found.flatMap((f) => (f.problem ? [f.problem] : []));
    } catch (err) {
      file.data.timestamps = [];
      file.data.timestampProblems = [{ code: 'parse', message: `Timestamps could not be read: ${String((err as Error)?.message ?? err)}` }];
    }
  };
}

interface Found {
  offset: number;
  timestamp?: Timestamp;
  problem?: Problem;
}

/** Where an anchor's label is, inside one paragraph, heading or table cell. */
interface LabelState {
  /** Between an `<a …>` and its `</a>`: a `[T]` there is the anchor's label, not a bare timestamp. */
  open: boolean;
  /** Starts of text-region anchors (lenient tags CommonMark left as text), ascending. */
  textAnchors: number[];
  /** Their source ranges: a literal URL inside one is its `href`, not a link of its own. */
  textAnchorRanges: [number, number][];
  nextTextAnchor: number;
}

const BARE = /\[(\d{1,2}:\d{1,2}(?::\d{1,2})?)\]/g;

class TimestampFinder {
  private readonly found: Found[] = [];
  private readonly definitions = new Map<string, string>();
  private readonly references: { identifier: string; offset: number; line: number }[] = [];
  private readonly lines: LineIndex;

  constructor(
    private readonly source: string,
    private readonly noteVideoId: string | null,
  ) {
    this.lines = new LineIndex(source);
  }

  walk(node: Nodes, inLinkText: boolean, label: LabelState | null): void {
    switch (node.type) {
      case 'html':
        this.html(node, label);
        return;
      case 'definition':
        this.define(node);
        return;
      case 'link':
        // Links remark made from decoded text (no position) are not GFM literals of the source.
        if (!node.position) return;
        if (!insideTextAnchor(label, node.position.start.offset ?? 0)) {
          this.youtubeLink(node.url, node.position.start.offset ?? 0, node.position.start.line);
        }
        this.children(node, true, label);
        return;
      case 'linkReference':
        this.reference(node);
        this.children(node, true, label);
        return;
      case 'text':
        if (!inLinkText && label) this.bare(node, label);
        return;
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        this.children(node, inLinkText, this.enterPhrasing(node));
        return;
      case 'code':
      case 'inlineCode':
      case 'yaml':
      case 'image':
      case 'imageReference':
        return;
      default:
        if ('children' in node) this.children(node, inLinkText, label);
    }
  }

  /** The timestamps and problems, in source order, once links to definitions are resolved. */
  finish(): Found[] {
    for (const ref of this.references) {
      const url = this.definitions.get(ref.identifier);
      if (url !== undefined) this.youtubeLink(url, ref.offset, ref.line);
    }
    return this.found.sort((a, b) => a.offset - b.offset);
  }

  /**
   * Children in order. Nodes without a position come from remark's literal-URL pass over decoded text
   * (one text node split in pieces, RULES.md: not literal URLs); the gap they cover is text.
   */
  private children(node: Parents, inLinkText: boolean, label: LabelState | null): void {
    const kids = node.children;
    let previousEnd = node.position?.start.offset ?? 0;
    for (let i = 0; i < kids.length; i++) {
      const child = kids[i]!;
      if (child.position) {
        this.walk(child, inLinkText, label);
        previousEnd = child.position.end.offset ?? previousEnd;
        continue;
      }
      let j = i;
      while (j + 1 < kids.length && !kids[j + 1]!.position) j++;
      const nextStart = kids[j + 1]?.position?.start.offset ?? node.position?.end.offset ?? previousEnd;
      if (!inLinkText && label) this.bareRange(previousEnd, nextStart, label);
      i = j;
    }
  }

  private html(node: Html, label: LabelState | null): void {
    const start = node.position?.start;
    if (!start) return;
    for (const tag of findAnchorTags(node.value)) {
      if (tag.timestamp) {
        const line = start.line + lineEndingsBefore(node.value, tag.start);
        this.anchor(tag.timestamp, (start.offset ?? 0) + tag.start, line);
      }
    }
    if (label) {
      this.passTextAnchors(label, start.offset ?? 0);
      if (/^<a[\s/>]/i.test(node.value)) label.open = true;
      else if (isAnchorClose(node.value)) label.open = false;
    }
  }

  private anchor(data: { value: string; href: string | null }, offset: number, line: number): void {
    const time = parseTimeLabel(data.value);
    if (!time) {
      this.found.push({ offset, problem: { code: 'bad-timestamp', message: badTimestampMessage(data.value), line } });
      return;
    }
    const videoId = (data.href !== null ? youtubeVideoId(data.href) : null) ?? this.noteVideoId;
    this.found.push({ offset, timestamp: { seconds: time.seconds, label: time.label, videoId, kind: 'anchor', line } });
  }

  private youtubeLink(url: string, offset: number, line: number): void {
    const parsed = parseYoutubeUrl(url);
    if (!parsed || parsed.seconds === null) return;
    this.found.push({
      offset,
      timestamp: { seconds: parsed.seconds, label: formatTimeLabel(parsed.seconds), videoId: parsed.videoId, kind: 'url', line },
    });
  }

  private define(node: Definition): void {
    // CommonMark: the first definition of a label wins.
    if (!this.definitions.has(node.identifier)) this.definitions.set(node.identifier, node.url);
  }

  private reference(node: LinkReference): void {
    const start = node.position?.start;
    if (start) this.references.push({ identifier: node.identifier, offset: start.offset ?? 0, line: start.line });
  }

  /**
   * Entering a paragraph, heading or cell: anchors written in its text. A tag CommonMark rejects as HTML
   * (`data=t="…"`) stays text, possibly cut by a literal URL in its `href`, so runs of adjacent text and
   * literal-URL nodes are scanned as one.
   */
  private enterPhrasing(node: Parents): LabelState {
    const label: LabelState = { open: false, textAnchors: [], textAnchorRanges: [], nextTextAnchor: 0 };
    for (const [from, to] of textRuns(node, this.source)) {
      for (const tag of findAnchorTags(this.source.slice(from, to), true)) {
        if (!tag.timestamp) continue;
        const offset = from + tag.start;
        this.anchor(tag.timestamp, offset, this.lines.lineOf(offset));
        label.textAnchors.push(offset);
        label.textAnchorRanges.push([offset, from + tag.end]);
      }
    }
    return label;
  }

  private passTextAnchors(label: LabelState, offset: number): void {
    while (label.nextTextAnchor < label.textAnchors.length && label.textAnchors[label.nextTextAnchor]! < offset) {
      label.open = true;
      label.nextTextAnchor++;
    }
  }

  private bare(node: Text, label: LabelState): void {
    if (!node.position) return;
    this.bareRange(node.position.start.offset ?? 0, node.position.end.offset ?? 0, label);
  }

  private bareRange(from: number, to: number, label: LabelState): void {
    if (this.noteVideoId === null) return;
    const text = this.source.slice(from, to);
    for (const m of text.matchAll(BARE)) {
      const offset = from + m.index;
      this.passTextAnchors(label, offset);
      if (label.open || isEscaped(this.source, offset)) continue;
      const time = parseTimeLabel(m[1]!);
      if (!time) continue;
      const line = this.lines.lineOf(offset);
      this.found.push({ offset, timestamp: { seconds: time.seconds, label: time.label, videoId: this.noteVideoId, kind: 'bare', line } });
    }
    this.passTextAnchors(label, to);
  }
}

function insideTextAnchor(label: LabelState | null, offset: number): boolean {
  return label !== null && label.textAnchorRanges.some(([from, to]) => offset > from && offset < to);
}

/** Source ranges of adjacent text and literal-URL nodes under `node`, merged where they touch. */
function textRuns(node: Parents, source: string): [number, number][] {
  const runs: [number, number][] = [];
  const add = (from: number, to: number) => {
    const last = runs[runs.length - 1];
    if (last && last[1] === from) last[1] = to;
    else runs.push([from, to]);
  };
  // Positionless children (see `children` above) stand for the text gap between positioned ones.
  const visitAll = (parent: Parents) => {
    let previousEnd = parent.position?.start.offset ?? 0;
    const kids = parent.children;
    for (let i = 0; i < kids.length; i++) {
      const child = kids[i]!;
      if (child.position) {
        visit(child);
        previousEnd = child.position.end.offset ?? previousEnd;
        continue;
      }
      let j = i;
      while (j + 1 < kids.length && !kids[j + 1]!.position) j++;
      const nextStart = kids[j + 1]?.position?.start.offset ?? parent.position?.end.offset ?? previousEnd;
      add(previousEnd, nextStart);
      i = j;
    }
  };
  const visit = (n: Nodes) => {
    const from = n.position?.start.offset;
    const to = n.position?.end.offset;
    if (n.type === 'text') {
      if (from !== undefined && to !== undefined) add(from, to);
    } else if (n.type === 'link' && from !== undefined && to !== undefined && isLiteralUrl(n, source)) {
      add(from, to);
    } else if ('children' in n) {
      visitAll(n);
    }
  };
  visitAll(node);
  return runs;
}
