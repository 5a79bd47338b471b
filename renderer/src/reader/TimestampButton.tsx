/**
 * A cited moment of a video: a button named `Play <label>` (label canonical, e.g. `Play 01:10:00`).
 * The video is the anchor's own YouTube link, else the note's `videoId`.
 */
import type { ReactNode } from 'react';
import { parseTimeLabel } from '../../../main/core/syntax/time';
import { noteStamps, useActiveTimestamp } from '../player/useActiveTimestamp';
import { useNoteContext } from './note-context';
import { canPlay, playTimestamp } from './play';

export function TimestampButton(props: {
  seconds: number;
  label: string;
  videoId: string | null;
  children?: ReactNode;
}) {
  const { seconds, label, children } = props;
  const { view } = useNoteContext();
  // player: the note's `media:` is a copy of the note's own video only, not of an anchor's other one.
  const own = props.videoId === null || props.videoId === view.videoId;
  const videoId = props.videoId ?? view.videoId;
  const note = {
    path: view.path,
    title: view.title,
    videoId,
    media: own ? view.media : null,
    stamps: noteStamps(view.timestamps, videoId),
    ...(own ? { videoTitle: view.title } : {}),
  };
  const playable = canPlay(note);
  // player: follow-along, the quote playing now is marked `aria-current="time"`.
  const active = useActiveTimestamp(view, props.videoId, seconds);
  return (
    <button
      type="button"
      className="timestamp"
      aria-label={`Play ${label}`}
      title={playable ? `Play from ${label}` : 'No video for this note'}
      disabled={!playable}
      data-seconds={seconds}
      aria-current={active ? 'time' : undefined}
      onClick={() => playTimestamp(note, seconds)}
    >
      <span className="timestamp-icon" aria-hidden="true" />
      {children ?? label}
    </button>
  );
}

/** The label of an anchor's `data-t`, or null when it is not a time (the anchor then renders as text). */
export function timeOf(dataT: unknown): { seconds: number; label: string } | null {
  return typeof dataT === 'string' ? parseTimeLabel(dataT) : null;
}
