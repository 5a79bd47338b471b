/**
 * WebVTT and SRT caption files → cues of plain text in time order, as yt-dlp writes them: BOM,
 * CRLF, the `WEBVTT` header with `Kind:`/`Language:` lines, `NOTE`/`STYLE`/`REGION` blocks, cue
 * identifiers, cue settings, inline markup (see `caption-text.ts`), SRT's `,` before milliseconds,
 * and YouTube's rolling auto-captions, where each cue repeats the line before it (collapsed here so
 * the transcript reads once). Bad input yields the cues that parse and a problem line, never a throw.
 *
 * Written by hand, not taken from npm: of the parsers evaluated (`subtitle` 4.2, `webvtt-parser`
 * 2.2, `@plussub/srt-vtt-parser` 2.0, run on a yt-dlp auto-caption file), each left `<c>` and
 * karaoke timestamps in the text, none decodes entities or collapses the rolling repeats, and only
 * one reads both formats; what they would save us is the block loop below, while the text
 * cleaning and collapsing we would still have to write. One pass over the lines, so cost is linear
 * in the file.
 */
import { cueLineText } from './caption-text';

export interface Cue {
  /** Seconds. */
  start: number;
  end: number;
  text: string;
}

export interface ParsedCaptions {
  cues: Cue[];
  /** One line each; empty when the file read cleanly. */
  problems: string[];
}

/**
 * A cue's text past this is cut: no one reads 4,000 characters at once from a caption, and a
 * runaway line (a file of one 20 MB line) or a cue of a million lines must not become a cue of
 * that size held in memory.
 */
export const MAX_CUE_CHARS = 4000;

/** Blocks that carry no cue: comments, style sheets, region definitions. */
const NON_CUE_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;

export function parseCaptions(source: string, format: 'vtt' | 'srt'): ParsedCaptions {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lines = text.split(/\r\n|\r|\n/);
  const problems: string[] = [];
  const out = new CueCollector();
  let bad = 0;
  let firstBad = 0;
  const badBlock = (line: number) => {
    if (bad++ === 0) firstBad = line + 1;
  };

  let i = 0;
  if (format === 'vtt') {
    if (/^WEBVTT(?:[ \t]|$)/.test(lines[0]!.slice(0, 16))) {
      // The header runs to the first empty line (`Kind:`, `Language:`, …); a cue written without
      // the empty line before it still starts a cue.
      i = 1;
      while (i < lines.length && lines[i] !== '' && timingOf(lines[i]!) === null) i++;
    } else {
      problems.push('The file does not start with WEBVTT; read as captions anyway.');
    }
  }

  let current: { start: number; end: number; lines: string[]; chars: number } | null = null;
  const finish = () => {
    if (current) out.add(current.start, current.end, current.lines);
    current = null;
  };
  const skipBlock = () => {
    while (i < lines.length && lines[i] !== '') i++;
  };

  while (i < lines.length) {
    const line = lines[i]!;
    if (line === '') {
      finish();
      i++;
      continue;
    }
    const timing = line.includes('-->') ? timingOf(line) : null;
    if (timing) {
      // A cue that follows the previous one with no empty line between (hand-edited SRT, where
      // the separator holds a space): its number was taken as the previous cue's text.
      const cur = current as { lines: string[] } | null;
      if (cur && cur.lines.length > 0 && /^\s*\d+\s*$/.test(cur.lines[cur.lines.length - 1]!)) cur.lines.pop();
      finish();
      current = { start: timing.start, end: timing.end, lines: [], chars: 0 };
      i++;
      continue;
    }
    if (current) {
      const room = MAX_CUE_CHARS - current.chars;
      if (room > 0) {
        current.lines.push(line.length > room ? line.slice(0, room) : line);
        current.chars += Math.min(line.length, room);
      }
      i++;
      continue;
    }
    // Between cues: an identifier (the next line is the timing), a NOTE/STYLE/REGION block, or junk.
    const next = lines[i + 1];
    if (next !== undefined && next.includes('-->') && timingOf(next) !== null) {
      i++;
      continue;
    }
    if (format === 'vtt' && NON_CUE_BLOCK.test(line.slice(0, 8))) {
      skipBlock();
      continue;
    }
    badBlock(i);
    skipBlock();
  }
  finish();

  if (bad > 0) problems.push(`${bad} ${bad === 1 ? 'block' : 'blocks'} could not be read as cues (the first at line ${firstBad}).`);
  const cues = out.done();
  if (cues.length === 0 && text.trim() !== '' && problems.length === 0) problems.push('The file holds no cues.');
  return { cues, problems };
}

/** `00:01:02.500 --> 00:01:04.000 align:start position:0%` → seconds; null when it is not a timing line. */
export function timingOf(line: string): { start: number; end: number } | null {
  const arrow = line.indexOf('-->');
  if (arrow < 0 || arrow > 40) return null;
  const start = timestampOf(line.slice(0, arrow).trim());
  // The end time is the first word after the arrow; cue settings follow it.
  const rest = /^[ \t]*(\S{1,40})/.exec(line.slice(arrow + 3, arrow + 64));
  const end = rest ? timestampOf(rest[1]!) : NaN;
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return { start, end: Math.max(start, end) };
}

const TIMESTAMP = /^(?:(\d{1,7}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/;

/** `HH:MM:SS.mmm`, `MM:SS.mmm`, SRT's `HH:MM:SS,mmm` → seconds, NaN when it is none of these. */
export function timestampOf(s: string): number {
  const m = s.length <= 24 ? TIMESTAMP.exec(s) : null;
  if (!m) return NaN;
  const fraction = m[4] ? Number(m[4].padEnd(3, '0')) / 1000 : 0;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + fraction;
}

/**
 * Turns raw cues into transcript cues. YouTube's auto-captions scroll: a cue shows the line the
 * last cue finished plus the words now being said, and a 10 ms cue in between shows the finished
 * line alone. A line equal to one the previous cue showed is dropped, and a cue left with nothing
 * new lengthens the cue before it, so each line is read once, at the time it was first said.
 */
class CueCollector {
  private readonly cues: Cue[] = [];
  private previous = new Set<string>();
  private sorted = true;

  add(start: number, end: number, raw: string[]): void {
    const shown: string[] = [];
    for (const line of raw) {
      const text = cueLineText(line);
      if (text) shown.push(text);
    }
    const fresh = shown.filter((l) => !this.previous.has(l));
    const repeated = fresh.length < shown.length;
    this.previous = new Set(shown);
    if (fresh.length === 0) {
      const last = this.cues[this.cues.length - 1];
      if (repeated && last && end > last.end) last.end = end;
      return;
    }
    const last = this.cues[this.cues.length - 1];
    if (last && start < last.start) this.sorted = false;
    this.cues.push({ start, end, text: fresh.join(' ') });
  }

  done(): Cue[] {
    // Files are written in time order; a stable sort puts right the few that are not.
    if (!this.sorted) this.cues.sort((a, b) => a.start - b.start);
    return this.cues;
  }
}
