/**
 * Every loaded caption track, kept compactly, and an inverted index from terms to cues.
 *
 * A track's cues are three typed arrays and one string (all its cue texts joined), not an object
 * per cue: 1,000 videos hold about a million cues, and a million small objects with their own
 * strings cost several times the text they carry. Cues are numbered globally in the order tracks
 * were added, so a term's postings are one sorted `Int32Array` and a cue's track is found by binary
 * search. Replacing or removing a track only marks its numbers dead; once the dead outnumber the
 * live, everything is renumbered and indexed again (the cost of one load, spread over many edits).
 */
import type { Cue } from './captions';
import { countTerms } from '../search/tokenize';

export interface Track {
  /** Unique per caption file (`<root>:<path>`). */
  key: string;
  videoId: string;
  lang: string;
  /** Global number of its first cue. */
  first: number;
  starts: Float64Array;
  ends: Float64Array;
  /** Cue i's text is `text.slice(offsets[i], offsets[i + 1] - 1)` (cues are joined by `\n`). */
  offsets: Uint32Array;
  text: string;
  /** What went wrong reading it, or null. */
  problem: string | null;
}

class Postings {
  ids = new Int32Array(4);
  n = 0;
  push(id: number): void {
    if (this.n > 0 && this.ids[this.n - 1] === id) return;
    if (this.n === this.ids.length) {
      const grown = new Int32Array(this.n * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.n++] = id;
  }
  /** Whether it holds an id in [lo, hi]. */
  hasIn(lo: number, hi: number): boolean {
    const i = lowerBound(this.ids, this.n, lo);
    return i < this.n && this.ids[i]! <= hi;
  }
}

/** Compaction waits for at least this many dead cues, so a few edits never renumber everything. */
const COMPACT_MIN_DEAD = 50_000;

export class TranscriptStore {
  private slots: Array<Track | null> = [];
  /** Each slot's first cue number, kept for dead slots too so the numbering stays searchable. */
  private firsts: number[] = [];
  private byKey = new Map<string, number>();
  private postings = new Map<string, Postings>();
  private nextCue = 0;
  private liveCues = 0;
  private deadCues = 0;
  private vocabulary: string[] | null = null;

  get cueCount(): number {
    return this.liveCues;
  }

  /** Adds a track, replacing the one with the same key. */
  put(key: string, videoId: string, lang: string, cues: readonly Cue[], problem: string | null): void {
    this.remove(key);
    const n = cues.length;
    const starts = new Float64Array(n);
    const ends = new Float64Array(n);
    const offsets = new Uint32Array(n + 1);
    const parts: string[] = new Array<string>(n);
    let at = 0;
    for (let i = 0; i < n; i++) {
      const cue = cues[i]!;
      starts[i] = cue.start;
      ends[i] = cue.end;
      offsets[i] = at;
      parts[i] = cue.text;
      at += cue.text.length + 1;
    }
    offsets[n] = at;
    const track: Track = { key, videoId, lang, first: this.nextCue, starts, ends, offsets, text: parts.join('\n') + '\n', problem };
    this.nextCue += n;
    this.liveCues += n;
    this.byKey.set(key, this.slots.length);
    this.slots.push(track);
    this.firsts.push(track.first);
    this.indexTrack(track);
  }

  remove(key: string): void {
    const slot = this.byKey.get(key);
    if (slot === undefined) return;
    const track = this.slots[slot]!;
    this.slots[slot] = null;
    this.byKey.delete(key);
    const n = track.starts.length;
    this.liveCues -= n;
    this.deadCues += n;
    if (this.deadCues >= COMPACT_MIN_DEAD && this.deadCues > this.liveCues) this.compact();
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  tracks(): Track[] {
    return this.slots.filter((t): t is Track => t !== null);
  }

  /** The track holding global cue `id` (live or not: callers check `isLive`). */
  trackOf(id: number): Track | null {
    let lo = 0;
    let hi = this.slots.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.firsts[mid]! <= id) lo = mid;
      else hi = mid - 1;
    }
    const track = this.slots[lo] ?? null;
    return track && id - track.first < track.starts.length ? track : null;
  }

  postingsOf(term: string): Postings | undefined {
    return this.postings.get(term);
  }

  /** Cues a term is in (dead ones included: an estimate for ranking and planning). */
  frequency(term: string): number {
    return this.postings.get(term)?.n ?? 0;
  }

  /** Indexed terms starting with `prefix`, most frequent first, at most `max`. */
  expand(prefix: string, max: number): string[] {
    const vocab = (this.vocabulary ??= [...this.postings.keys()].sort());
    const found: string[] = [];
    for (let i = lowerBoundString(vocab, prefix); i < vocab.length && vocab[i]!.startsWith(prefix); i++) found.push(vocab[i]!);
    return found.length <= max ? found : found.sort((a, b) => this.frequency(b) - this.frequency(a)).slice(0, max);
  }

  private indexTrack(track: Track): void {
    const counts = new Map<string, number>();
    const n = track.starts.length;
    for (let i = 0; i < n; i++) {
      counts.clear();
      countTerms(cueText(track, i), counts);
      const id = track.first + i;
      for (const term of counts.keys()) {
        let p = this.postings.get(term);
        if (!p) {
          p = new Postings();
          this.postings.set(term, p);
          this.vocabulary = null;
        }
        p.push(id);
      }
    }
  }

  private compact(): void {
    const live = this.tracks();
    this.slots = [];
    this.byKey.clear();
    this.postings.clear();
    this.firsts = [];
    this.vocabulary = null;
    this.nextCue = 0;
    this.deadCues = 0;
    this.liveCues = 0;
    for (const track of live) {
      track.first = this.nextCue;
      this.nextCue += track.starts.length;
      this.liveCues += track.starts.length;
      this.byKey.set(track.key, this.slots.length);
      this.slots.push(track);
      this.firsts.push(track.first);
      this.indexTrack(track);
    }
  }
}

export function cueText(track: Track, i: number): string {
  return track.text.slice(track.offsets[i]!, track.offsets[i + 1]! - 1);
}

export function cueCount(track: Track): number {
  return track.starts.length;
}

function lowerBound(a: Int32Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBoundString(a: readonly string[], x: string): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type { Postings };
