/**
 * Transcripts as the service offers them: the background index started once note search is ready
 * (transcripts must never slow the vault's open or note search), `said` hits for a search, windows
 * of cues for `transcript`, and the `transcripts-ready` event.
 */
import type { SearchHits, TranscriptHit, TranscriptView, VaultEvent } from './api';
import { BackgroundTranscripts } from './core/media/background-transcripts';
import type { CaptionSource } from './core/media/model';

/** Transcript hits returned with a search, at most. */
export const SAID_LIMIT = 20;
/** How long a search's answer waits for `said` once the note hits are in; past it, they go without. */
export const SAID_GRACE_MS = 100;
/** How long `transcript` waits for the first load before answering with what there is. */
export const WINDOW_WAIT_MS = 3000;

export class TranscriptService {
  private readonly background: BackgroundTranscripts;
  private started: Promise<void> | null = null;

  constructor(
    private readonly emit: (event: VaultEvent) => void,
    /** Titles for the videos of some hits (the library's `.info.json`, else a citing note's). */
    private readonly titlesOf: (videoIds: string[]) => Promise<Map<string, string | null>>,
  ) {
    this.background = new BackgroundTranscripts({
      onLoaded: ({ videos }) => this.emit({ type: 'transcripts-ready', videos }),
      onProblem: (message) => this.emit({ type: 'problem', message }),
    });
  }

  /** Loads `source`'s captions once `after` resolves (note search ready, the media scanned). */
  start(source: CaptionSource, after: Promise<void>): void {
    if (this.started) return;
    this.started = after.then(() => this.background.start(source));
  }

  get loaded(): boolean {
    return this.background.isLoaded;
  }

  whenLoaded(): Promise<void> {
    return this.background.whenLoaded();
  }

  /**
   * Note hits with `said` added: both are asked at once (each on its own worker), and the answer
   * waits for `said` at most `SAID_GRACE_MS` after the note hits are in, so a slow transcript
   * query can never hold back the notes.
   */
  async withSaid(notes: Promise<SearchHits>, query: string): Promise<SearchHits> {
    const said = this.said(query);
    const result = await notes;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), SAID_GRACE_MS)));
    const hits = await Promise.race([said, late]);
    clearTimeout(timer);
    return hits ? { ...result, said: hits } : result;
  }

  /** Transcript hits for a note search's query; undefined while loading or when there are none. */
  async said(query: string, limit = SAID_LIMIT): Promise<TranscriptHit[] | undefined> {
    const matches = await this.background.search(query, limit);
    if (!matches || matches.length === 0) return undefined;
    const titles = await this.titlesOf([...new Set(matches.map((m) => m.videoId))]).catch(() => new Map<string, string | null>());
    return matches.map((m) => ({ ...m, title: titles.get(m.videoId) ?? null }));
  }

  async transcript(params: { videoId: string; lang?: string | undefined; from?: number | undefined; to?: number | undefined }): Promise<TranscriptView> {
    const none = (problem: string | null): TranscriptView => ({ videoId: params.videoId, lang: null, langs: [], cues: [], problem });
    if (!this.started) return none(null);
    // Loading waits for note search and the media scan; a reader hovering a stamp meanwhile gets
    // an answer that says so rather than one that hangs (`transcripts-ready` tells it to ask again).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = await Promise.race([
      this.started.then(() => this.background.whenLoaded()).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), WINDOW_WAIT_MS))),
    ]);
    clearTimeout(timer);
    if (!waited) return none('Transcripts are still loading.');
    return this.background.window(params);
  }

  close(): Promise<void> {
    return this.background.close();
  }
}
