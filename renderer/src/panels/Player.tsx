/**
 * The Player (a `section` landmark named "Player"): the cited recording, playing from the second a
 * timestamp named. A local file plays in a <video>, a YouTube video in a privacy-enhanced embed;
 * when neither can play, it says why and offers the video on youtube.com at that second.
 * Collapsed, it keeps playing and shows only its controls.
 */
import { useEffect, useMemo } from 'react';
import type { Chapter } from '../../../main/api';
import { formatTimeLabel } from '../../../main/core/syntax/time';
import { client } from '../api/client';
import { captionChoices, chosenCaption, useCaptionPreference } from '../player/captions';
import { chapterAt, sortedChapters } from '../player/chapters';
import { dockStore, openSources, useDock } from '../player/dock-store';
import { useVideoEntry } from '../player/library';
import { MediaEngine } from '../player/MediaEngine';
import { PlayerFailurePanel } from '../player/PlayerFailure';
import { PlayerSource } from '../player/PlayerSource';
import { PlayerTimeline } from '../player/PlayerTimeline';
import { playerStore, usePlayer } from '../player/player-store';
import { nextStamp, previousStamp } from '../player/timeline';
import { PLAYER_KEYS } from '../player/usePlayerKeys';
import { YouTubeEngine } from '../player/YouTubeEngine';
import '../styles/player.css';
import '../styles/media-library.css';

export function PlayerPane() {
  const video = usePlayer((s) => s.video);
  const status = usePlayer((s) => s.status);
  const error = usePlayer((s) => s.error);
  const notice = usePlayer((s) => s.notice);
  const loadId = usePlayer((s) => s.loadId);
  const source = usePlayer((s) => s.candidates[s.candidate] ?? null);
  const collapsed = useDock((s) => s.collapsed);
  const entry = useVideoEntry(video?.videoId ?? null);
  const captions = useMemo(() => captionChoices(entry?.captions ?? []), [entry]);
  const chapters = useMemo(() => sortedChapters(entry?.chapters ?? []), [entry]);
  const preference = useCaptionPreference();
  const caption = chosenCaption(captions, preference);

  // Back online: try the embed again rather than leave the fallback up.
  useEffect(() => {
    if (status !== 'error' || (error?.reason !== 'offline' && error?.reason !== 'unreachable')) return;
    const onOnline = () => playerStore.retry();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [status, error]);

  if (!video) return null;
  const name = video.title ?? video.videoId ?? video.media ?? 'Recording';
  const startAt = playerStore.getState().startAt;

  return (
    <section className={'player' + (collapsed ? ' is-collapsed' : '')} aria-label="Player">
      <header className="player-head">
        <div className="player-titles">
          <h2 className="player-title" title={name}>
            {name}
          </h2>
          {video.channel && <p className="player-meta player-channel">{video.channel}</p>}
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
        {status !== 'error' && source?.kind === 'media' && (
          <MediaEngine
            key={loadId}
            loadId={loadId}
            src={client.assetUrl(source.path)}
            name={source.path}
            startAt={startAt}
            captions={captions}
            caption={caption}
          />
        )}
        {status !== 'error' && source?.kind === 'local' && (
          <MediaEngine
            key={loadId}
            loadId={loadId}
            src={client.mediaUrl(source.copy)}
            name={source.copy.name}
            startAt={startAt}
            captions={captions}
            caption={caption}
          />
        )}
        {status !== 'error' && source?.kind === 'youtube' && (
          <YouTubeEngine key={loadId} loadId={loadId} videoId={source.videoId} startAt={startAt} title={name} />
        )}
        {(status === 'resolving' || status === 'loading') && (
          <p className="player-loading" aria-hidden="true">
            <span className="player-spinner" />
          </p>
        )}
      </div>

      <PlayerSource captions={captions} caption={caption} />
      {status === 'error' && error && <PlayerFailurePanel error={error} video={video} />}
      <Transport chapters={chapters} />
      <PlayerTimeline chapters={chapters} knownDuration={entry?.duration ?? null} />
      {notice && (
        <p className="player-notice" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}

function Transport({ chapters }: { chapters: readonly Chapter[] }) {
  const playing = usePlayer((s) => s.playing);
  const ready = usePlayer((s) => s.status === 'ready');
  const time = usePlayer((s) => s.time);
  const duration = usePlayer((s) => s.duration);
  const hasPrevious = usePlayer((s) => previousStamp(s.stamps, s.time) !== null);
  const hasNext = usePlayer((s) => nextStamp(s.stamps, s.time) !== null);
  const hours = (duration ?? time) >= 3600;
  const chapter = chapterAt(chapters, time);
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
      {chapter && (
        <p className="player-chapter" title={chapter.title}>
          <span className="sr-only">Chapter: </span>
          {chapter.title}
        </p>
      )}
      <p className="player-time" aria-label="Position">
        <span>{formatTimeLabel(Math.floor(time), hours)}</span>
        <span className="muted"> / {duration !== null ? formatTimeLabel(Math.round(duration), hours) : '––:––'}</span>
      </p>
    </div>
  );
}
