/**
 * One open vault: the index, the watcher feeding it, the background search, the warm-start
 * snapshot. Batches apply one at a time, in order; each produces a `changed` event with its delta.
 */
import { readdir, realpath, rm, stat } from 'node:fs/promises';
import { basename, join, parse } from 'node:path';
import type { VaultEvent } from './api';
import { vaultCacheFile, writeSnapshot } from './core/cache';
import { loadNote, type LoadedNote } from './core/load-note';
import type { VaultDelta, VaultPath } from './core/model';
import { loadVault, openIndex, type LoadedVault } from './core/open-index';
import { loadNotes } from './core/parse-pool';
import { pseudoMountPoints, underPseudoMount } from './core/pseudo-mounts';
import { isMarkdownPath } from './core/paths';
import { isVaultFile, readVaultFile } from './core/read-note';
import type { IndexUpdate, VaultIndex } from './core/vault-index';
import { waitForFolder, watchVault, type VaultWatcher, type WatchBatch } from './core/watch';

/** The warm-start snapshot's file, beside the search cache. */
const SNAPSHOT = 'index.snapshot';
/** Where snapshots up to version 3 (JSON, 25 MB for 10k notes) were kept: removed once a new one is saved. */
const LEGACY_SNAPSHOT = 'index.json';

export interface SessionOptions {
  /** Where snapshots live; null keeps nothing on disk (tests, the CLI). */
  cacheDir: string | null;
  emit(event: VaultEvent): void;
  /** Called after every applied batch, for the search index and anything else that follows the vault. */
  onApplied?(delta: VaultDelta): void;
  /** Called with every applied batch's updates, for what follows the vault's files (the media library). */
  onUpdates?(updates: readonly IndexUpdate[]): void;
  watch?: boolean;
  /** Opening stops past this many files (a home folder, a whole disk); Infinity when the user insisted. */
  maxFiles?: number;
  /** How often a missing vault folder is looked for, and the present one checked (default 1 s). */
  rootCheckMs?: number | undefined;
}

export class VaultSession {
  private watcher: VaultWatcher | null = null;
  private queue: Promise<void> = Promise.resolve();
  private pending: WatchBatch[] | null = [];
  private snapshotTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** `dev:ino` of the vault folder as read: a folder at the same path with another identity is another folder. */
  private identity: string | null = null;
  missing = false;

  private constructor(
    readonly root: string,
    readonly index: VaultIndex,
    private readonly notes: Map<VaultPath, LoadedNote>,
    private readonly options: SessionOptions,
  ) {}

  get name(): string {
    return basename(this.root);
  }

  static async open(rootArg: string, options: SessionOptions): Promise<VaultSession> {
    const root = await realVaultRoot(rootArg, options.maxFiles ?? Infinity);
    const snapshotFile = options.cacheDir ? vaultCacheFile(options.cacheDir, root, SNAPSHOT) : null;
    // The watcher starts before the scan so nothing written meanwhile is lost; its batches wait.
    const early: WatchBatch[] = [];
    let session: VaultSession | null = null;
    let missingEarly = false;
    const watcher = startWatcher(root, options, {
      onBatch: (batch) => (session ? session.enqueue(batch) : early.push(batch)),
      onVaultMissing: () => (session ? session.reportMissing() : (missingEarly = true)),
    });
    let opened;
    try {
      opened = await openIndex(root, { snapshotFile, onProgress: progressReporter(options), maxFiles: options.maxFiles });
    } catch (err) {
      await watcher?.close();
      throw err;
    }
    session = new VaultSession(root, opened.index, opened.notes, options);
    session.watcher = watcher;
    session.identity = await folderIdentity(root);
    if (watcher) await watcher.ready;
    for (const batch of early) session.enqueue(batch);
    session.pending = null;
    if (snapshotFile && opened.fromCache < opened.notes.size) session.scheduleSnapshot(0);
    if (missingEarly) session.reportMissing();
    return session;
  }

  /** The full text of a note as it is on disk now. */
  async readSource(path: VaultPath): Promise<string> {
    const read = await readVaultFile(this.root, path);
    return read.source;
  }

  mtimeOf(path: VaultPath): number {
    return this.notes.get(path)?.mtimeMs ?? 0;
  }

  /** Resolves when every batch received so far has been applied (tests and the CLI wait on it). */
  settled(): Promise<void> {
    return this.queue;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.watcher?.close();
    await this.queue;
    if (this.snapshotTimer) {
      clearTimeout(this.snapshotTimer);
      await this.saveSnapshot();
    }
  }

  private enqueue(batch: WatchBatch): void {
    if (this.pending) {
      this.pending.push(batch);
      return;
    }
    this.queue = this.queue.then(() => this.applyWatchBatch(batch)).catch((err: unknown) => {
      this.options.emit({ type: 'problem', message: `Applying changes failed: ${String((err as Error)?.message ?? err)}` });
    });
  }

  private async applyWatchBatch(batch: WatchBatch): Promise<void> {
    if (this.closed || this.missing) return;
    // A vault being deleted (rm -rf, a sync tool, an unmount) first reports its files gone one by one;
    // if the folder itself is gone by now, those removals are its disappearance, not edits: the index
    // keeps what it showed until the folder comes back and is read again.
    if ((batch.removed.size || batch.removedDirs.size) && (await folderIdentity(this.root)) !== this.identity) {
      this.reportMissing();
      return;
    }
    const removed = new Set(batch.removed);
    for (const dir of batch.removedDirs) {
      const prefix = `${dir}/`;
      for (const path of this.index.files()) if (path.startsWith(prefix)) removed.add(path);
    }
    const updates: IndexUpdate[] = [];
    const loaded = await Promise.all(
      [...batch.upserted].map(async (path) => {
        if (isMarkdownPath(path)) return { path, note: await loadChangedNote(this.root, path) };
        const exists = await isVaultFile(this.root, path);
        return { path, note: exists ? ('file' as const) : null };
      }),
    );
    for (const { path, note } of loaded) {
      if (note === null) removed.add(path);
      else if (note === 'file') updates.push({ kind: 'file', path });
      else {
        removed.delete(path);
        this.notes.set(path, note);
        updates.push({ kind: 'note', record: note.record });
      }
    }
    for (const path of removed) {
      if (!this.index.hasFile(path)) continue;
      this.notes.delete(path);
      updates.push({ kind: 'remove', path });
    }
    this.applyUpdates(updates);
  }

  private reportMissing(): void {
    if (this.missing || this.closed) return;
    this.missing = true;
    this.options.emit({ type: 'vault-missing', root: this.root });
    void this.awaitReturn().catch((err: unknown) => {
      this.options.emit({ type: 'problem', message: `Reading the vault again failed: ${String((err as Error)?.message ?? err)}` });
    });
  }

  /**
   * Waits for the vault folder to be back (recreated, remounted), then reads it again as a warm open
   * does (notes whose mtime and size match are kept) and applies the difference as one batch, with a
   * fresh watcher: the app carries on without a restart.
   */
  private async awaitReturn(): Promise<void> {
    const dead = this.watcher;
    this.watcher = null;
    await dead?.close();
    while (!this.closed) {
      const back = await waitForFolder(this.root, { intervalMs: this.options.rootCheckMs, cancelled: () => this.closed });
      if (!back) return;
      // The new watcher's batches wait until the re-read is applied, as on open.
      this.pending = [];
      let lost = false;
      const watcher = startWatcher(this.root, this.options, {
        onBatch: (b) => this.enqueue(b),
        onVaultMissing: () => (this.missing ? (lost = true) : this.reportMissing()),
      });
      try {
        const identity = await folderIdentity(this.root);
        const loaded = await loadVault(this.root, { known: this.notes, onProgress: progressReporter(this.options), maxFiles: this.options.maxFiles });
        await watcher?.ready;
        if (this.closed) {
          await watcher?.close();
          return;
        }
        this.watcher = watcher;
        this.identity = identity;
        this.queue = this.queue.then(() => this.applyReload(loaded));
        await this.queue;
      } catch (err) {
        await watcher?.close();
        this.pending = null;
        // Gone again while being read: wait for it once more. Anything else is worth saying.
        if ((await folderIdentity(this.root)) !== null) throw err;
        continue;
      }
      const pending = this.pending ?? [];
      this.pending = null;
      this.missing = false;
      this.options.emit({ type: 'vault-restored', root: this.root });
      for (const batch of pending) this.enqueue(batch);
      if (lost) this.reportMissing();
      return;
    }
  }

  /** Makes the index match a fresh read of the vault: one batch of what differs. */
  private applyReload(loaded: LoadedVault): void {
    const updates: IndexUpdate[] = [];
    const present = new Set<VaultPath>();
    for (const path of loaded.listing.notes) {
      const note = loaded.notes.get(path);
      if (!note) continue;
      present.add(path);
      if (this.notes.get(path) === note) continue;
      this.notes.set(path, note);
      updates.push({ kind: 'note', record: note.record });
    }
    for (const path of loaded.listing.attachments) {
      present.add(path);
      if (!this.index.hasFile(path)) updates.push({ kind: 'file', path });
    }
    for (const path of this.index.files()) {
      if (present.has(path)) continue;
      this.notes.delete(path);
      updates.push({ kind: 'remove', path });
    }
    this.applyUpdates(updates);
  }

  /** Applies a batch, tells search and the renderer what changed, and saves the snapshot later. */
  private applyUpdates(updates: IndexUpdate[]): void {
    if (updates.length === 0) return;
    const delta = this.index.applyBatch(updates);
    this.options.onApplied?.(delta);
    this.options.onUpdates?.(updates);
    this.options.emit({ type: 'changed', delta });
    this.scheduleSnapshot(2000);
  }

  private scheduleSnapshot(delayMs: number): void {
    if (!this.options.cacheDir || this.snapshotTimer) return;
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      void this.saveSnapshot();
    }, delayMs);
    this.snapshotTimer.unref?.();
  }

  private async saveSnapshot(): Promise<void> {
    if (!this.options.cacheDir || this.missing) return;
    try {
      await writeSnapshot(vaultCacheFile(this.options.cacheDir, this.root, SNAPSHOT), this.root, this.notes.values());
      await rm(vaultCacheFile(this.options.cacheDir, this.root, LEGACY_SNAPSHOT), { force: true });
    } catch (err) {
      this.options.emit({ type: 'problem', message: `Could not save the index cache: ${String((err as Error)?.message ?? err)}` });
    }
  }
}

export class VaultOpenError extends Error {
  readonly code = 'no-vault';
}

/** What `openVault` says when the folder is too big to be a vault, so the user may insist. */
export class VaultTooLargeError extends Error {
  readonly code = 'too-large';
}

function startWatcher(root: string, options: SessionOptions, on: { onBatch(batch: WatchBatch): void; onVaultMissing(): void }): VaultWatcher | null {
  if (options.watch === false) return null;
  return watchVault(root, {
    ...on,
    rootCheckMs: options.rootCheckMs,
    onError: (err) => options.emit({ type: 'problem', message: `Watching the vault failed: ${err.message}` }),
  });
}

/** `indexing` events, about twenty a second at most. */
function progressReporter(options: SessionOptions): (done: number, total: number) => void {
  let lastReport = 0;
  return (done, total) => {
    const now = Date.now();
    if (done === total || now - lastReport > 50) {
      lastReport = now;
      options.emit({ type: 'indexing', done, total });
    }
  };
}

/**
 * Past this a changed note is read and extracted on a worker thread, so that requests keep
 * answering meanwhile (a worker costs ~40 ms to start; a 30 MB note costs far more to extract).
 */
const WORKER_NOTE_BYTES = 1024 * 1024;

async function loadChangedNote(root: string, path: VaultPath): Promise<LoadedNote | null> {
  const size = (await stat(join(root, path)).catch(() => null))?.size ?? 0;
  if (size < WORKER_NOTE_BYTES) return loadNote(root, path);
  return (await loadNotes(root, [path], undefined, { workers: 1 })).get(path) ?? null;
}

/** `dev:ino` of a folder, or null when there is no folder there. */
async function folderIdentity(root: string): Promise<string | null> {
  const info = await stat(root).catch(() => null);
  return info?.isDirectory() ? `${info.dev}:${info.ino}` : null;
}

/**
 * The vault's real path, or a one-line reason it cannot be opened. A filesystem root is refused
 * unless `maxFiles` is Infinity (the user insisted): it is never a vault, and reading it takes minutes.
 */
export async function realVaultRoot(root: string, maxFiles = Infinity): Promise<string> {
  let real: string;
  try {
    real = await realpath(root);
  } catch {
    throw new VaultOpenError(`No vault at ${root}: the folder does not exist.`);
  }
  const info = await stat(real).catch(() => null);
  if (!info?.isDirectory()) throw new VaultOpenError(`No vault at ${root}: it is not a folder.`);
  if (underPseudoMount(real, pseudoMountPoints())) throw new VaultOpenError(`No vault at ${root}: it is a system folder (${real}), not a folder of notes.`);
  if (maxFiles !== Infinity && parse(real).root === real) throw new VaultTooLargeError(`${root} is the whole filesystem, not a vault of notes.`);
  try {
    await readdir(real);
  } catch (err) {
    throw new VaultOpenError(`The vault at ${root} cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
  return real;
}
