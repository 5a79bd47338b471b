/**
 * The highlight reel that is playing: which video, its moments (`reel-model.ts`), which one is up.
 * It drives the one shared player (`player-store.ts`): each moment is a play request at its start,
 * which on the same recording only seeks, so YouTube and local files behave alike. It watches the
 * player's clock to move on when a moment reaches its stop, and the player's length to drop stamps
 * past the end once the recording says how long it is.
 */
import { useSyncExternalStore } from 'react';
import type { Citation, TranscriptCue, VideoEntry } from '../../../main/api';
import { client } from '../api/client';
import { knownDuration } from './durations';
import { videoEntry } from './library';
import { playerStore, requestPlay } from './player-store';
import type { PlayerState } from './player-store';
import { buildReel, clampWindow, momentAt, REEL_DEFAULTS, stepAt } from './reel-model';
import type { Reel } from './reel-model';
import { videoKey } from './source';

/** Where the reel was started from, which decides which citations it plays. */
export type ReelOrigin =
  | { kind: 'note'; path: string; title: string }
  | { kind: 'sources' }
  /** `notes`: the hit notes citing the chosen video; `videos`: how many videos the hits cite. */
  | { kind: 'search'; query: string; notes: number; videos: number };

export interface ReelState {
  active: boolean;
  loading: boolean;
  videoId: string | null;
  media: string | null;
  title: string | null;
  origin: ReelOrigin | null;
  reel: Reel;
  index: number;
  /** The longest a moment plays, in seconds. */
  window: number;
  /** The recording's length the reel was built with. */
  duration: number | null;
  finished: boolean;
  error: string | null;
}

export interface ReelStart {
  videoId: string | null;
  media?: string | null;
  title?: string | null;
  /** The moments to play; without them, every citation of `videoId` in the vault. */
  citations?: readonly Citation[] | undefined;
  origin: ReelOrigin;
}

const WINDOW_KEY = 'cairn.reel-window.v1';
const EMPTY: Reel = { moments: [], pastEnd: [] };

function savedWindow(): number {
  try {
    const saved = Number(localStorage.getItem(WINDOW_KEY));
    return saved > 0 ? clampWindow(saved) : REEL_DEFAULTS.window;
  } catch {
    return REEL_DEFAULTS.window;
  }
}

const idle: ReelState = {
  active: false,
  loading: false,
  videoId: null,
  media: null,
  title: null,
  origin: null,
  reel: EMPTY,
  index: 0,
  window: REEL_DEFAULTS.window,
  duration: null,
  finished: false,
  error: null,
};

type Listener = () => void;

class ReelStore {
  private state: ReelState = { ...idle, window: savedWindow() };
  private readonly listeners = new Set<Listener>();
  private token = 0;
  private citations: readonly Citation[] = [];
  private cues: readonly TranscriptCue[] = [];
  private entry: VideoEntry | null = null;
  /** The moments' seconds, handed to the player so its own previous/next keys walk them too. */
  private stamps: number[] = [];
  /**
   * False from a seek the reel asked for until the player reports a second inside the moment:
   * a clock report still on its way from before the seek must not count as the moment ending.
   */
  private armed = false;

  constructor() {
    playerStore.subscribe(() => this.onPlayer(playerStore.getState()));
  }

  getState = (): ReelState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  async start(req: ReelStart): Promise<void> {
    const token = ++this.token;
    const { videoId } = req;
    this.set({ ...idle, window: this.state.window, active: true, loading: true, videoId, media: req.media ?? null, title: req.title ?? null, origin: req.origin });
    try {
      const [cited, entry] = await Promise.all([
        req.citations || !videoId ? null : client.citations({ videoId }),
        videoId ? videoEntry(videoId) : Promise.resolve(null),
      ]);
      const transcript = videoId && entry && entry.captions.length > 0 ? await client.transcript({ videoId }).catch(() => null) : null;
      if (token !== this.token) return;
      const video = cited?.videos.find((v) => v.videoId === videoId) ?? null;
      this.citations = req.citations ?? video?.citations ?? [];
      this.cues = transcript?.cues ?? [];
      this.entry = entry;
      const media = this.state.media ?? video?.media ?? entry?.noteMedia ?? null;
      const title = this.state.title ?? video?.title ?? entry?.title ?? null;
      this.set({ media, title });
      const duration = this.knownLength();
      const reel = this.build(duration);
      this.set({ loading: false, reel, duration });
      if (reel.moments.length > 0) this.play(0);
    } catch (err) {
      if (token === this.token) this.set({ loading: false, error: err instanceof Error ? err.message : String(err) });
    }
  }

  next(): void {
    this.go(this.state.index + 1);
  }

  previous(): void {
    this.go(this.state.index - 1);
  }

  /** Plays moment `index` from its start (the progress strip, the keys, the buttons). */
  go(index: number): void {
    const { reel } = this.state;
    if (!this.state.active || this.state.loading || index < 0 || index >= reel.moments.length) return;
    this.play(index);
  }

  setWindow(seconds: number): void {
    const window = clampWindow(seconds);
    try {
      localStorage.setItem(WINDOW_KEY, String(window));
    } catch {
      // Not remembered; this reel still uses it.
    }
    this.set({ window });
    if (this.state.active && !this.state.loading) this.rebuild(this.state.duration);
  }

  close(): void {
    this.token++;
    this.armed = false;
    this.set({ ...idle, window: this.state.window });
  }

  // ---- internals --------------------------------------------------------------------------------

  private key(): string | null {
    return videoKey(this.state.videoId, this.state.media);
  }

  private knownLength(): number | null {
    const key = this.key();
    const player = playerStore.getState();
    if (key && player.video?.key === key && player.duration !== null) return player.duration;
    return (key ? knownDuration(key) : null) ?? this.entry?.duration ?? null;
  }

  private build(duration: number | null): Reel {
    const reel = buildReel(this.citations, { duration, window: this.state.window, cues: this.cues, chapters: this.entry?.chapters ?? [] });
    this.stamps = reel.moments.map((m) => m.seconds);
    return reel;
  }

  /** A new length or window: the moments are laid out again, staying on the one playing. */
  private rebuild(duration: number | null): void {
    const current = this.state.reel.moments[this.state.index]?.seconds ?? 0;
    const reel = this.build(duration);
    let index = reel.moments.findIndex((m) => m.seconds >= current);
    if (index < 0) index = Math.max(0, reel.moments.length - 1);
    this.set({ reel, duration, index });
  }

  private play(index: number): void {
    const { reel, videoId, media, title } = this.state;
    const moment = reel.moments[index];
    if (!moment) return;
    const first = moment.citations[0]!;
    this.armed = false;
    this.set({ index, finished: false });
    requestPlay({
      notePath: first.path,
      videoId,
      media,
      seconds: moment.start,
      stamps: this.stamps,
      title,
      quote: first.text || null,
    });
  }

  private onPlayer(player: PlayerState): void {
    const s = this.state;
    if (!s.active || s.loading) return;
    const key = this.key();
    // The player closed, or plays something else now: the reel is over.
    if (!player.video || player.video.key !== key) {
      this.close();
      return;
    }
    if (player.duration !== null && (s.duration === null || Math.abs(player.duration - s.duration) > 0.05)) {
      this.rebuild(player.duration);
      return;
    }
    if (s.finished || !player.playing || player.status !== 'ready') return;
    const { moments } = s.reel;
    const moment = moments[s.index];
    if (!moment) return;
    const time = player.time;
    if (!this.armed) {
      if (time >= moment.start - 0.5 && time < moment.end) this.armed = true;
      return;
    }
    if (time < moment.start - 1 || time > moment.end + 1.5) {
      // The person moved the playhead: follow them to the moment they landed in, if any.
      const landed = momentAt(moments, time);
      if (landed >= 0 && landed !== s.index) this.set({ index: landed });
      else if (landed < 0) this.armed = false;
      return;
    }
    const step = stepAt(moments, s.index, time);
    if (step.kind === 'finished') {
      this.set({ finished: true });
      playerStore.pause();
    } else if (step.kind === 'advance') {
      if (step.seek === null) this.set({ index: step.index });
      else this.play(step.index);
    }
  }

  private set(patch: Partial<ReelState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

export const reelStore = new ReelStore();

export function startReel(req: ReelStart): void {
  void reelStore.start(req);
}

export function useReel<T>(selector: (state: ReelState) => T): T {
  return useSyncExternalStore(reelStore.subscribe, () => selector(reelStore.getState()));
}
