/**
 * Walking the graph by keyboard. The stage is one tab stop; while it has focus, arrow keys move a
 * focus ring to the nearest connected node that way (or the nearest node, when no neighbour lies
 * that way; see focus-nav.ts), Enter opens the focused note, Escape leaves, and `+`, `-` and `0`
 * zoom in, out and to fit. The focused node is the selection: its neighbourhood is lit as on
 * hover, and what it is (title, links in and out, its neighbours) is reported through
 * `GraphViewEvents.focus` for the pane's live region and neighbour list.
 *
 * A move costs a walk over the focused node's neighbours (from the model's incidence) and a redraw of the overlay alone; the other layers are untouched.
 */
import { ANIMATED_NODES, bringIntoView, fitView } from './camera';
import { arrowDirection, nextFocus } from './focus-nav';
import { updateLit } from './interaction';
import type { NodeRec } from './scene';
import type { ViewCore } from './view-core';

export interface FocusNeighbour {
  id: string;
  label: string;
  kind: NodeRec['kind'];
  path: string | null;
  /** Which way the link goes, seen from the focused node. */
  way: 'in' | 'out' | 'both';
}

export interface FocusInfo {
  id: string;
  label: string;
  kind: NodeRec['kind'];
  path: string | null;
  linksIn: number;
  linksOut: number;
  neighbours: FocusNeighbour[];
}

interface Neighbour {
  rec: NodeRec;
  way: 'in' | 'out' | 'both';
  link: boolean;
}

const ZOOM_STEP = 1.25;

export class KeyboardWalk {
  /** Timing of the last arrow move's handler, for the bench. */
  lastMoveMs = 0;

  constructor(private readonly v: ViewCore) {
    const host = v.host;
    host.tabIndex = 0;
    host.setAttribute('role', 'application');
    host.setAttribute('aria-roledescription', 'graph');
    host.setAttribute('aria-label', 'Graph nodes: arrow keys move between nodes, Enter opens, Escape leaves, plus and minus zoom, 0 fits');
    host.addEventListener('keydown', this.onKey);
    host.addEventListener('focus', this.onFocus);
  }

  destroy(): void {
    this.v.host.removeEventListener('keydown', this.onKey);
    this.v.host.removeEventListener('focus', this.onFocus);
  }

  /** Puts the focus on a node (null clears it), lights its neighbourhood and reports it. */
  focus(rec: NodeRec | null, reveal = true): void {
    const { scene } = this.v;
    scene.focused = rec;
    scene.focusNear = new Set(rec ? [rec, ...this.neighbours(rec).map((n) => n.rec)] : []);
    updateLit(this.v);
    this.v.redrawOverlay();
    if (rec && reveal) bringIntoView(this.v.cy, rec, this.v.scene.nodes.length);
    this.v.events.focus?.(rec ? this.info(rec) : null);
  }

  /** After a scene rebuild: keep the focus on the same node when it is still drawn. */
  rescene(): void {
    const focused = this.v.scene.focused;
    if (!focused) return;
    const now = this.v.scene.byId.get(focused.id) ?? null;
    this.focus(now, false);
  }

  /**
   * The drawn neighbours of a node, through the model's incidence: linear in its degree, where an
   * adjacency of the whole scene cost a pass over every edge (1.6 M at 100k notes) per rebuild.
   */
  private neighbours(rec: NodeRec): Neighbour[] {
    const { model, drawn, scene } = this.v;
    const near = new Map<NodeRec, Neighbour>();
    for (const e of model.edgesOf(rec.id)) {
      if (!drawn.edges.has(e.id)) continue;
      const out = e.source === rec.id;
      const other = scene.byId.get(out ? e.target : e.source);
      if (!other) continue;
      const way = out ? 'out' : 'in';
      const same = near.get(other);
      if (same) {
        if (same.way !== way) same.way = 'both';
      } else near.set(other, { rec: other, way, link: e.kind === 'link' });
    }
    return [...near.values()];
  }

  private info(rec: NodeRec): FocusInfo {
    const model = this.v.model;
    let linksIn = 0;
    let linksOut = 0;
    for (const e of model.edgesOf(rec.id)) {
      if (e.kind !== 'link' && rec.kind !== 'tag' && rec.kind !== 'video') continue;
      if (e.target === rec.id) linksIn++;
      else linksOut++;
    }
    const neighbours = this.neighbours(rec).map(({ rec: n, way }) => ({ id: n.id, label: n.label, kind: n.kind, path: model.nodes.get(n.id)?.path ?? null, way }));
    neighbours.sort((a, b) => a.label.localeCompare(b.label));
    return { id: rec.id, label: rec.label, kind: rec.kind, path: model.nodes.get(rec.id)?.path ?? null, linksIn, linksOut, neighbours };
  }

  private onFocus = (): void => {
    const { scene, cy } = this.v;
    if (scene.focused && scene.byId.get(scene.focused.id) === scene.focused) {
      this.focus(scene.focused, false);
      return;
    }
    // Start where the eye is: the open note, else the node nearest the middle of the view.
    let start = scene.open;
    if (!start) {
      const zoom = cy.zoom();
      const pan = cy.pan();
      const cx = (cy.width() / 2 - pan.x) / zoom;
      const cyy = (cy.height() / 2 - pan.y) / zoom;
      let best = Infinity;
      for (const rec of scene.nodes) {
        const d = (rec.x - cx) ** 2 + (rec.y - cyy) ** 2;
        if (d < best) {
          best = d;
          start = rec;
        }
      }
    }
    this.focus(start ?? null, false);
  };

  private onKey = (e: KeyboardEvent): void => {
    if (e.target !== this.v.host || e.altKey || e.ctrlKey || e.metaKey) return;
    const v = this.v;
    const focused = v.scene.focused;
    const dir = arrowDirection(e.key);
    if (dir) {
      e.preventDefault();
      const started = performance.now();
      if (!focused) return this.onFocus();
      const next = nextFocus(focused, this.neighbours(focused).map((n) => n.rec), () => v.scene.nodes, dir);
      if (next) this.focus(next);
      this.lastMoveMs = performance.now() - started;
      return;
    }
    switch (e.key) {
      case 'Enter': {
        e.preventDefault();
        const path = focused ? v.model.nodes.get(focused.id)?.path : null;
        if (path && focused?.kind === 'note') v.events.openNote(path);
        return;
      }
      case 'Escape':
        e.preventDefault();
        this.focus(null);
        v.events.leave?.();
        return;
      case '+':
      case '=':
      case '-':
      case '_': {
        e.preventDefault();
        const inward = e.key === '+' || e.key === '=';
        const level = v.cy.zoom() * (inward ? ZOOM_STEP : 1 / ZOOM_STEP);
        // Zoom about the focused node when there is one, so it stays under the eye.
        const at = focused ? { x: focused.x * v.cy.zoom() + v.cy.pan().x, y: focused.y * v.cy.zoom() + v.cy.pan().y } : { x: v.cy.width() / 2, y: v.cy.height() / 2 };
        v.userMoved = true;
        v.cy.zoom({ level, renderedPosition: at });
        return;
      }
      case '0':
        e.preventDefault();
        v.userMoved = false;
        fitView(v.cy, v.scene.nodes, v.insets, v.scene.nodes.length <= ANIMATED_NODES);
        return;
    }
  };
}
