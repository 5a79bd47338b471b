/**
 * Transcripts as the service offers them: the background index started once note search is ready
 * (transcripts must never slow the vault's open or note search), `said` hits for a search, windows
 * of cues for `transcript`, and the `transcripts-ready` event.
 */
import type { TranscriptHit, TranscriptView, VaultEvent } from './api';
import { BackgroundTranscripts } from './core/media/background-transcripts';
import type { CaptionSource } from './core/media/model';

/** Transcript hits returned with a search, at most. */
export const SAID_LIMIT = 20;

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

  /** Loads `source`'s captions once `after` resolves (note search ready). */
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

  /** Transcript hits for a note search's query; undefined while loading or when there are none. */
  async said(query: string, limit = SAID_LIMIT): Promise<TranscriptHit[] | undefined> {
    const matches = await this.background.search(query, limit);
    if (!matches || matches.length === 0) return undefined;
    const titles = await this.titlesOf([...new Set(matches.map((m) => m.videoId))]).catch(() => new Map<string, string | null>());
    return matches.map((m) => ({ ...m, title: titles.get(m.videoId) ?? null }));
  }

  async transcript(params: { videoId: string; lang?: string | undefined; from?: number | undefined; to?: number | undefined }): Promise<TranscriptView> {
    if (!this.started) return { videoId: params.videoId, lang: null, langs: [], cues: [], problem: null };
    await this.started;
    return this.background.window(params);
  }

  close(): Promise<void> {
    return this.background.close();
  }
}
