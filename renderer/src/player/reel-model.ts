/**
 * The highlight reel's moments, from a video's citations: pure, so it is tested in Node.
 *
 * Every cited second becomes one moment, in time order, playing from `lead` seconds before the stamp
 * to its natural stop: the end of the caption sentence it falls in, the next chapter, the hand-over
 * to the next moment, or the end of the recording, whichever comes first, and never longer than
 * `window`. Citations of the same second from different notes are merged into one moment that shows
 * every quote: playing the same seconds twice in a row tells the viewer nothing new, and the quotes
 * side by side show how the notes read the moment. Stamps past the end of the recording are set
 * aside and counted, so the reel can say so.
 *
 * Cost: one sort of the citations (and of cues and chapters), then a single pass with pointers that
 * only move forward, so a note with 100k stamps costs no more than its sort.
 */
import type { Chapter, Citation, TranscriptCue, VideoCitations } from '../../../main/api';
import { formatTimeLabel } from '../../../main/core/syntax/time';
import { watchUrl } from '../../../main/core/syntax/youtube';

export const REEL_DEFAULTS = { lead: 3, window: 20 } as const;
/** The window a person may set, in seconds. */
export const REEL_WINDOW = { min: 5, max: 120 } as const;
/** A stop closer than this after the stamp would cut the quote off: the next one counts. */
const MIN_AFTER = 2;

export interface ReelOptions {
  /** Seconds played before each stamp. */
  lead?: number;
  /** The longest a moment plays, lead included. */
  window?: number;
  /** The recording's length, when known; stamps after it are skipped. */
  duration?: number | null;
  /** Caption cues, any order. */
  cues?: readonly TranscriptCue[];
  chapters?: readonly Chapter[];
}

export type StopReason = 'caption' | 'chapter' | 'window' | 'next' | 'end';

export interface ReelMoment {
  seconds: number;
  label: string;
  start: number;
  end: number;
  stop: StopReason;
  /** Every citation of this second, by note path then line. */
  citations: Citation[];
}

export interface Reel {
  moments: ReelMoment[];
  /** Citations after the end of the recording, left out of `moments`. */
  pastEnd: Citation[];
}

/** Builds the reel; see the module comment for the rules. */
export function buildReel(citations: readonly Citation[], options: ReelOptions = {}): Reel {
  const lead = Math.max(0, options.lead ?? REEL_DEFAULTS.lead);
  const window = clampWindow(options.window ?? REEL_DEFAULTS.window);
  const duration = options.duration != null && options.duration > 0 && Number.isFinite(options.duration) ? options.duration : null;
  const sorted = citations
    .filter((c) => Number.isFinite(c.seconds) && c.seconds >= 0)
    .sort((a, b) => a.seconds - b.seconds || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));

  const pastEnd: Citation[] = [];
  const moments: ReelMoment[] = [];
  for (const c of sorted) {
    if (duration !== null && c.seconds > duration) {
      pastEnd.push(c);
      continue;
    }
    const last = moments[moments.length - 1];
    if (last && last.seconds === c.seconds) {
      last.citations.push(c);
      continue;
    }
    const start = Math.max(0, c.seconds - lead);
    moments.push({ seconds: c.seconds, label: c.label || formatTimeLabel(c.seconds), start, end: start + window, stop: 'window', citations: [c] });
  }

  const cues = [...(options.cues ?? [])].filter((c) => Number.isFinite(c.start) && Number.isFinite(c.end)).sort((a, b) => a.start - b.start);
  const sentenceEnds = sentenceEndsOf(cues);
  const chapterStarts = (options.chapters ?? [])
    .map((c) => c.seconds)
    .filter((s) => Number.isFinite(s))
    .sort((a, b) => a - b);
  let cue = 0;
  let chapter = 0;
  moments.forEach((m, i) => {
    const earliest = m.seconds + MIN_AFTER;
    const offer = (at: number, why: StopReason) => {
      if (at < m.end) {
        m.end = at;
        m.stop = why;
      }
    };
    // Cues in start order; one whose end is before this stamp's is before every later stamp's too.
    while (cue < cues.length && cues[cue]!.end < earliest) cue++;
    if (cue < cues.length && cues[cue]!.start < m.end) offer(Math.max(sentenceEnds[cue]!, earliest), 'caption');
    while (chapter < chapterStarts.length && chapterStarts[chapter]! < earliest) chapter++;
    if (chapter < chapterStarts.length) offer(chapterStarts[chapter]!, 'chapter');
    // Overlapping moments hand over where the next one starts (or at its stamp, when its lead
    // reaches back before this stamp), so playing on flows into it without a jump back.
    const next = moments[i + 1];
    if (next) offer(next.start > m.seconds ? next.start : next.seconds, 'next');
    if (duration !== null) offer(Math.max(duration, m.start), 'end');
  });
  return { moments, pastEnd };
}

/**
 * For each cue, where the sentence it is part of ends: its own end when its text ends a sentence,
 * else the next cue's answer. Captions split sentences across cues; computed backwards in one pass.
 */
function sentenceEndsOf(cues: readonly TranscriptCue[]): number[] {
  const ends = new Array<number>(cues.length);
  let following = Infinity;
  for (let i = cues.length - 1; i >= 0; i--) {
    const c = cues[i]!;
    if (/[.!?…]["'”’)\]]*\s*$/.test(c.text) || following === Infinity) following = c.end;
    ends[i] = following;
  }
  return ends;
}

export function clampWindow(seconds: number): number {
  if (!Number.isFinite(seconds)) return REEL_DEFAULTS.window;
  return Math.min(REEL_WINDOW.max, Math.max(REEL_WINDOW.min, Math.round(seconds)));
}

/** What to do when playback reaches `time` in moment `index`. */
export type ReelStep = { kind: 'stay' } | { kind: 'advance'; index: number; seek: number | null } | { kind: 'finished' };

/** Slack for time updates, which come a few times a second: a moment ends a little early rather than late. */
const END_SLACK = 0.15;

/**
 * Whether the reel moves on: past the moment's end it goes to the next one, seeking there unless
 * playback has already flowed into it (overlapping moments hand over in place).
 */
export function stepAt(moments: readonly ReelMoment[], index: number, time: number): ReelStep {
  const m = moments[index];
  if (!m || time < m.end - END_SLACK) return { kind: 'stay' };
  const next = moments[index + 1];
  if (!next) return { kind: 'finished' };
  const inside = time >= next.start && time < next.end - END_SLACK;
  return { kind: 'advance', index: index + 1, seek: inside ? null : next.start };
}

/** "2 moments past the end of the video were skipped", or null when none were. */
export function pastEndNotice(reel: Reel, duration: number | null): string | null {
  const seconds = new Set(reel.pastEnd.map((c) => c.seconds)).size;
  if (seconds === 0) return null;
  const length = duration !== null ? ` (${formatTimeLabel(Math.floor(duration))})` : '';
  return `${seconds} ${seconds === 1 ? 'moment' : 'moments'} past the end of the video${length} ${seconds === 1 ? 'was' : 'were'} skipped.`;
}

/**
 * "Copy reel as list": one line a moment, its YouTube link at the cited second (when the recording
 * is on YouTube), then each quote with the title of its note.
 */
export function reelAsList(reel: Reel, videoId: string | null): string {
  return reel.moments
    .map((m) => {
      const where = videoId ? `${m.label} ${watchUrl(videoId, m.seconds)}` : m.label;
      const quotes = m.citations.map((c) => `${c.text ? `“${oneLine(c.text)}” ` : ''}(${c.title})`).join(' · ');
      return `- ${where} ${quotes}`;
    })
    .join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The moment playing at `time` (the last to start at or before it, if it has not ended), or -1. */
export function momentAt(moments: readonly ReelMoment[], time: number): number {
  let low = 0;
  let high = moments.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (moments[mid]!.start <= time) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found >= 0 && time < moments[found]!.end ? found : -1;
}

export interface SearchReelChoice {
  video: VideoCitations;
  /** The chosen video's citations in the hit notes only. */
  citations: Citation[];
  /** Hit notes citing the chosen video. */
  notes: number;
  /** Videos cited by any hit note. */
  videos: number;
}

/**
 * The reel of a search: of the videos the hit notes cite, the one cited by the most hit notes
 * (ties: more cited moments, then the order given), with only those notes' moments. One pass over
 * the citations.
 */
export function chooseSearchVideo(videos: readonly VideoCitations[], hitPaths: Iterable<string>): SearchReelChoice | null {
  const hits = new Set(hitPaths);
  let best: SearchReelChoice | null = null;
  let cited = 0;
  for (const video of videos) {
    const citations = video.citations.filter((c) => hits.has(c.path));
    if (citations.length === 0) continue;
    cited++;
    const notes = new Set(citations.map((c) => c.path)).size;
    if (!best || notes > best.notes || (notes === best.notes && citations.length > best.citations.length)) best = { video, citations, notes, videos: 0 };
  }
  return best && { ...best, videos: cited };
}
