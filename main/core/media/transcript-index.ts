/**
 * The transcripts of every video the media library has captions for: read from the caption files
 * a `CaptionSource` lists, kept current by re-reading only the files that were added or changed
 * (by mtime and size) and dropping the ones that went, and answered as windows of cues and as
 * search hits. I/O and bookkeeping live here; `TranscriptStore` holds the cues, and
 * `transcript-search.ts` answers queries. Runs on a worker in the app (`transcript-worker.ts`).
 *
 * No cache on disk: parsing is cheaper than the reads it would save (measured in
 * `bench/transcript-bench.ts`: ~50 MB of VTT parse and index in about the time it takes to read).
 */
import { readNoteFile } from '../read-note';
import type { CaptionFile } from './model';
import { parseCaptions, type Cue } from './captions';
import { searchTranscripts, type TranscriptMatch } from './transcript-search';
import { cueText, TranscriptStore, type Track } from './transcript-store';

/** Structurally `TranscriptView` of `main/api.ts` (the core does not import it). */
export interface TranscriptWindow {
  videoId: string;
  lang: string | null;
  langs: string[];
  cues: Cue[];
  problem: string | null;
}

export interface WindowRequest {
  videoId: string;
  lang?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

/** Caption files read at once while loading. */
const IN_FLIGHT = 16;
/** A cue longer than this is not looked for before a window's start (captions run a few seconds). */
const LONGEST_CUE = 120;

export class TranscriptIndex {
  private readonly store = new TranscriptStore();
  private readonly known = new Map<string, CaptionFile>();
  private chain: Promise<unknown> = Promise.resolve();

  /**
   * Brings the index in line with `files`: new and changed files are read, gone ones dropped.
   * Calls are serialised, so a slow read never lands after a later sync of the same file.
   */
  sync(files: readonly CaptionFile[]): Promise<{ read: number; removed: number }> {
    const run = this.chain.then(() => this.apply(files));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Videos with at least one caption track. */
  get videos(): number {
    return new Set(this.store.tracks().map((t) => t.videoId)).size;
  }

  get cues(): number {
    return this.store.cueCount;
  }

  search(query: string, limit: number): TranscriptMatch[] {
    return searchTranscripts(this.store, query, limit);
  }

  /** The cues of one video overlapping [from, to], in the language asked for when it has it. */
  window({ videoId, lang, from = 0, to = Infinity }: WindowRequest): TranscriptWindow {
    const tracks = this.store.tracks().filter((t) => t.videoId === videoId);
    const langs = [...new Set(tracks.map((t) => t.lang))].sort();
    const chosen = chooseLang(langs, lang);
    if (chosen === null) return { videoId, lang: null, langs, cues: [], problem: null };
    // Two files in one language (a .vtt and an .srt, or copies in two folders): the fuller one.
    const track = tracks.filter((t) => t.lang === chosen).sort((a, b) => b.starts.length - a.starts.length || (a.key < b.key ? -1 : 1))[0]!;
    return { videoId, lang: chosen, langs, cues: cuesBetween(track, from, to), problem: track.problem };
  }

  private async apply(files: readonly CaptionFile[]): Promise<{ read: number; removed: number }> {
    const wanted = new Map(files.map((f) => [keyOf(f), f]));
    let removed = 0;
    for (const key of [...this.known.keys()]) {
      if (wanted.has(key)) continue;
      this.known.delete(key);
      this.store.remove(key);
      removed++;
    }
    const changed = [...wanted].filter(([key, f]) => {
      const old = this.known.get(key);
      return !old || old.mtimeMs !== f.mtimeMs || old.bytes !== f.bytes || old.videoId !== f.videoId || old.lang !== f.lang;
    });
    let next = 0;
    const lane = async () => {
      while (next < changed.length) {
        const [key, file] = changed[next++]!;
        await this.load(key, file);
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, changed.length) }, lane));
    return { read: changed.length, removed };
  }

  private async load(key: string, file: CaptionFile): Promise<void> {
    const read = await readNoteFile(file.abs);
    if (!read.exists) {
      this.known.delete(key);
      this.store.remove(key);
      return;
    }
    const problems = read.problems.map((p) => p.message);
    // A file too large or binary has no text; anything else is parsed for what it holds.
    const parsed = read.source ? parseCaptions(read.source, file.format) : { cues: [], problems: [] };
    problems.push(...parsed.problems);
    this.known.set(key, file);
    this.store.put(key, file.videoId, file.lang, parsed.cues, problems.length ? `${file.path}: ${problems.join(' ')}` : null);
  }
}

function keyOf(file: CaptionFile): string {
  return `${file.root}:${file.path}`;
}

/** The language asked for when present (`en` also takes `en-US`), else English, else the first. */
export function chooseLang(langs: readonly string[], asked: string | undefined): string | null {
  if (langs.length === 0) return null;
  const pick = (want: string) => {
    const w = want.toLowerCase();
    return langs.find((l) => l.toLowerCase() === w) ?? langs.find((l) => l.toLowerCase().startsWith(`${w}-`)) ?? null;
  };
  return (asked ? pick(asked) : null) ?? pick('en') ?? langs.find((l) => /^en(?:[-_]|$)/i.test(l)) ?? langs[0]!;
}

function cuesBetween(track: Track, from: number, to: number): Cue[] {
  const { starts, ends } = track;
  // Cues are in start order: the window's cues start before `to`, and (being short) after `from - LONGEST_CUE`.
  let lo = 0;
  let hi = starts.length;
  const earliest = from - LONGEST_CUE;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < earliest) lo = mid + 1;
    else hi = mid;
  }
  const out: Cue[] = [];
  for (let i = lo; i < starts.length && starts[i]! <= to; i++) {
    if (ends[i]! >= from) out.push({ start: starts[i]!, end: ends[i]!, text: cueText(track, i) });
  }
  return out;
}
