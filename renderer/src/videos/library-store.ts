/**
 * What the media library knows of every cited video (`client.videos({})`), shared by the Videos
 * view, Sources (posters, chapters) and the graph (video node pictures), so the page asks the host
 * once however many of them show. Fetched when first wanted; asked again, a burst of events making
 * one request, when notes change (citations move), the library changes (`media-changed`) or
 * another vault opens.
 */
import { useSyncExternalStore } from 'react';
import type { MediaRoot, VideoEntry, VideosView } from '../../../main/api';
import { client } from '../api/client';
import { messageOf } from '../state/vault-store';

export interface LibraryState {
  view: VideosView | null;
  byId: ReadonlyMap<string, VideoEntry>;
  /** The roots as the latest event said, which may be fresher than `view.roots`. */
  roots: readonly MediaRoot[] | null;
  error: string | null;
}

const DEBOUNCE_MS = 250;
const EMPTY: LibraryState = { view: null, byId: new Map(), roots: null, error: null };

type Listener = () => void;

class LibraryStore {
  private state: LibraryState = EMPTY;
  private readonly listeners = new Set<Listener>();
  private started = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private seq = 0;

  getState = (): LibraryState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    this.start();
    return () => this.listeners.delete(listener);
  };

  /** Asks the host again soon (once for a burst of calls). */
  refresh = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), DEBOUNCE_MS);
  };

  /** Roots a settings change answered with: shown at once, the videos follow. */
  setRoots(roots: MediaRoot[]): void {
    this.set({ roots });
    this.refresh();
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    client.onEvent((e) => {
      switch (e.type) {
        case 'media-changed':
          this.set({ roots: e.roots });
          this.refresh();
          return;
        case 'changed':
          this.refresh();
          return;
        case 'ready':
          this.set({ ...EMPTY });
          this.refresh();
          return;
        case 'vault-closed':
          this.set({ ...EMPTY });
          return;
        default:
      }
    });
    void this.load();
  }

  private async load(): Promise<void> {
    const mine = ++this.seq;
    try {
      const view = await client.videos({});
      if (mine !== this.seq) return;
      this.set({ view, byId: new Map(view.videos.map((v) => [v.videoId, v])), roots: view.roots, error: null });
    } catch (err) {
      if (mine === this.seq) this.set({ error: messageOf(err) });
    }
  }

  private set(patch: Partial<LibraryState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

export const libraryStore = new LibraryStore();

export function useLibrary<T>(selector: (state: LibraryState) => T): T {
  return useSyncExternalStore(libraryStore.subscribe, () => selector(libraryStore.getState()));
}
