/**
 * What the parts of the graph view share: the view's state and the few operations the parts call
 * back into. `GraphView` implements it; the parts (Cytoscape sync, layout driving, pointer
 * interaction, scene building) each take it instead of reaching into one another.
 */
import type { Core } from 'cytoscape';
import type { Grouping } from './colour-groups';
import type { Insets } from './camera';
import type { NodeData } from './elements';
import type { GraphModel, ModelChange } from './graph-model';
import type { GraphSettings } from './graph-settings';
import type { FocusInfo } from './keyboard';
import type { PositionMap } from './position-cache';
import type { Scene } from './scene';
import type { VisibleGraph } from './visible-graph';

export interface GraphViewEvents {
  openNote(path: string): void;
  visible(info: { counts: VisibleGraph['counts']; grouping: Grouping; drawn: number }): void;
  layout(state: { running: boolean; progress: number }): void;
  /** Shift/Ctrl/Cmd-click on a note: show it without leaving the graph (absent: such clicks open it). */
  preview?(path: string): void;
  /** The keyboard focus (the selection) moved, or was cleared (null). */
  focus?(info: FocusInfo | null): void;
  /** Escape in the graph: the person is done with it; the pane moves focus elsewhere. */
  leave?(): void;
  /** Timing marks for the bench (`first-frame`, `drawn`, `settled`, `synced`). */
  mark?(name: string, detail?: Record<string, number>): void;
}

export interface ViewCore {
  readonly cy: Core;
  readonly scene: Scene;
  readonly host: HTMLElement;
  readonly cyContainer: HTMLDivElement;
  readonly events: GraphViewEvents;
  model: GraphModel;
  settings: GraphSettings;
  grouping: Grouping;
  /** Query groups' colouring, which stands in for the automatic one while there are groups. */
  fixedGrouping: Grouping | null;
  drawn: Pick<VisibleGraph, 'nodes' | 'edges'>;
  globalPos: PositionMap;
  localPos: PositionMap;
  /** Whether the person has panned or zoomed since the view last fitted itself. */
  userMoved: boolean;
  insets: Insets;
  /** Waiting for the first layout frame of a small graph's cold start before drawing anything. */
  coldPending: boolean;
  /** A first layout of the global graph is running: the view follows it. */
  coldLayout: boolean;
  destroyed: boolean;
  nodeDataOf(id: string): NodeData;
  refresh(change: ModelChange | null, reason?: 'open' | 'forces'): void;
  redrawLayers(): void;
  /** Redraws only the overlay (labels, hover, drag). */
  redrawOverlay(): void;
  scheduleSave(): void;
}

/** The positions of the current mode. */
export function positionsOf(v: ViewCore): PositionMap {
  return v.settings.mode === 'local' ? v.localPos : v.globalPos;
}
