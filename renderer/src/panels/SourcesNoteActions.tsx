/**
 * Under a note's title when it cites a video of its own (`videoId:` or `media:`): play it from the
 * first cited moment, "Play highlight reel" (every moment of the video cited across the vault), and
 * "All quotes from this video", which opens the video in Sources.
 */
import type { Citation, NoteView } from '../../../main/api';
import { openSources } from '../player/dock-store';
import { requestPlay } from '../player/player-store';
import { startReel } from '../player/reel-store';
import { noteStamps } from '../player/useActiveTimestamp';

export function SourcesNoteActions({ view }: { view: NoteView }) {
  if (!view.videoId && !view.media) return null;
  const stamps = noteStamps(view.timestamps, view.videoId);
  return (
    <p className="note-video-actions">
      <button
        type="button"
        className="button subtle"
        onClick={() => requestPlay({ notePath: view.path, videoId: view.videoId, media: view.media, seconds: stamps[0] ?? 0, stamps })}
      >
        <span className="icon icon-play" aria-hidden="true" />
        {stamps.length ? 'Play from the first quote' : 'Play'}
      </button>
      {(view.videoId || stamps.length > 0) && (
        <button
          type="button"
          className="button subtle"
          title="Every moment of this video cited in the vault, in time order"
          onClick={() =>
            startReel({
              videoId: view.videoId,
              media: view.media,
              // A recording with no YouTube id is known only to this note (`media:`): its own stamps.
              citations: view.videoId ? undefined : mediaCitations(view),
              origin: { kind: 'note', path: view.path, title: view.title },
            })
          }
        >
          <span className="icon icon-play" aria-hidden="true" />
          Play highlight reel
        </button>
      )}
      {view.videoId && (
        <button type="button" className="button subtle" onClick={() => openSources(view.videoId)}>
          <span className="icon icon-quotes" aria-hidden="true" />
          All quotes from this video
        </button>
      )}
    </p>
  );
}

function mediaCitations(view: NoteView): Citation[] {
  return view.timestamps
    .filter((t) => t.videoId === null)
    .map((t) => ({ path: view.path, title: view.title, seconds: t.seconds, label: t.label, line: t.line, text: '' }));
}
