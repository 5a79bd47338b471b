/**
 * What a timestamp button does: hands the moment to the player (renderer/src/player), which plays
 * the note's local `media:` file or its YouTube video at that second, and offers the watch URL on
 * youtube.com when neither can play.
 */
import { requestPlay } from '../player/player-store';

export interface PlayableNote {
  path: string;
  title: string;
  /** The video the timestamp cites: the anchor's own, else the note's. */
  videoId: string | null;
  /** A local media file in the vault (front matter `media:`), for offline playback. */
  media: string | null;
  /** The note's cited seconds of this video, so the player can step between them. */
  stamps?: readonly number[];
  /** The video's title when it is the note's own video (else the player looks it up). */
  videoTitle?: string;
}

export function canPlay(note: PlayableNote): boolean {
  return note.videoId !== null || note.media !== null;
}

/** `quote`: the words the moment is cited for, kept in view by the player if it cannot play. */
export function playTimestamp(note: PlayableNote, seconds: number, quote: string | null = null): void {
  if (!canPlay(note)) return;
  requestPlay({
    quote,
    notePath: note.path,
    videoId: note.videoId,
    media: note.media,
    seconds,
    stamps: note.stamps ?? [seconds],
    ...(note.videoTitle !== undefined ? { title: note.videoTitle } : {}),
  });
}
