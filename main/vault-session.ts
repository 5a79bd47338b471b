/**
 * One open vault: the index, the watcher feeding it, the background search, the warm-start
 * snapshot. Batches apply one at a time, in order; each produces a `changed` event with its delta.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { VaultEvent } from './api';
import { vaultCacheFile, writeSnapshot } from './core/cache';
import { loadNote, type LoadedNote } from './core/load-note';
import type { VaultDelta, VaultPath } from './core/model';
import { openIndex } from './core/open-index';
import { isMarkdownPath } from './core/paths';
import { isVaultFile, readVaultFile } from './core/read-note';
import type { IndexUpdate, VaultIndex } from './core/vault-index';
import { watchVault, type VaultWatcher, type WatchBatch } from './core/watch';

export interface SessionOptions {
  /** Where snapshots live; null keeps nothing on disk (tests, the CLI). */
  cacheDir: string | null;
  emit(event: VaultEvent): void;
  /** Called after every applied batch, for the search index and anything else that follows the vault. */
  onApplied?(delta: VaultDelta): void;
  watch?: boolean;
}

export class VaultSession {
  private watcher: VaultWatcher | null = null;
  private queue: Promise<void> = Promise.resolve();
  private pending: WatchBatch[] | null = [];
  private snapshotTimer: NodeJS.Timeout | null = null;
  private closed = false;
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
    const root = await realVaultRoot(rootArg);
    const snapshotFile = options.cacheDir ? vaultCacheFile(options.cacheDir, root, 'index.json') : null;
    // The watcher starts before the scan so nothing written meanwhile is lost; its batches wait.
    const early: WatchBatch[] = [];
    let session: VaultSession | null = null;
    const watcher =
      options.watch === false
        ? null
        : watchVault(root, {
            onBatch: (batch) => (session ? session.enqueue(batch) : early.push(batch)),
            onVaultMissing: () => session?.reportMissing(),
            onError: (err) => options.emit({ type: 'problem', message: `Watching the vault failed: ${err.message}` }),
          });
    let lastReport = 0;
    const opened = await openIndex(root, {
      snapshotFile,
      onProgress: (done, total) => {
        const now = Date.now();
        if (done === total || now - lastReport > 50) {
          lastReport = now;
          options.emit({ type: 'indexing', done, total });
        }
      },
    });
    session = new VaultSession(root, opened.index, opened.notes, options);
    session.watcher = watcher;
    if (watcher) await watcher.ready;
    for (const batch of early) session.enqueue(batch);
    session.pending = null;
    if (snapshotFile && opened.fromCache < opened.notes.size) session.scheduleSnapshot(0);
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
    if (this.closed) return;
    const removed = new Set(batch.removed);
    for (const dir of batch.removedDirs) {
      const prefix = `${dir}/`;
      for (const path of this.index.files()) if (path.startsWith(prefix)) removed.add(path);
    }
    const updates: IndexUpdate[] = [];
    const loaded = await Promise.all(
      [...batch.upserted].map(async (path) => {
        if (isMarkdownPath(path)) return { path, note: await loadNote(this.root, path) };
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
    if (updates.length === 0) return;
    const delta = this.index.applyBatch(updates);
    this.options.onApplied?.(delta);
    this.options.emit({ type: 'changed', delta });
    this.scheduleSnapshot(2000);
  }

  private reportMissing(): void {
    this.missing = true;
    this.options.emit({ type: 'vault-missing', root: this.root });
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
      await writeSnapshot(vaultCacheFile(this.options.cacheDir, this.root, 'index.json'), this.root, this.notes.values());
    } catch (err) {
      this.options.emit({ type: 'problem', message: `Could not save the index cache: ${String((err as Error)?.message ?? err)}` });
    }
  }
}

export class VaultOpenError extends Error {
  readonly code = 'no-vault';
}

/** The vault's real path, or a one-line reason it cannot be opened. */
export async function realVaultRoot(root: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(root);
  } catch {
    throw new VaultOpenError(`No vault at ${root}: the folder does not exist.`);
  }
  const info = await stat(real).catch(() => null);
  if (!info?.isDirectory()) throw new VaultOpenError(`No vault at ${root}: it is not a folder.`);
  try {
    await readdir(real);
  } catch (err) {
    throw new VaultOpenError(`The vault at ${root} cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
  return real;
}
