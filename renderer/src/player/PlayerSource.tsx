/**
 * Under the Player's title: where the recording plays from (a status labelled `Playing from`:
 * "local copy · <file>", the note's `media:` file, "YouTube"), a button for each other source it
 * could play from (the same second carries over), and the captions menu of a local video.
 */
import type { CaptionTrack } from '../../../main/api';
import { CAPTIONS_OFF, languageName, setCaptionPreference } from './captions';
import { playerStore, usePlayer } from './player-store';
import { sourceLabel, switchLabel } from './source';

export function PlayerSource(props: { captions: readonly CaptionTrack[]; caption: CaptionTrack | null }) {
  const candidates = usePlayer((s) => s.candidates);
  const index = usePlayer((s) => s.candidate);
  const status = usePlayer((s) => s.status);
  const source = candidates[index];
  if (!source || status === 'error' || status === 'resolving') return null;
  // A `media:` value read two ways names one file twice at most; offer each label once.
  const seen = new Set([sourceLabel(source)]);
  const others: { index: number; label: string }[] = [];
  candidates.forEach((candidate, i) => {
    const label = sourceLabel(candidate);
    if (seen.has(label)) return;
    seen.add(label);
    others.push({ index: i, label: switchLabel(candidate) });
  });
  const local = source.kind !== 'youtube';
  return (
    <div className="player-source">
      <p className={`player-kind kind-${source.kind}`} role="status" aria-label="Playing from" title={`Playing from ${sourceLabel(source)}`}>
        {sourceLabel(source)}
      </p>
      {others.map((other) => (
        <button key={other.index} type="button" className="button subtle player-switch" onClick={() => playerStore.switchTo(other.index)}>
          {other.label}
        </button>
      ))}
      {local && props.captions.length > 0 && (
        <label className="player-captions">
          <span className="muted">Captions</span>
          <select
            aria-label="Captions"
            value={props.caption?.lang ?? CAPTIONS_OFF}
            onChange={(e) => setCaptionPreference(e.currentTarget.value)}
          >
            <option value={CAPTIONS_OFF}>Off</option>
            {props.captions.map((track) => (
              <option key={track.lang} value={track.lang}>
                {languageName(track.lang)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
