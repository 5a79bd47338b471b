/**
 * Follow-along for the reader: whether a timestamp button is the quote playing now. The reader's
 * `TimestampButton` asks with its note and its moment; the answer only changes when the playing
 * quote of that note does, so buttons re-render once per quote, not once per tick.
 */
import type { Timestamp } from '../../../main/core/model';
import { usePlayer } from './player-store';
import type { PlayerState } from './player-store';
import { videoKey } from './source';
import { activeStamp, stampSeconds } from './timeline';

export interface CitingNote {
  videoId: string | null;
  media: string | null;
  timestamps: readonly Timestamp[];
}

const cache = new WeakMap<readonly Timestamp[], Map<string | null, number[]>>();

/** A note's distinct cited seconds of one video, sorted (memoised per note view). */
export function noteStamps(timestamps: readonly Timestamp[], videoId: string | null): number[] {
  let byVideo = cache.get(timestamps);
  if (!byVideo) cache.set(timestamps, (byVideo = new Map()));
  let stamps = byVideo.get(videoId);
  if (!stamps) byVideo.set(videoId, (stamps = stampSeconds(timestamps, videoId)));
  return stamps;
}

/** The second of `note`'s quote that is playing now, or null (nothing playing, another video). */
export function activeSecondsIn(state: PlayerState, note: CitingNote, videoId: string | null): number | null {
  if (!state.video || state.status === 'idle' || state.status === 'error') return null;
  const own = videoId ?? note.videoId;
  if (videoKey(own, own === note.videoId ? note.media : null) !== state.video.key) return null;
  return activeStamp(noteStamps(note.timestamps, own), state.time);
}

/** True when this button's moment is the quote playing now. `videoId` is the anchor's own video, if any. */
export function useActiveTimestamp(note: CitingNote, videoId: string | null, seconds: number): boolean {
  return usePlayer((s) => activeSecondsIn(s, note, videoId) === seconds);
}
