/**
 * The column docked beside the reader that holds the Player and Sources. It appears when something
 * is loaded or Sources is open; collapsed with Sources closed, the player shrinks to a rail of
 * controls and keeps playing. Also where the player keys and follow-along scrolling live.
 */
import { useEffect } from 'react';
import { Splitter } from '../layout/Splitter';
import { PlayerPane } from '../panels/Player';
import { SourcesView } from '../panels/Sources';
import { DOCK_WIDTH, dockStore, openSources, useDock } from './dock-store';
import { startFollowAlong } from './follow-along';
import { HighlightReel } from './HighlightReel';
import { usePlayer } from './player-store';
import { PLAYER_KEYS, usePlayerKeys } from './usePlayerKeys';

export function MediaDock() {
  const hasVideo = usePlayer((s) => s.video !== null);
  const failed = usePlayer((s) => s.status === 'error');
  const width = useDock((s) => s.width);
  const collapsed = useDock((s) => s.collapsed);
  const sourcesOpen = useDock((s) => s.sourcesOpen);
  usePlayerKeys(hasVideo);
  useEffect(() => startFollowAlong(), []);

  if (!hasVideo && !sourcesOpen) return null;
  const rail = hasVideo && collapsed && !sourcesOpen && !failed;
  return (
    <>
      {!rail && (
        <Splitter
          label="Resize Player and Sources"
          axis="x"
          invert
          value={width}
          min={DOCK_WIDTH.min}
          max={DOCK_WIDTH.max}
          onChange={(v) => dockStore.setWidth(v)}
          onToggle={() => dockStore.setCollapsed(true)}
        />
      )}
      <div id="pane-media" className={'pane pane-media' + (rail ? ' is-rail' : '')} style={rail ? undefined : { width }}>
        <PlayerPane />
        <HighlightReel />
        {sourcesOpen ? <SourcesView /> : <DockHint />}
      </div>
    </>
  );
}

/** Below the player while Sources is closed: the way to the video's other quotes, and the keys. */
function DockHint() {
  const videoId = usePlayer((s) => s.video?.videoId ?? null);
  return (
    <div className="dock-hint">
      {videoId && (
        <button type="button" className="button subtle" onClick={() => openSources(videoId)}>
          <span className="icon icon-quotes" aria-hidden="true" />
          All quotes from this video, across notes
        </button>
      )}
      <dl className="dock-keys" aria-label="Player keys">
        <dt>
          <kbd>{PLAYER_KEYS.toggle}</kbd>
        </dt>
        <dd>Play or pause</dd>
        <dt>
          <kbd>{PLAYER_KEYS.back}</kbd> <kbd>{PLAYER_KEYS.forward}</kbd>
        </dt>
        <dd>Back or forward 5 seconds</dd>
        <dt>
          <kbd>{PLAYER_KEYS.previous}</kbd> <kbd>{PLAYER_KEYS.next}</kbd>
        </dt>
        <dd>Previous or next timestamp of the note</dd>
      </dl>
    </div>
  );
}
