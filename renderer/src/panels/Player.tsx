/**
 * The Player (a `section` landmark named "Player"): the cited recording, playing from the second a
 * timestamp named. A local file plays in a <video>, a YouTube video in a privacy-enhanced embed;
 * when neither can play, it says why and offers the video on youtube.com at that second.
 * Collapsed, it keeps playing and shows only its controls.
 */
import { useEffect, useState } from 'react';
import { formatTimeLabel } from '../../../main/core/syntax/time';
import { isVideoId, watchUrl } from '../../../main/core/syntax/youtube';
import { copyText } from '../player/copy-text';
import { dockStore, openSources, useDock } from '../player/dock-store';
import { MediaEngine } from '../player/MediaEngine';
import { playerStore, usePlayer } from '../player/player-store';
import type { PlayerFailure } from '../player/player-store';
import { nextStamp, previousStamp } from '../player/timeline';
import { PLAYER_KEYS } from '../player/usePlayerKeys';
import { YouTubeEngine } from '../player/YouTubeEngine';
import '../styles/player.css';

export function PlayerPane() {
  const video = usePlayer((s) => s.video);
  const status = usePlayer((s) => s.status);
  const error = usePlayer((s) => s.error);
  const notice = usePlayer((s) => s.notice);
  const loadId = usePlayer((s) => s.loadId);
  const source = usePlayer((s) => s.candidates[s.candidate] ?? null);
  const collapsed = useDock((s) => s.collapsed);

  // Back online: try the embed again rather than leave the fallback up.
  useEffect(() => {
    if (status !== 'error' || (error?.reason !== 'offline' && error?.reason !== 'unreachable')) return;
    const onOnline = () => playerStore.retry();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [status, error]);

  if (!video) return null;
  const name = video.title ?? video.videoId ?? video.media ?? 'Recording';
  const kind = source?.kind === 'media' ? 'Local file' : source?.kind === 'youtube' ? 'YouTube' : null;
  const startAt = playerStore.getState().startAt;

  return (
    <section className={'player' + (collapsed ? ' is-collapsed' : '')} aria-label="Player">
      <header className="player-head">
        <div className="player-titles">
          <h2 className="player-title" title={name}>
            {name}
          </h2>
          <p className="player-meta">
            {kind && <span className={`player-kind kind-${source?.kind}`}>{kind}</span>}
            {video.channel && <span className="player-channel">{video.channel}</span>}
          </p>
        </div>
        <div className="player-actions">
          {video.videoId && (
            <button
              type="button"
              className="icon-button"
              aria-label="All quotes from this video"
              title="All quotes from this video"
              onClick={() => openSources(video.videoId)}
            >
              <span className="icon icon-quotes" aria-hidden="true" />
            </button>
          )}
          <button
            type="button"
            className="icon-button player-collapse"
            aria-label={collapsed ? 'Expand player' : 'Collapse player'}
            title={collapsed ? 'Show the video' : 'Hide the video, keep playing'}
            aria-expanded={!collapsed}
            aria-controls="player-stage"
            onClick={() => dockStore.setCollapsed(!collapsed)}
          >
            <span className={'icon ' + (collapsed ? 'icon-expand' : 'icon-collapse-player')} aria-hidden="true" />
          </button>
          <button type="button" className="icon-button" aria-label="Close player" title="Close player" onClick={() => playerStore.close()}>
            <span className="icon icon-close" aria-hidden="true" />
          </button>
        </div>
      </header>

      <div className="player-stage" id="player-stage" hidden={collapsed || status === 'error'}>
        {status !== 'error' && source?.kind === 'media' && <MediaEngine key={loadId} loadId={loadId} path={source.path} startAt={startAt} />}
        {status !== 'error' && source?.kind === 'youtube' && (
          <YouTubeEngine key={loadId} loadId={loadId} videoId={source.videoId} startAt={startAt} title={name} />
        )}
        {(status === 'resolving' || status === 'loading') && (
          <p className="player-loading" aria-hidden="true">
            <span className="player-spinner" />
          </p>
        )}
      </div>

      {status === 'error' && error && <Failure error={error} videoId={video.videoId} />}
      <Transport />
      <Timeline />
      {notice && (
        <p className="player-notice" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}

function Failure({ error, videoId }: { error: PlayerFailure; videoId: string | null }) {
  const time = usePlayer((s) => s.time);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const watch = videoId && isVideoId(videoId) ? watchUrl(videoId, time) : null;
  useEffect(() => setCopied(null), [watch]);
  return (
    <div className="player-failure" role="alert">
      <p className="player-failure-title">{watch ? 'This video cannot play here' : 'Nothing to play'}</p>
      <p className="player-failure-why">{error.message}</p>
      {watch && (
        <>
          <p className="player-watch">
            <span className="muted">Watch it at {formatTimeLabel(Math.floor(time))} on youtube.com:</span>
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
        </>
      )}
    </div>
  );
}

function Transport() {
  const playing = usePlayer((s) => s.playing);
  const ready = usePlayer((s) => s.status === 'ready');
  const time = usePlayer((s) => s.time);
  const duration = usePlayer((s) => s.duration);
  const hasPrevious = usePlayer((s) => previousStamp(s.stamps, s.time) !== null);
  const hasNext = usePlayer((s) => nextStamp(s.stamps, s.time) !== null);
  const hours = (duration ?? time) >= 3600;
  return (
    <div className="player-transport" role="group" aria-label="Playback">
      <button
        type="button"
        className="icon-button"
        aria-label="Previous timestamp"
        title={`Previous timestamp of the note (${PLAYER_KEYS.previous})`}
        disabled={!hasPrevious}
        onClick={() => playerStore.previousStamp()}
      >
        <span className="icon icon-prev-stamp" aria-hidden="true" />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Back 5 seconds"
        title={`Back 5 s (${PLAYER_KEYS.back})`}
        disabled={!ready}
        onClick={() => playerStore.back()}
      >
        <span className="icon icon-back-5" aria-hidden="true" />
      </button>
      <button
        type="button"
        className="icon-button player-play"
        aria-label={playing ? 'Pause' : 'Play'}
        title={`${playing ? 'Pause' : 'Play'} (${PLAYER_KEYS.toggle})`}
        disabled={!ready}
        onClick={() => playerStore.togglePlay()}
      >
        <span className={'icon ' + (playing ? 'icon-pause' : 'icon-play')} aria-hidden="true" />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Forward 5 seconds"
        title={`Forward 5 s (${PLAYER_KEYS.forward})`}
        disabled={!ready}
        onClick={() => playerStore.forward()}
      >
        <span className="icon icon-forward-5" aria-hidden="true" />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Next timestamp"
        title={`Next timestamp of the note (${PLAYER_KEYS.next})`}
        disabled={!hasNext}
        onClick={() => playerStore.nextStamp()}
      >
        <span className="icon icon-next-stamp" aria-hidden="true" />
      </button>
      <p className="player-time" aria-label="Position">
        <span>{formatTimeLabel(Math.floor(time), hours)}</span>
        <span className="muted"> / {duration !== null ? formatTimeLabel(Math.round(duration), hours) : '––:––'}</span>
      </p>
    </div>
  );
}

/** Where the note's quotes fall in the recording, and where playback is: a strip under the controls. */
function Timeline() {
  const time = usePlayer((s) => s.time);
  const duration = usePlayer((s) => s.duration);
  const stamps = usePlayer((s) => s.stamps);
  const ready = usePlayer((s) => s.status === 'ready');
  if (duration === null || duration <= 0) return null;
  const at = (seconds: number) => `${Math.min(100, (seconds / duration) * 100)}%`;
  return (
    <div className="player-timeline" aria-hidden="true">
      <div className="player-timeline-fill" style={{ width: at(time) }} />
      {stamps.map((s) => (
        <span
          key={s}
          className={'player-timeline-stamp' + (s > duration + 1 ? ' is-past-end' : '')}
          style={{ left: at(s) }}
          title={formatTimeLabel(s)}
          onClick={ready ? () => playerStore.seekTo(s, true) : undefined}
        />
      ))}
    </div>
  );
}
