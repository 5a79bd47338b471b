/**
 * The graph pane: the local graph of the open note or the global graph of the vault, with its
 * toolbar, settings, legend and the `Graph status` line. The drawing itself is a `GraphView`
 * (plain TypeScript); this component feeds it data, settings and the open note, and shows what
 * it reports.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GraphData } from '../../../main/api';
import type { VaultDelta } from '../../../main/core/model';
import type { Grouping } from './colour-groups';
import { GraphControls } from './GraphControls';
import { GraphLegend } from './GraphLegend';
import type { GraphSettings } from './graph-settings';
import type { GraphSource } from './graph-source';
import { vaultGraphSource } from './graph-source';
import { GraphView } from './graph-view';
import { GraphExport } from './GraphExport';
import { FocusAnnouncer } from './FocusAnnouncer';
import type { FocusInfo } from './keyboard';
import { loadCamera, saveCamera } from './camera-store';
import { attachVideoPictures } from './video-pictures';
import { prefetchPositions } from './position-cache';
import { loadSettings, saveSettings } from './settings-store';
import { presetGroups } from './query-grouping';
import { useLitSearch, useQueryGroups, useTimeLapse } from './use-graph-groups';
import { useActiveSearch } from '../state/active-search';
import { statusText } from './visible-graph';
import type { VisibleGraph } from './visible-graph';
import '../styles/graph.css';

export interface GraphPaneProps {
  /** The note open in the reader (its vault path), or null. */
  openPath: string | null;
  onOpenNote(path: string): void;
  /** Identifies the vault: settings and cached positions are kept under it. */
  vaultKey: string;
  /** False while the vault is still being indexed; the graph loads once it is ready. */
  ready?: boolean;
  source?: GraphSource;
  webgl?: boolean | 'auto';
  /** Timing marks, for the bench. */
  onMark?(name: string, detail?: Record<string, number>): void;
  /** Called with the view once it exists (the bench drives it directly). */
  onView?(view: GraphView | null): void;
  /**
   * `side` (the default): the pane beside the reader, local or global. `view`: the global graph in
   * the main area, with its own settings (kept apart from the side pane's) open beside it, an
   * export button, and its camera kept across visits.
   */
  variant?: 'side' | 'view';
  /** Shift/Ctrl/Cmd-click on a note: show it beside the graph without leaving it. */
  onPreview?(path: string): void;
}

interface Info {
  counts: VisibleGraph['counts'];
  grouping: Grouping;
  drawn: number;
}

export function GraphPane(props: GraphPaneProps) {
  const { openPath, vaultKey, ready = true, source = vaultGraphSource, variant = 'side' } = props;
  const isView = variant === 'view';
  // The graph view's settings live apart from the side pane's, and it always shows the whole vault.
  const settingsKey = isView ? `${vaultKey}#graph-view` : vaultKey;
  const rootRef = useRef<HTMLDivElement>(null);
  const [focusInfo, setFocusInfo] = useState<FocusInfo | null>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<GraphView | null>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const legendRef = useRef<HTMLDivElement>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const [settings, setSettings] = useState<GraphSettings>(() => {
    const loaded = loadSettings(settingsKey);
    return isView ? { ...loaded, mode: 'global' } : loaded;
  });
  const settingsRef = useRef(settings);
  const [info, setInfo] = useState<Info | null>(null);
  const [layout, setLayout] = useState({ running: false, progress: 0 });
  const [panelOpen, setPanelOpen] = useState(isView);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [facetsVersion, setFacetsVersion] = useState(0);
  const [compact, setCompact] = useState(false);

  // The view lives as long as the pane.
  useEffect(() => {
    const host = hostRef.current!;
    const view = new GraphView(
      host,
      {
        openNote: (path) => propsRef.current.onOpenNote(path),
        visible: (next) => {
          setInfo(next);
          setFacetsVersion((v) => v + 1);
        },
        layout: setLayout,
        mark: (name, detail) => propsRef.current.onMark?.(name, detail),
        preview: propsRef.current.onPreview ? (path) => propsRef.current.onPreview?.(path) : undefined,
        focus: setFocusInfo,
        // Escape hands focus back to the pane itself, one Tab before the graph.
        leave: () => rootRef.current?.focus(),
      },
      { webgl: propsRef.current.webgl ?? 'auto', apiName: propsRef.current.variant === 'view' ? 'graphView' : 'graph' },
    );
    viewRef.current = view;
    propsRef.current.onView?.(view);
    const stopPictures = attachVideoPictures(view.cy);
    // Fitting leaves room for the toolbar and the legend, which float over the drawing.
    const insets = () => {
      const top = (toolbarRef.current?.offsetHeight ?? 28) + 10;
      const bottom = Math.max(26, (legendRef.current?.offsetHeight ?? 0) + 12);
      view.setInsets(top, bottom);
    };
    const observer = new ResizeObserver(() => {
      insets();
      view.resize();
      setCompact(host.clientHeight < 380);
    });
    observer.observe(host);
    const legendObserver = new MutationObserver(insets);
    legendObserver.observe(host.parentElement!, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-expanded'] });
    return () => {
      observer.disconnect();
      legendObserver.disconnect();
      stopPictures();
      propsRef.current.onView?.(null);
      if (propsRef.current.variant === 'view') saveCamera(propsRef.current.vaultKey, view.camera());
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  // Data: the whole graph once ready, then deltas applied in place (those arriving while the
  // graph loads are held and applied after it).
  useEffect(() => {
    prefetchPositions(vaultKey);
    if (!ready) return;
    const view = viewRef.current!;
    let live = true;
    let held: VaultDelta[] | null = [];
    const unsubscribe = source.subscribe((delta) => {
      if (held) held.push(delta);
      else view.applyDelta(delta);
    });
    source
      .load()
      .then(async (data: GraphData) => {
        if (!live) return;
        await view.setGraph(vaultKey, data, settingsRef.current);
        if (!live) return;
        if (isView) {
          // Back where it was left; a first visit fits the whole vault in.
          const camera = loadCamera(vaultKey);
          if (camera) view.setCamera(camera);
          else view.fit();
        }
        for (const delta of held ?? []) view.applyDelta(delta);
        held = null;
        setLoaded(true);
        setError(null);
      })
      .catch((err: unknown) => {
        if (live) setError(err instanceof Error ? err.message : String(err));
      });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [vaultKey, ready, source, isView]);

  useEffect(() => {
    viewRef.current?.setOpen(openPath);
  }, [openPath]);

  // Settings: applied at once, except the text filter and the forces, which wait for typing
  // or dragging to pause; kept per vault.
  const appliedRef = useRef<GraphSettings | null>(null);
  useEffect(() => {
    settingsRef.current = settings;
    saveSettings(settingsKey, settings);
    const applied = appliedRef.current;
    const apply = () => {
      appliedRef.current = settings;
      viewRef.current?.setSettings(settings);
    };
    const gradual = applied !== null && (Object.keys(settings) as (keyof GraphSettings)[]).every((k) => k === 'text' || k === 'linkDistance' || k === 'repulsion' || settings[k] === applied[k]);
    if (!gradual) {
      apply();
      return;
    }
    const timer = setTimeout(apply, 180);
    return () => clearTimeout(timer);
  }, [settings, settingsKey]);

  const groupErrors = useQueryGroups(viewRef, source, settings, loaded);
  useLitSearch(viewRef, source, useActiveSearch(), settings.lightSearch, loaded);
  const timeLapse = useTimeLapse(viewRef, source);

  const update = (patch: Partial<GraphSettings>) => setSettings((s) => ({ ...s, ...patch }));
  const facets = useMemo(() => (panelOpen && viewRef.current ? viewRef.current.facets() : { folders: [], tags: [] }), [panelOpen, facetsVersion]);

  const local = settings.mode === 'local';
  const status = info ? statusText(info.counts) : error ? 'Graph unavailable' : 'Loading graph…';
  let hint: string | null = null;
  if (error) hint = `The graph could not be loaded: ${error}`;
  else if (!ready) hint = 'Indexing the vault…';
  else if (loaded && local && !openPath) hint = 'Open a note to see its links.';
  else if (loaded && info && info.drawn === 0) hint = local ? 'Nothing to show with these filters.' : 'No notes match these filters.';

  return (
    <div className={'graph-pane' + (isView ? ' is-view' : '') + (isView && panelOpen ? ' has-panel' : '')} data-mode={settings.mode} ref={rootRef} tabIndex={-1}>
      <div className="graph-toolbar" ref={toolbarRef}>
        {!isView && (
          <div className="graph-modes" role="group" aria-label="Graph mode">
            <button type="button" aria-pressed={local} onClick={() => update({ mode: 'local' })}>
              Local
            </button>
            <button type="button" aria-pressed={!local} onClick={() => update({ mode: 'global' })}>
              Global
            </button>
          </div>
        )}
        {local && (
          <label className="graph-depth" title="How many links away from the open note">
            <span className="sr-only">Depth</span>
            <input type="range" min={1} max={3} step={1} value={settings.depth} aria-valuetext={`${settings.depth} ${settings.depth === 1 ? 'link' : 'links'}`} onChange={(e) => update({ depth: Number(e.target.value) })} />
            <span className="graph-depth-value" aria-hidden="true">
              {settings.depth}
            </span>
          </label>
        )}
        <span className="graph-toolbar-gap" />
        {timeLapse.available && (
          <button
            type="button"
            className="icon-button"
            aria-label={timeLapse.playing ? 'Stop time-lapse' : 'Play time-lapse'}
            title={timeLapse.playing ? 'Stop time-lapse' : 'Play time-lapse: grow the graph in the order notes were created'}
            aria-pressed={timeLapse.playing}
            disabled={!loaded}
            onClick={timeLapse.toggle}
          >
            <span className={`icon ${timeLapse.playing ? 'graph-icon-stop' : 'graph-icon-play'}`} aria-hidden="true" />
          </button>
        )}
        {isView && <GraphExport view={() => viewRef.current} />}
        <button type="button" className="icon-button" aria-label="Fit graph" title="Fit graph" onClick={() => viewRef.current?.fit()}>
          <span className="icon graph-icon-fit" aria-hidden="true" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Graph settings"
          title="Graph settings"
          aria-expanded={panelOpen}
          aria-controls="graph-settings"
          onClick={() => setPanelOpen(!panelOpen)}
        >
          <span className="icon graph-icon-settings" aria-hidden="true" />
        </button>
      </div>
      <div className="graph-stage" ref={hostRef} />
      <FocusAnnouncer info={focusInfo} onOpen={(path) => propsRef.current.onOpenNote(path)} />
      {panelOpen && (
        <GraphControls
          id="graph-settings"
          settings={settings}
          facets={facets}
          groupErrors={groupErrors}
          presets={(by) => (viewRef.current ? presetGroups(viewRef.current.allNodes(), by) : [])}
          onChange={update}
          onRelayout={() => viewRef.current?.relayout()}
          onClose={() => setPanelOpen(false)}
        />
      )}
      {hint && <p className="graph-hint">{hint}</p>}
      {info && <GraphLegend ref={legendRef} grouping={info.grouping} settings={settings} compact={compact} />}
      <div className="graph-foot">
        <p className="graph-status" role="status" aria-label="Graph status">
          {status}
        </p>
        {layout.running && (
          <span className="graph-progress" aria-hidden="true">
            laying out {Math.round(layout.progress * 100)}%
          </span>
        )}
      </div>
    </div>
  );
}
