/**
 * Where the Player and Sources sit: a column docked beside the reader, its width, whether the
 * player is collapsed to its controls, whether Sources is open and on which video. Remembered in
 * localStorage, like the rest of the layout.
 */
import { useSyncExternalStore } from 'react';

export interface DockState {
  width: number;
  collapsed: boolean;
  sourcesOpen: boolean;
  /** The one video Sources shows ("All quotes from this video"), or null for all of them. */
  sourcesVideo: string | null;
  sourcesQuery: string;
}

export const DOCK_WIDTH = { min: 280, max: 720 } as const;

const KEY = 'cairn.media-dock.v1';
const defaults: DockState = { width: 380, collapsed: false, sourcesOpen: false, sourcesVideo: null, sourcesQuery: '' };

function load(): DockState {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<DockState>;
    return {
      ...defaults,
      width: clampWidth(Number(saved.width) || defaults.width),
      collapsed: saved.collapsed === true,
      sourcesOpen: saved.sourcesOpen === true,
    };
  } catch {
    return defaults;
  }
}

function clampWidth(width: number): number {
  return Math.min(DOCK_WIDTH.max, Math.max(DOCK_WIDTH.min, Math.round(width)));
}

type Listener = () => void;

class DockStore {
  private state = load();
  private readonly listeners = new Set<Listener>();
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  getState = (): DockState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setWidth(width: number): void {
    this.update({ width: clampWidth(width) });
  }

  setCollapsed(collapsed: boolean): void {
    this.update({ collapsed });
  }

  /** Opens Sources, on one video or on all of them. */
  openSources(videoId: string | null = null): void {
    this.update({ sourcesOpen: true, sourcesVideo: videoId, sourcesQuery: videoId ? '' : this.state.sourcesQuery });
  }

  closeSources(): void {
    this.update({ sourcesOpen: false, sourcesVideo: null });
  }

  showAllSources(): void {
    this.update({ sourcesVideo: null });
  }

  setQuery(sourcesQuery: string): void {
    this.update({ sourcesQuery });
  }

  private update(patch: Partial<DockState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      const { width, collapsed, sourcesOpen } = this.state;
      try {
        localStorage.setItem(KEY, JSON.stringify({ width, collapsed, sourcesOpen }));
      } catch {
        // Not remembered; the session still works.
      }
    }, 200);
  }
}

export const dockStore = new DockStore();

export function useDock<T>(selector: (state: DockState) => T): T {
  return useSyncExternalStore(dockStore.subscribe, () => selector(dockStore.getState()));
}

/** "All quotes from this video": for the reader, the graph, the Player. */
export function openSources(videoId: string | null = null): void {
  dockStore.openSources(videoId);
}
