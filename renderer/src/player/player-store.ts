/**
 * What the player is doing, shared by the Player pane, the reader's timestamp buttons (to follow
 * along) and the Sources view. An external store read with `usePlayer(selector)`.
 *
 * A request names a recording (a `videoId`, a `media:` file, or both) and a second. The same
 * recording again only seeks; another one loads the best source it has (`sourceCandidates`): the
 * note's `media:` file, then the media library's copy, then YouTube; the next untried candidate
 * when one fails, and a failure the Player explains (with a link to youtube.com) when none is left.
 * The reader may switch to another candidate at the same second. The element that plays (a <video>
 * or the YouTube iframe) attaches its controls here and reports time, length and state back.
 */
import { useSyncExternalStore } from 'react';
import { formatTimeLabel } from '../../../main/core/syntax/time';
import { isVideoId } from '../../../main/core/syntax/youtube';
import type { LocalCopy } from '../../../main/api';
import { knownDuration, rememberDuration } from './durations';
import { onVideoEntries, videoEntry } from './library';
import { sameSource, sourceCandidates, videoKey } from './source';
import type { SourceCandidate } from './source';
import { nextStamp, previousStamp } from './timeline';
import type { FailureReason } from './youtube-embed';

export interface PlayRequest {
  /** The note the moment is cited in: next/previous walk its stamps, `media:` resolves from it. */
  notePath: string | null;
  videoId: string | null;
  media: string | null;
  seconds: number;
  /** The note's cited seconds of this recording (any order, repeats allowed). */
  stamps?: readonly number[];
  /** When the caller knows them already (the Sources view); otherwise they are looked up. */
  title?: string | null;
  channel?: string | null;
  /** The words the moment is cited for, kept in view when it cannot play. */
  quote?: string | null;
}

export interface PlayerVideo {
  key: string;
  videoId: string | null;
  media: string | null;
  title: string | null;
  channel: string | null;
  /** The media library's copy of this video, once looked up. */
  local: LocalCopy | null;
  quote: string | null;
}

export type PlayerStatus = 'idle' | 'resolving' | 'loading' | 'ready' | 'error';

export interface PlayerFailure {
  reason: FailureReason;
  message: string;
}

export interface PlayerState {
  video: PlayerVideo | null;
  notePath: string | null;
  stamps: readonly number[];
  candidates: readonly SourceCandidate[];
  /** Which candidate is playing; it moves on when one fails. */
  candidate: number;
  /** Candidates that failed since the recording (or a retry) began; a fall-through skips them. */
  failed: readonly number[];
  /** Changes whenever the playing element must start over (new recording, another candidate, retry). */
  loadId: number;
  /** Where a starting element starts, and the last second asked for. */
  startAt: number;
  time: number;
  duration: number | null;
  playing: boolean;
  status: PlayerStatus;
  error: PlayerFailure | null;
  /** Worth saying, not a failure: a fallback taken, a moment past the end. */
  notice: string | null;
}

/** What the playing element lets the store do. */
export interface EngineControls {
  play(): void;
  pause(): void;
  seek(seconds: number): void;
  /** The element's own word on it, when it can say at once (play/pause events arrive later). */
  paused?(): boolean;
}

const idle: PlayerState = {
  video: null,
  notePath: null,
  stamps: [],
  candidates: [],
  candidate: 0,
  failed: [],
  loadId: 0,
  startAt: 0,
  time: 0,
  duration: null,
  playing: false,
  status: 'idle',
  error: null,
  notice: null,
};

const SKIP = 5;
/**
 * How long a play request waits for the library to say whether it has a copy before starting
 * with what it has; a copy that turns up later takes over from YouTube (`refreshSources`).
 */
const LOOKUP_WAIT_MS = 2500;

type Listener = () => void;

class PlayerStore {
  private state: PlayerState = idle;
  private readonly listeners = new Set<Listener>();
  private controls: EngineControls | null = null;
  private request = 0;

  constructor() {
    // A copy downloaded (or deleted) while a video is up changes what it can play from.
    onVideoEntries(() => this.refreshSources());
  }

  getState = (): PlayerState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The source now playing, or null. */
  source(state: PlayerState = this.state): SourceCandidate | null {
    return state.candidates[state.candidate] ?? null;
  }

  requestPlay(req: PlayRequest): void {
    const key = videoKey(req.videoId, req.media);
    if (!key) return;
    const seconds = Math.max(0, req.seconds);
    const stamps = sortedStamps(req.stamps ?? [seconds]);
    const s = this.state;
    if (s.video?.key === key && (s.status === 'loading' || s.status === 'ready' || s.status === 'resolving')) {
      this.set({
        notePath: req.notePath,
        stamps,
        notice: endNotice(seconds, s.duration),
        video: { ...s.video, quote: req.quote ?? s.video.quote },
      });
      this.seekTo(seconds, true);
      return;
    }
    const token = ++this.request;
    const video: PlayerVideo = {
      key,
      videoId: req.videoId,
      media: req.media,
      title: req.title ?? null,
      channel: req.channel ?? null,
      local: null,
      quote: req.quote ?? null,
    };
    const duration = knownDuration(key);
    this.controls = null;
    this.set({
      ...idle,
      video,
      notePath: req.notePath,
      stamps,
      loadId: s.loadId + 1,
      startAt: seconds,
      time: seconds,
      duration,
      status: 'resolving',
      notice: endNotice(seconds, duration),
    });
    // A note without `media:` may still cite a recording another note keeps a file of, or the
    // library a copy of; both beat YouTube, so they are looked up before anything loads (the
    // answer is cached per video). A note's own `media:` plays at once; the library's copy joins
    // the candidates behind it when the answer comes.
    const needed = req.videoId !== null && req.media === null;
    const lookup = req.videoId !== null ? videoEntry(req.videoId) : null;
    if (!needed) this.begin(token);
    let begun = !needed;
    const wait = needed
      ? setTimeout(() => {
          begun = true;
          this.begin(token);
        }, LOOKUP_WAIT_MS)
      : null;
    void lookup?.then((found) => {
      if (wait) clearTimeout(wait);
      if (token !== this.request || !this.state.video) return;
      const current = this.state.video;
      if (found)
        this.set({
          video: {
            ...current,
            title: current.title ?? found.title,
            channel: current.channel ?? found.channel,
            media: current.media ?? found.noteMedia,
            local: found.local,
          },
        });
      // A video no note cites (a YouTube link written as an image) has no entry: it still plays.
      if (!begun) this.begin(token);
      else this.refreshSources();
    });
  }

  /** The element now playing hands over its controls; the returned function takes them back. */
  attach(controls: EngineControls): () => void {
    this.controls = controls;
    return () => {
      if (this.controls === controls) this.controls = null;
    };
  }

  // ---- reports from the playing element ---------------------------------------------------------

  engineReady(loadId: number): void {
    if (loadId !== this.state.loadId || this.state.status === 'error') return;
    this.set({ status: 'ready' });
  }

  engineTime(loadId: number, time: number): void {
    if (loadId !== this.state.loadId || !Number.isFinite(time)) return;
    if (Math.abs(time - this.state.time) < 0.05) return;
    this.set({ time });
  }

  engineDuration(loadId: number, duration: number): void {
    const { video } = this.state;
    if (loadId !== this.state.loadId || !video || !(duration > 0) || !Number.isFinite(duration)) return;
    rememberDuration(video.key, duration);
    if (this.state.duration !== null && Math.abs(this.state.duration - duration) < 0.05) return;
    this.set({ duration, notice: this.state.notice ?? endNotice(this.state.startAt, duration) });
  }

  enginePlaying(loadId: number, playing: boolean): void {
    if (loadId !== this.state.loadId || this.state.playing === playing) return;
    this.set({ playing });
  }

  /** The playing element gave up: the next candidate takes over, or the Player explains. */
  engineFailed(loadId: number, failure: PlayerFailure): void {
    const s = this.state;
    if (loadId !== s.loadId || s.status === 'error') return;
    this.controls = null;
    const failedSource = this.source();
    const failed = [...s.failed, s.candidate];
    const nextIndex = s.candidates.findIndex((_, i) => !failed.includes(i));
    const next = s.candidates[nextIndex];
    if (next) {
      const notice =
        failedSource && failedSource.kind !== 'youtube' && next.kind === 'youtube'
          ? `The local file ${failedSource.kind === 'media' ? failedSource.path : failedSource.copy.name} could not be played; playing from YouTube instead.`
          : failedSource?.kind === 'youtube' && next.kind !== 'youtube'
            ? `${failure.message} Playing the local copy instead.`
            : s.notice;
      this.set({ candidate: nextIndex, failed, loadId: s.loadId + 1, startAt: s.time, status: 'loading', playing: false, notice });
      return;
    }
    this.set({ failed, status: 'error', error: failure, playing: false });
  }

  // ---- what the user asks for -------------------------------------------------------------------

  togglePlay(): void {
    const controls = this.controls;
    if (!controls) return;
    if (controls.paused ? controls.paused() : !this.state.playing) controls.play();
    else controls.pause();
  }

  /** Stops the element where it is (the highlight reel's last moment ended). */
  pause(): void {
    this.controls?.pause();
  }

  seekTo(seconds: number, play = false): void {
    const { duration } = this.state;
    const target = Math.max(0, duration !== null ? Math.min(seconds, duration) : seconds);
    this.set({ startAt: target, time: target });
    this.controls?.seek(target);
    if (play) this.controls?.play();
  }

  seekBy(delta: number): void {
    this.seekTo(this.state.time + delta);
  }

  back(): void {
    this.seekBy(-SKIP);
  }

  forward(): void {
    this.seekBy(SKIP);
  }

  nextStamp(): void {
    const target = nextStamp(this.state.stamps, this.state.time);
    if (target !== null) this.seekTo(target, true);
  }

  previousStamp(): void {
    const target = previousStamp(this.state.stamps, this.state.time);
    if (target !== null) this.seekTo(target, true);
  }

  /** Start over from the first source (the network may be back, the file may be there now). */
  retry(): void {
    const s = this.state;
    if (!s.video) return;
    this.controls = null;
    const candidates = candidatesOf(s.video, s.notePath);
    if (candidates.length === 0) {
      this.set({ candidates, status: 'error', error: noSource(s.video) });
      return;
    }
    this.set({ candidates, candidate: 0, failed: [], loadId: s.loadId + 1, startAt: s.time, status: 'loading', error: null, notice: null });
  }

  /** Plays another of the recording's sources from the second playing now (the reader's choice). */
  switchTo(index: number): void {
    const s = this.state;
    if (!s.video || index === s.candidate || !s.candidates[index]) return;
    this.controls = null;
    this.set({
      candidate: index,
      failed: s.failed.filter((i) => i !== index),
      loadId: s.loadId + 1,
      startAt: s.time,
      status: 'loading',
      playing: false,
      error: null,
      notice: null,
    });
  }

  close(): void {
    this.request++;
    this.controls = null;
    this.set({ ...idle, loadId: this.state.loadId + 1 });
  }

  // ---- internals --------------------------------------------------------------------------------

  private begin(token: number): void {
    const s = this.state;
    if (token !== this.request || !s.video) return;
    const candidates = candidatesOf(s.video, s.notePath);
    if (candidates.length === 0) {
      this.set({ candidates, status: 'error', error: noSource(s.video) });
      return;
    }
    this.set({ candidates, candidate: 0, failed: [], loadId: s.loadId + 1, status: 'loading' });
  }

  /**
   * The library's answer came, or changed: the candidates are rebuilt around the one playing,
   * which keeps playing. A recording that had nothing left to try starts over with what is new.
   */
  private refreshSources(): void {
    const s = this.state;
    const videoId = s.video?.videoId;
    if (!s.video || !videoId || s.status === 'idle' || s.status === 'resolving') return;
    const token = this.request;
    void videoEntry(videoId).then((found) => {
      const now = this.state;
      if (token !== this.request || !now.video || now.video.videoId !== videoId) return;
      const video = { ...now.video, local: found?.local ?? null };
      const candidates = candidatesOf(video, now.notePath);
      const playing = now.candidates[now.candidate];
      if (now.status === 'error') {
        const gainedLocal = candidates.some((c) => c.kind === 'local') && !now.candidates.some((c) => c.kind === 'local');
        this.set({ video, candidates: now.candidates });
        if (gainedLocal) this.retry();
        return;
      }
      const index = playing ? candidates.findIndex((c) => sameSource(c, playing)) : -1;
      if (index === -1) {
        // What was playing is gone from the library: keep playing it, the element has it open.
        this.set({ video });
        return;
      }
      const failed = now.failed.map((i) => now.candidates[i]).flatMap((c) => (c ? [candidates.findIndex((d) => sameSource(c, d))] : []));
      this.set({ video, candidates, candidate: index, failed: failed.filter((i) => i >= 0) });
      // A copy that turned up while YouTube played (a slow answer, a download finished) takes over.
      const local = candidates.findIndex((c) => c.kind === 'local');
      const hadLocal = now.candidates.some((c) => c.kind === 'local');
      if (playing?.kind === 'youtube' && local !== -1 && local < index && !hadLocal) this.switchTo(local);
    });
  }

  private set(patch: Partial<PlayerState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

function candidatesOf(video: PlayerVideo, notePath: string | null) {
  return sourceCandidates({ videoId: video.videoId, media: video.media, notePath, local: video.local });
}

function sortedStamps(stamps: readonly number[]): number[] {
  return [...new Set(stamps)].sort((a, b) => a - b);
}

function endNotice(seconds: number, duration: number | null): string | null {
  if (duration === null || seconds <= duration + 1) return null;
  return `${formatTimeLabel(seconds)} is after the end of this recording (${formatTimeLabel(duration)}); check the note's timestamp.`;
}

function noSource(video: PlayerVideo): PlayerFailure {
  if (video.media) {
    return { reason: 'no-source', message: `The local file “${video.media}” is not a path inside this vault.` };
  }
  if (video.videoId && !isVideoId(video.videoId)) {
    return {
      reason: 'no-source',
      message: `“${video.videoId}” is not a YouTube video id, and no note gives a local file for it (media: in the front matter).`,
    };
  }
  return { reason: 'no-source', message: 'This note names no video to play.' };
}

export const playerStore = new PlayerStore();

export function requestPlay(req: PlayRequest): void {
  playerStore.requestPlay(req);
}

export function usePlayer<T>(selector: (state: PlayerState) => T): T {
  return useSyncExternalStore(playerStore.subscribe, () => selector(playerStore.getState()));
}
