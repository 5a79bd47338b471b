/**
 * Pane sizes and which panes are open, persisted in localStorage (available in both hosts) so the
 * window comes back the way it was left.
 */
import { useSyncExternalStore } from 'react';

export interface LayoutState {
  filesWidth: number;
  rightWidth: number;
  graphHeight: number;
  filesOpen: boolean;
  rightOpen: boolean;
  graphOpen: boolean;
  /** Sections of the right column, folded or not, by name. */
  sections: Record<string, boolean>;
}

export const LIMITS = {
  filesWidth: { min: 160, max: 520 },
  rightWidth: { min: 220, max: 640 },
  graphHeight: { min: 120, max: 900 },
} as const;

const KEY = 'cairn.layout.v1';

const defaults: LayoutState = {
  filesWidth: 250,
  rightWidth: 320,
  graphHeight: 280,
  filesOpen: true,
  rightOpen: true,
  graphOpen: true,
  sections: {},
};

function load(): LayoutState {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return defaults;
    const saved = JSON.parse(raw) as Partial<LayoutState>;
    const merged = { ...defaults, ...saved, sections: { ...(saved.sections ?? {}) } };
    for (const key of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
      merged[key] = clamp(Number(merged[key]) || defaults[key], LIMITS[key].min, LIMITS[key].max);
    }
    return merged;
  } catch {
    return defaults;
  }
}

export function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

type Listener = () => void;

class LayoutStore {
  private state = load();
  private readonly listeners = new Set<Listener>();
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  getState = (): LayoutState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setSize(key: keyof typeof LIMITS, value: number): void {
    this.update({ [key]: clamp(Math.round(value), LIMITS[key].min, LIMITS[key].max) });
  }

  toggle(key: 'filesOpen' | 'rightOpen' | 'graphOpen', open = !this.state[key]): void {
    this.update({ [key]: open });
  }

  setSection(name: string, open: boolean): void {
    this.update({ sections: { ...this.state.sections, [name]: open } });
  }

  private update(patch: Partial<LayoutState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
    // Dragging a splitter updates on every pointer move; write once it settles.
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      try {
        localStorage.setItem(KEY, JSON.stringify(this.state));
      } catch {
        // Storage full or disabled: the layout simply isn't remembered.
      }
    }, 200);
  }
}

export const layoutStore = new LayoutStore();

export function useLayout<T>(selector: (state: LayoutState) => T): T {
  return useSyncExternalStore(layoutStore.subscribe, () => selector(layoutStore.getState()));
}
