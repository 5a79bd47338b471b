/**
 * The strip under the Player's controls: where playback is, where the note's quotes fall, and the
 * video's chapters (from its `.info.json`) as marks with their titles that jump there.
 */
import type { Chapter } from '../../../main/api';
import { formatTimeLabel } from '../../../main/core/syntax/time';
import { playerStore, usePlayer } from './player-store';

export function PlayerTimeline(props: { chapters: readonly Chapter[]; knownDuration: number | null }) {
  const time = usePlayer((s) => s.time);
  const playing = usePlayer((s) => s.duration);
  const stamps = usePlayer((s) => s.stamps);
  const ready = usePlayer((s) => s.status === 'ready');
  const duration = playing ?? props.knownDuration;
  if (duration === null || duration <= 0) return null;
  const hours = duration >= 3600;
  const at = (seconds: number) => `${Math.min(100, (seconds / duration) * 100)}%`;
  return (
    <div className="player-timeline">
      <div className="player-timeline-fill" style={{ width: at(time) }} aria-hidden="true" />
      {props.chapters.length > 0 && (
        <div className="player-chapters" role="group" aria-label="Chapters">
          {props.chapters.map((chapter) => (
            <button
              key={chapter.seconds}
              type="button"
              className="player-timeline-chapter"
              style={{ left: at(chapter.seconds) }}
              title={`${chapter.title} (${formatTimeLabel(chapter.seconds, hours)})`}
              aria-label={`Chapter: ${chapter.title}, ${formatTimeLabel(chapter.seconds, hours)}`}
              onClick={() => playerStore.seekTo(chapter.seconds, ready)}
            />
          ))}
        </div>
      )}
      {stamps.map((s) => (
        <span
          key={s}
          aria-hidden="true"
          className={'player-timeline-stamp' + (s > duration + 1 ? ' is-past-end' : '')}
          style={{ left: at(s) }}
          title={formatTimeLabel(s)}
          onClick={ready ? () => playerStore.seekTo(s, true) : undefined}
        />
      ))}
    </div>
  );
}
