/**
 * Plays a file from disk: a note's `media:` file through the vault's asset route, or the media
 * library's copy through its `media/` route. Both are confined by the host and serve byte ranges,
 * so seeking works without downloading the whole file. Fully offline. Caption sidecars become
 * <track>s; the one the reader chose (remembered per language) shows.
 */
import { useEffect, useRef } from 'react';
import type { CaptionTrack } from '../../../main/api';
import { captionTrackUrl, languageName } from './captions';
import { playerStore } from './player-store';

const MEDIA_ERRORS: Record<number, string> = {
  1: 'loading was stopped',
  2: 'it could not be read',
  3: 'it could not be decoded',
  4: 'it is missing, or not a format this app can play',
};

export function MediaEngine(props: {
  loadId: number;
  /** The URL the element loads. */
  src: string;
  /** How messages name the file (its vault path, or the copy's file name). */
  name: string;
  startAt: number;
  captions: readonly CaptionTrack[];
  /** The track showing, or null for none. */
  caption: CaptionTrack | null;
}) {
  const { loadId, src, name, captions, caption } = props;
  const ref = useRef<HTMLVideoElement>(null);
  // Read once: later seeks go through the controls, not through a new element.
  const startAt = useRef(props.startAt);

  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    const store = playerStore;
    const detach = store.attach({
      play: () => {
        video.play().catch(() => store.enginePlaying(loadId, false));
      },
      pause: () => video.pause(),
      seek: (seconds) => {
        video.currentTime = seconds;
      },
      paused: () => video.paused,
    });
    const onMeta = () => {
      store.engineDuration(loadId, video.duration);
      // The start may have moved while the file was opening (another click).
      const start = store.getState().loadId === loadId ? store.getState().startAt : startAt.current;
      if (start > 0) video.currentTime = Math.min(start, video.duration || start);
      store.engineReady(loadId);
      video.play().catch(() => store.enginePlaying(loadId, false));
    };
    const onTime = () => store.engineTime(loadId, video.currentTime);
    const onPlay = () => store.enginePlaying(loadId, true);
    const onPause = () => store.enginePlaying(loadId, false);
    const onDuration = () => store.engineDuration(loadId, video.duration);
    const onError = () => {
      const code = video.error?.code ?? 0;
      store.engineFailed(loadId, { reason: 'media', message: `The local file ${name} could not be played: ${MEDIA_ERRORS[code] ?? 'unknown error'}.` });
    };
    video.addEventListener('loadedmetadata', onMeta);
    video.addEventListener('timeupdate', onTime);
    video.addEventListener('seeked', onTime);
    video.addEventListener('play', onPlay);
    video.addEventListener('pause', onPause);
    video.addEventListener('ended', onPause);
    video.addEventListener('durationchange', onDuration);
    video.addEventListener('error', onError);
    // The element may have got this far before the listeners were in place.
    if (video.error) onError();
    else if (video.readyState >= HTMLMediaElement.HAVE_METADATA) onMeta();
    return () => {
      detach();
      video.removeEventListener('loadedmetadata', onMeta);
      video.removeEventListener('timeupdate', onTime);
      video.removeEventListener('seeked', onTime);
      video.removeEventListener('play', onPlay);
      video.removeEventListener('pause', onPause);
      video.removeEventListener('ended', onPause);
      video.removeEventListener('durationchange', onDuration);
      video.removeEventListener('error', onError);
      video.pause();
    };
  }, [loadId, name]);

  // `default` only counts when a track is added; a choice made later sets the modes.
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    const apply = () => {
      for (const track of Array.from(video.textTracks)) {
        track.mode = caption && track.language === caption.lang ? 'showing' : 'disabled';
      }
    };
    apply();
    video.textTracks.addEventListener('addtrack', apply);
    return () => video.textTracks.removeEventListener('addtrack', apply);
  }, [caption, captions]);

  return (
    <video ref={ref} className="player-media" src={src} preload="auto" controls playsInline aria-label={`Local recording ${name}`}>
      {captions.map((track) => (
        <track
          key={`${track.root}/${track.path}`}
          kind="captions"
          src={captionTrackUrl(track)}
          srcLang={track.lang}
          label={languageName(track.lang)}
          default={track === caption}
        />
      ))}
    </video>
  );
}
