/**
 * The window once a vault is open: toolbar; Files | Reader | side column (Graph above Backlinks,
 * Outline and Outgoing links); status bar. Columns and the graph's height are resizable and
 * foldable, and remembered.
 */
import { Backlinks } from '../panels/Backlinks';
import { FileTree } from '../panels/FileTree';
import { Outline } from '../panels/Outline';
import { OutgoingLinks } from '../panels/OutgoingLinks';
import { QuickSwitcher } from '../panels/QuickSwitcher';
import { SearchBox } from '../panels/SearchBox';
import { MediaDock } from '../player/MediaDock';
import { Reader } from '../reader/Reader';
import { LIMITS, layoutStore, useLayout } from '../state/layout';
import { useNavigation } from '../state/navigation';
import { VideosView } from '../videos/VideosView';
import { GraphViewPage, useGraphViewShortcut } from '../graph/GraphViewPage';
import { GraphSlot } from './GraphSlot';
import { Splitter } from './Splitter';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { VaultMissingBanner } from './VaultMissingBanner';

export function Shell() {
  const layout = useLayout((s) => s);
  const side = layout.rightOpen || layout.graphOpen;
  const videos = useNavigation((s) => s.route.kind === 'videos');
  const graphView = useNavigation((s) => s.route.kind === 'graph');
  useGraphViewShortcut();
  return (
    <div className="app">
      <Toolbar search={<SearchBox />} />
      <QuickSwitcher />
      <div className="workspace">
        {layout.filesOpen && (
          <>
            <div id="pane-files" className="pane pane-files" style={{ width: layout.filesWidth }}>
              <FileTree />
            </div>
            <Splitter
              label="Resize Files"
              axis="x"
              value={layout.filesWidth}
              min={LIMITS.filesWidth.min}
              max={LIMITS.filesWidth.max}
              onChange={(v) => layoutStore.setSize('filesWidth', v)}
              onToggle={() => layoutStore.toggle('filesOpen', false)}
            />
          </>
        )}
        <div className="pane pane-center">
          <VaultMissingBanner />
          {videos ? <VideosView /> : graphView ? <GraphViewPage /> : <Reader />}
        </div>
        <MediaDock />
        {side && (
          <>
            <Splitter
              label="Resize side column"
              axis="x"
              invert
              value={layout.rightWidth}
              min={LIMITS.rightWidth.min}
              max={LIMITS.rightWidth.max}
              onChange={(v) => layoutStore.setSize('rightWidth', v)}
              onToggle={() => {
                layoutStore.toggle('rightOpen', false);
                layoutStore.toggle('graphOpen', false);
              }}
            />
            <div id="pane-right" className="pane pane-right" style={{ width: layout.rightWidth }}>
              {layout.graphOpen && (
                <div
                  id="pane-graph"
                  className={'pane-graph' + (layout.rightOpen ? '' : ' is-alone')}
                  style={layout.rightOpen ? { height: layout.graphHeight } : undefined}
                >
                  <GraphSlot />
                </div>
              )}
              {layout.graphOpen && layout.rightOpen && (
                <Splitter
                  label="Resize Graph"
                  axis="y"
                  value={layout.graphHeight}
                  min={LIMITS.graphHeight.min}
                  max={LIMITS.graphHeight.max}
                  onChange={(v) => layoutStore.setSize('graphHeight', v)}
                  onToggle={() => layoutStore.toggle('graphOpen', false)}
                />
              )}
              {layout.rightOpen && (
                <div className="side-panels">
                  <Backlinks />
                  <Outline />
                  <OutgoingLinks />
                </div>
              )}
            </div>
          </>
        )}
      </div>
      <StatusBar />
    </div>
  );
}
