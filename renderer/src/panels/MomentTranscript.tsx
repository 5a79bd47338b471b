/**
 * Under a cited moment in Sources: what the video's captions say a few seconds either side of it,
 * so the quote can be checked against what was said. Folded at first and fetched when opened (a
 * video cited hundreds of times asks for nothing until someone looks); the cue that holds the
 * moment is marked.
 */
import { useState } from 'react';
import type { TranscriptView } from '../../../main/api';
import { formatTimeLabel } from '../../../main/core/syntax/time';
import { client } from '../api/client';
import { messageOf } from '../state/vault-store';
import '../styles/sources-library.css';

/** A stamp marks where a quote starts: a little before it for context, more after it for the quote. */
export const BEFORE_SECONDS = 5;
export const AFTER_SECONDS = 12;

export function MomentTranscript({ videoId, seconds, label }: { videoId: string; seconds: number; label: string }) {
  const [open, setOpen] = useState(false);
  const [view, setView] = useState<TranscriptView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && !view) {
      setError(null);
      client.transcript({ videoId, from: Math.max(0, seconds - BEFORE_SECONDS), to: seconds + AFTER_SECONDS }).then(setView, (err: unknown) => setError(messageOf(err)));
    }
  };

  return (
    <div className="moment-transcript">
      <button type="button" className="button subtle transcript-toggle" aria-expanded={open} onClick={toggle}>
        {open ? 'Hide what was said' : 'What was said'}
        <span className="sr-only"> around {label}</span>
      </button>
      {open && (
        <div className="transcript-lines">
          {error && <p className="panel-error">{error}</p>}
          {!view && !error && <p className="muted">Loading…</p>}
          {view?.problem && <p className="panel-error">{view.problem}</p>}
          {view && !view.problem && view.cues.length === 0 && <p className="muted">{view.lang ? 'Nothing is said around this moment.' : 'This video has no captions.'}</p>}
          {view && view.cues.length > 0 && (
            <ol aria-label={`Transcript around ${label}`}>
              {view.cues.map((cue, i) => {
                const here = cue.start <= seconds && seconds < cue.end;
                return (
                  <li key={`${cue.start}:${i}`} className={'transcript-cue' + (here ? ' is-here' : '')} aria-current={here ? 'time' : undefined}>
                    <span className="cue-time">{formatTimeLabel(Math.floor(cue.start))}</span>
                    <span className="cue-text">{cue.text}</span>
                  </li>
                );
              })}
            </ol>
          )}
          {view && view.langs.length > 1 && <p className="muted cue-lang">Captions: {view.lang}</p>}
        </div>
      )}
    </div>
  );
}
