/** Transcript cues around a moment, the one said at it marked: beside a stamp and in the Player. */
import type { TranscriptView } from '../../../main/api';
import { formatTimeLabel } from '../../../main/core/syntax/time';

export function TranscriptLines({ view, seconds }: { view: TranscriptView; seconds: number }) {
  if (view.cues.length === 0) return null;
  return (
    <ol className="transcript-lines" aria-label="What was said">
      {view.cues.map((cue) => (
        <li key={`${cue.start}-${cue.end}`} className={cue.start <= seconds && seconds < cue.end ? 'is-at' : undefined}>
          <span className="transcript-time muted">{formatTimeLabel(Math.floor(cue.start))}</span> {cue.text}
        </li>
      ))}
    </ol>
  );
}
