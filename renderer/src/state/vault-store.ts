/**
 * The renderer's picture of the open vault, kept current by `VaultEvent`s. It is an external store:
 * components read slices of it with `useVault(selector)` (useSyncExternalStore), and every update
 * replaces the snapshot, so a selector that returns a primitive or a stable reference re-renders
 * only when its slice changed.
 */
import { useSyncExternalStore } from 'react';
import { client } from '../api/client';
import type { MediaRoot, NoteSummary, VaultEvent, VaultInfo } from '../../../main/api';
import type { VaultDelta, VaultPath } from '../../../main/core/model';

export type VaultStatus = 'connecting' | 'no-vault' | 'indexing' | 'ready' | 'error';

export interface VaultState {
  status: VaultStatus;
  vault: VaultInfo | null;
  progress: { done: number; total: number } | null;
  /** Every note, sorted by path. */
  notes: readonly NoteSummary[];
  notesByPath: ReadonlyMap<string, NoteSummary>;
  /** Bumped on every `changed` event; panels that depend on the whole vault refetch when it moves. */
  changeSeq: number;
  /**
   * Bumped when notes appear or disappear: links anywhere may resolve differently now, so an open
   * note refetches its resolutions even though its own file did not change.
   */
  structureSeq: number;
  /** The `changeSeq` at which each note last changed (upserted or removed). */
  noteVersions: ReadonlyMap<string, number>;
  /** Notes removed while the app was open (a reader showing one marks it deleted). */
  removed: ReadonlySet<string>;
  /** The vault folder when it disappeared from disk. */
  missing: string | null;
  /** The media library's folders, their first scans and whether they are on disk. */
  media: readonly MediaRoot[];
  /** Recent problems the host reported, newest last. */
  problems: readonly string[];
  error: string | null;
}

const initial: VaultState = {
  status: 'connecting',
  vault: null,
  progress: null,
  notes: [],
  notesByPath: new Map(),
  changeSeq: 0,
  structureSeq: 0,
  noteVersions: new Map(),
  removed: new Set(),
  missing: null,
  media: [],
  problems: [],
  error: null,
};

type Listener = () => void;
type DeltaListener = (delta: VaultDelta) => void;

class VaultStore {
  private state: VaultState = initial;
  private readonly listeners = new Set<Listener>();
  private readonly deltaListeners = new Set<DeltaListener>();
  private started = false;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private refreshing: Promise<void> | null = null;

  getState = (): VaultState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For caches that must forget notes as they change (the note cache, rendered previews). */
  onDelta(listener: DeltaListener): () => void {
    this.deltaListeners.add(listener);
    return () => this.deltaListeners.delete(listener);
  }

  /** Subscribes to host events first, then asks for the vault, so no event between the two is lost. */
  start(): void {
    if (this.started) return;
    this.started = true;
    client.onEvent((event) => this.apply(event));
    void this.load();
  }

  /** `force` opens a folder the host refused as too large, once the user said so. */
  async openVault(root: string, force = false): Promise<void> {
    this.set({ error: null });
    const info = await client.openVault(force ? { root, force } : { root });
    this.set({
      ...initial,
      status: info.ready ? 'ready' : 'indexing',
      vault: info,
      media: info.media ?? [],
    });
    if (info.ready) await this.refreshNotes();
  }

  dismissProblems(): void {
    this.set({ problems: [] });
  }

  private async load(): Promise<void> {
    try {
      const info = await client.getVault({});
      if (!info) {
        // The host may still be opening its vault: `indexing` events then `ready` will follow.
        if (this.state.status === 'connecting') this.set({ status: 'no-vault', vault: null });
        return;
      }
      // An `indexing` or `ready` event may have arrived while we waited; keep whichever is further along.
      const status = info.ready ? 'ready' : this.state.status === 'ready' ? 'ready' : 'indexing';
      this.set({ vault: info, status, missing: info.missing ? info.root : null, media: info.media ?? [] });
      await this.refreshNotes();
    } catch (err) {
      this.set({ status: 'error', error: messageOf(err) });
    }
  }

  private apply(event: VaultEvent): void {
    switch (event.type) {
      case 'indexing':
        this.set({
          progress: { done: event.done, total: event.total },
          status: this.state.vault && this.state.status === 'ready' ? 'ready' : 'indexing',
        });
        break;
      case 'ready': {
        const switched = this.state.vault !== null && this.state.vault.root !== event.vault.root;
        this.set({
          ...(switched ? initial : {}),
          vault: event.vault,
          media: event.vault.media ?? [],
          status: 'ready',
          progress: null,
          missing: null,
        });
        void this.refreshNotes();
        break;
      }
      case 'search-ready':
        if (this.state.vault) this.set({ vault: { ...this.state.vault, searchReady: true } });
        break;
      case 'changed':
        this.applyDelta(event.delta);
        break;
      case 'vault-missing':
        this.set({ missing: event.root, vault: this.state.vault ? { ...this.state.vault, missing: true } : null });
        break;
      case 'vault-restored':
        this.set({ missing: null, vault: this.state.vault ? { ...this.state.vault, missing: false } : null });
        void this.refreshNotes();
        break;
      case 'vault-closed':
        this.set({ ...initial, status: 'no-vault' });
        break;
      case 'media-changed':
        this.set({ media: event.roots, vault: this.state.vault ? { ...this.state.vault, media: event.roots } : null });
        break;
      case 'problem':
        this.set({ problems: [...this.state.problems.slice(-9), event.message] });
        break;
    }
  }

  /**
   * Removals land at once; additions get a provisional summary (file name as title) so the tree
   * shows them immediately, and a debounced `listNotes` brings titles and tags up to date.
   */
  private applyDelta(delta: VaultDelta): void {
    const changeSeq = this.state.changeSeq + 1;
    const noteVersions = new Map(this.state.noteVersions);
    const removed = new Set(this.state.removed);
    const byPath = new Map(this.state.notesByPath);
    const structural = delta.notesRemoved.length > 0 || delta.notesUpserted.some((p) => !byPath.has(p));
    for (const path of delta.notesRemoved) {
      noteVersions.set(path, changeSeq);
      removed.add(path);
      byPath.delete(path);
    }
    for (const path of delta.notesUpserted) {
      noteVersions.set(path, changeSeq);
      removed.delete(path);
      if (!byPath.has(path)) byPath.set(path, provisionalSummary(path));
    }
    const notes = [...byPath.values()].sort(byNotePath);
    const structureSeq = this.state.structureSeq + (structural ? 1 : 0);
    this.set({ changeSeq, structureSeq, noteVersions, removed, notesByPath: byPath, notes, missing: null });
    if (this.state.vault) {
      this.set({ vault: { ...this.state.vault, notes: notes.length } });
    }
    for (const listener of this.deltaListeners) listener(delta);
    if (delta.notesUpserted.length > 0) this.scheduleRefresh();
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.refreshNotes();
    }, 250);
  }

  private async refreshNotes(): Promise<void> {
    // One request at a time; a change during it schedules another.
    if (this.refreshing) {
      await this.refreshing;
      return this.refreshNotes();
    }
    this.refreshing = (async () => {
      try {
        const list = await client.listNotes({});
        const notes = [...list].sort(byNotePath);
        const notesByPath = new Map(notes.map((n) => [n.path as string, n]));
        this.set({
          notes,
          notesByPath,
          vault: this.state.vault ? { ...this.state.vault, notes: notes.length } : null,
        });
      } catch (err) {
        // A vault still indexing may refuse; the `ready` event triggers another refresh.
        if (this.state.status === 'ready') this.set({ problems: [...this.state.problems, messageOf(err)] });
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  private set(patch: Partial<VaultState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

function provisionalSummary(path: VaultPath): NoteSummary {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  return { path, title: name, aliases: [], tags: [], videoId: null, problems: 0 };
}

function byNotePath(a: NoteSummary, b: NoteSummary): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export const vaultStore = new VaultStore();

/** Reads a slice of the vault state; the component re-renders when the slice changes. */
export function useVault<T>(selector: (state: VaultState) => T): T {
  return useSyncExternalStore(vaultStore.subscribe, () => selector(vaultStore.getState()));
}
