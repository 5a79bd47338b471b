/**
 * What the inline pass finds, in the order the record needs it. Links and timestamps are kept
 * with their source offsets and sorted at the end (a link is only known at its `]`, after what is
 * inside its text); everything found inside an image's description is dropped again when the image
 * forms, because mdast keeps an image's description only as a plain `alt` string.
 */
import type { Block, Heading, LinkRef, Problem, Timestamp } from '../model';
import { badTimestampMessage } from '../syntax/anchor';
import { formatTimeLabel, parseTimeLabel } from '../syntax/time';
import { parseYoutubeUrl, youtubeVideoId } from '../syntax/youtube';

/**
 * `parseTimeLabel`, with a fast path for the common `MM:SS` / `HH:MM:SS` spelling whose canonical
 * label is the text itself; anything else goes to the shared helper.
 */
export function timeLabel(raw: string): { seconds: number; label: string } | null {
  const n = raw.length;
  if ((n === 5 || n === 8) && isTwoDigits(raw, 0) && raw.charCodeAt(2) === 58 && isTwoDigits(raw, 3)) {
    const a = twoDigits(raw, 0);
    const b = twoDigits(raw, 3);
    if (n === 5) {
      if (a < 60 && b < 60) return { seconds: a * 60 + b, label: raw };
    } else if (raw.charCodeAt(5) === 58 && isTwoDigits(raw, 6)) {
      const c = twoDigits(raw, 6);
      if (b < 60 && c < 60) return { seconds: a * 3600 + b * 60 + c, label: raw };
    }
  }
  return parseTimeLabel(raw);
}

function isTwoDigits(s: string, i: number): boolean {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  return a >= 48 && a <= 57 && b >= 48 && b <= 57;
}

function twoDigits(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);
}

/** A cheap filter before parsing a URL (hosts may be written in any case, or percent-encoded). */
const MAYBE_YOUTUBE = /yout|%/i;

export interface Found {
  offset: number;
  timestamp: Timestamp | null;
  problem: Problem | null;
}

export class Collector {
  readonly linkOffsets: number[] = [];
  readonly links: LinkRef[] = [];
  readonly tags: string[] = [];
  readonly found: Found[] = [];
  readonly headings: Heading[] = [];
  readonly blocks: Block[] = [];

  constructor(readonly videoId: string | null) {}

  link(offset: number, link: LinkRef): void {
    this.linkOffsets.push(offset);
    this.links.push(link);
  }

  /** A yt-timestamp anchor's value: a timestamp, or a `bad-timestamp` problem. */
  anchor(value: string, href: string | null, offset: number, line: number): void {
    const time = timeLabel(value);
    if (!time) {
      this.found.push({ offset, timestamp: null, problem: { code: 'bad-timestamp', message: badTimestampMessage(value), line } });
      return;
    }
    const videoId = (href !== null ? youtubeVideoId(href) : null) ?? this.videoId;
    this.found.push({ offset, timestamp: { seconds: time.seconds, label: time.label, videoId, kind: 'anchor', line }, problem: null });
  }

  /** A link's URL, when it is a YouTube URL carrying a time. */
  youtube(url: string, offset: number, line: number): void {
    if (!MAYBE_YOUTUBE.test(url)) return;
    const parsed = parseYoutubeUrl(url);
    if (!parsed || parsed.seconds === null) return;
    this.found.push({
      offset,
      timestamp: { seconds: parsed.seconds, label: formatTimeLabel(parsed.seconds), videoId: parsed.videoId, kind: 'url', line },
      problem: null,
    });
  }

  bare(seconds: number, label: string, offset: number, line: number): void {
    this.found.push({ offset, timestamp: { seconds, label, videoId: this.videoId, kind: 'bare', line }, problem: null });
  }

  /** Links in source order (stable for equal offsets). */
  sortedLinks(): LinkRef[] {
    const n = this.links.length;
    if (isAscending(this.linkOffsets)) return this.links.slice();
    const order = Array.from({ length: n }, (_, k) => k);
    // Equal offsets keep their order (a stable sort by index).
    const offsets = this.linkOffsets;
    order.sort((a, b) => offsets[a]! - offsets[b]! || a - b);
    return order.map((k) => this.links[k]!);
  }

  /** Timestamps and their problems in source order. */
  sortedFound(): Found[] {
    const found = this.found;
    for (let k = 1; k < found.length; k++) {
      if (found[k]!.offset < found[k - 1]!.offset) return found.slice().sort((a, b) => a.offset - b.offset);
    }
    return found;
  }
}

function isAscending(values: number[]): boolean {
  for (let k = 1; k < values.length; k++) if (values[k]! < values[k - 1]!) return false;
  return true;
}
