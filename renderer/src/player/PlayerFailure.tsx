/**
 * What the Player shows when nothing can play: why, the cited quote and what was said around it
 * (so the moment can still be checked), and the video on youtube.com at that second. Offline with
 * no local copy it says so at once, not after YouTube's timeout.
 */
import { useEffect, useState } from 'react';
import { formatTimeLabel } from '../../../main/core/syntax/time';
import { isVideoId, watchUrl } from '../../../main/core/syntax/youtube';
import { copyText } from './copy-text';
import { playerStore, usePlayer } from './player-store';
import type { PlayerFailure, PlayerVideo } from './player-store';
import { useTranscriptAround } from './transcript-context';
import { TranscriptLines } from './TranscriptLines';

export function PlayerFailurePanel({ error, video }: { error: PlayerFailure; video: PlayerVideo }) {
  const time = usePlayer((s) => s.time);
  const hadLocal = usePlayer((s) => s.candidates.some((c) => c.kind !== 'youtube'));
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const videoId = video.videoId;
  const watch = videoId && isVideoId(videoId) ? watchUrl(videoId, time) : null;
  const moment = Math.floor(time);
  const transcript = useTranscriptAround(videoId, moment, true);
  useEffect(() => setCopied(null), [watch]);
  const offline = error.reason === 'offline';
  const title = offline
    ? hadLocal
      ? 'You are offline, and the local copy of this video could not be played'
      : 'You are offline and there is no local copy of this video'
    : watch
      ? 'This video cannot play here'
      : 'Nothing to play';
  return (
    <div className="player-failure" role="alert">
      <p className="player-failure-title">{title}</p>
      {!offline && <p className="player-failure-why">{error.message}</p>}
      {video.quote && (
        <blockquote className="player-quote">
          <span className="muted">Cited at {formatTimeLabel(moment)}: </span>
          {video.quote}
        </blockquote>
      )}
      {transcript && transcript.cues.length > 0 && (
        <div className="player-said">
          <p className="muted">Said around {formatTimeLabel(moment)}:</p>
          <TranscriptLines view={transcript} seconds={moment} />
        </div>
      )}
      {watch && (
        <>
          <p className="player-watch">
            <span className="muted">Watch it at {formatTimeLabel(moment)} on youtube.com:</span>
            <code className="player-watch-url">{watch}</code>
          </p>
          <div className="player-failure-actions">
            <a className="button primary" href={watch} target="_blank" rel="noopener noreferrer">
              Open in browser
            </a>
            <button
              type="button"
              className="button"
              onClick={() => void copyText(watch).then((ok) => setCopied(ok ? 'yes' : 'no'))}
            >
              {copied === 'yes' ? 'Copied' : 'Copy link'}
            </button>
            <button type="button" className="button subtle" onClick={() => playerStore.retry()}>
              Try again
            </button>
          </div>
          {copied === 'no' && <p className="player-failure-why">Could not reach the clipboard; select the link above instead.</p>}
          {offline && <p className="player-failure-why">YouTube plays here again as soon as the network is back.</p>}
        </>
      )}
    </div>
  );
}
