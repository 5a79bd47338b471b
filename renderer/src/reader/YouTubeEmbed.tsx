/**
 * A YouTube video written as an image, `![](https://www.youtube.com/watch?v=…)`, which Obsidian
 * draws as a player. Rather than an iframe per embed (a third-party request on every note view,
 * and a second player beside the app's own), it is a card: a button that opens the app's player at
 * that video (and at its `t=` second), which plays the local `media:` copy when it is the note's own
 * video, explains why it cannot play offline and offers the watch link; and that watch link itself.
 * Nothing is fetched until the button is pressed: no thumbnail, no frame.
 */
import { formatTimeLabel } from '../../../main/core/syntax/time';
import { watchUrl } from '../../../main/core/syntax/youtube';
import { requestPlay } from '../player/player-store';
import { noteStamps } from '../player/useActiveTimestamp';
import { useNoteContext } from './note-context';

export function YouTubeEmbed({ videoId, seconds, alt }: { videoId: string; seconds: number | null; alt: string }) {
  const { view } = useNoteContext();
  const start = seconds ?? 0;
  // The note's `media:` is a local copy of the note's own video only.
  const own = videoId === view.videoId;
  const name = alt || (own ? view.title : 'YouTube video');
  const play = () =>
    requestPlay({
      notePath: view.path,
      videoId,
      media: own ? view.media : null,
      seconds: start,
      stamps: own ? noteStamps(view.timestamps, videoId) : [start],
      // Unknown titles are looked up by the player.
      ...(alt || own ? { title: name } : {}),
    });
  return (
    <span className="youtube-embed" data-video-id={videoId}>
      <button type="button" className="youtube-embed-play" aria-label={`Play video: ${name}`} onClick={play}>
        <span className="youtube-embed-icon" aria-hidden="true" />
        <span className="youtube-embed-title">{name}</span>
        {seconds ? <span className="youtube-embed-time">from {formatTimeLabel(seconds)}</span> : null}
      </button>
      <a
        className="external youtube-embed-watch"
        href={watchUrl(videoId, start)}
        target="_blank"
        rel="noopener noreferrer"
      >
        Watch on YouTube
      </a>
    </span>
  );
}
