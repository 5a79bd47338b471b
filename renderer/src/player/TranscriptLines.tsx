/**
 * Transcript cues around a moment, the one said at it marked: beside a stamp and in the Player.
 * Spans, not a list: the stamp's popover sits inside a paragraph, where a list may not.
 */
import type { TranscriptView } from '../../../main/api';
import { formatTimeLabel } from '../../../main/core/syntax/time';

export function TranscriptLines({ view, seconds }: { view: TranscriptView; seconds: number }) {
  if (view.cues.length === 0) return null;
  return (
    <span className="transcript-lines">
      {view.cues.map((cue) => (
        <span
          key={`${cue.start}-${cue.end}`}
          className={'transcript-line' + (cue.start <= seconds && seconds < cue.end ? ' is-at' : '')}
        >
          <span className="transcript-time">{formatTimeLabel(Math.floor(cue.start))}</span> {cue.text}
        </span>
      ))}
    </span>
  );
}
