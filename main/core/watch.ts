/**
 * Watches a vault with chokidar and hands the index batches, not events: a burst of hundreds of
 * writes (a git checkout, a sync client) becomes one or a few batches. A write still in progress
 * shows up as further change events, which land in a later batch, so no long write-finish wait
 * is needed (chokidar's `awaitWriteFinish: true` costs 2 s a change; measured here).
 */
import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { VaultPath } from './model';
import { toVaultPath } from './paths';
import { pseudoMountPoints } from './pseudo-mounts';
import { isIgnoredPath, scanVault } from './scan';

export interface WatchBatch {
  /** Files added or changed (notes and attachments). */
  upserted: Set<VaultPath>;
  removed: Set<VaultPath>;
  /** Folders removed: everything the index holds under them is gone. */
  removedDirs: Set<VaultPath>;
}

export interface WatchOptions {
  /** Quiet time that closes a batch. */
  quietMs?: number;
  /** Longest a batch stays open under a steady stream of events. */
  maxWaitMs?: number;
  onBatch(batch: WatchBatch): void;
  /** The vault folder itself disappeared (deleted, renamed, unmounted). */
  onVaultMissing(): void;
  onError?(error: Error): void;
  /** How often the vault folder itself is checked (default 1 s). */
  rootCheckMs?: number;
}

export interface VaultWatcher {
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * chokidar drops a file's `change` that comes within 50 ms of the previous one and sends nothing
 * after (chokidar#1455, open), so the last of two quick writes (an editor's truncate-then-write, a
 * sync client) would never reach the index. Each file event is therefore checked again once that
 * window has passed, and reported again if the file moved on since.
 */
const RECHECK_MS = 75;
/**
 * How often the vault folder itself is checked: chokidar does not always report its own folder
 * being deleted (it can lose the race with the folder's watch closing), and a vault that vanished
 * must be said.
 */
const ROOT_CHECK_MS = 1000;

export function watchVault(root: string, options: WatchOptions): VaultWatcher {
  const quietMs = options.quietMs ?? 25;
  const maxWaitMs = options.maxWaitMs ?? 250;
  let batch = emptyBatch();
  let quietTimer: NodeJS.Timeout | null = null;
  let maxTimer: NodeJS.Timeout | null = null;
  let missingReported = false;
  let closed = false;
  const rechecks = new Map<VaultPath, NodeJS.Timeout>();

  const flush = () => {
    if (quietTimer) clearTimeout(quietTimer);
    if (maxTimer) clearTimeout(maxTimer);
    quietTimer = maxTimer = null;
    const done = batch;
    batch = emptyBatch();
    if (done.upserted.size || done.removed.size || done.removedDirs.size) options.onBatch(done);
  };
  const schedule = () => {
    if (quietTimer) clearTimeout(quietTimer);
    quietTimer = setTimeout(flush, quietMs);
    maxTimer ??= setTimeout(flush, maxWaitMs);
  };
  // A drive unmounted and mounted again (or a folder replaced by another) keeps the path but not the
  // device and inode: every watch on the old one is dead, so that counts as missing too.
  let identity: string | null = null;
  const checkRoot = () => {
    stat(root).then(
      (info) => {
        const now = `${info.dev}:${info.ino}`;
        identity ??= now;
        if (!info.isDirectory() || now !== identity) reportMissing();
      },
      () => reportMissing(),
    );
  };
  checkRoot();
  const reportMissing = () => {
    if (missingReported) return;
    missingReported = true;
    options.onVaultMissing();
  };

  const toPath = (absolute: string): VaultPath | null => {
    const rel = relative(root, absolute);
    if (!rel || rel.startsWith('..')) return null;
    return toVaultPath(rel);
  };

  const pseudo = pseudoMountPoints();
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    persistent: true,
    // The stats each event saw are what the re-check compares with.
    alwaysStat: true,
    followSymlinks: false,
    ignored: (absolute: string) => {
      const rel = relative(root, absolute);
      return rel !== '' && !rel.startsWith('..') && (isIgnoredPath(rel) || pseudo.has(absolute));
    },
  });

  /** Runs `check` once things have settled for `path`; a later call for the same path replaces it. */
  const later = (path: VaultPath, check: () => void) => {
    clearTimeout(rechecks.get(path));
    rechecks.set(
      path,
      setTimeout(() => {
        rechecks.delete(path);
        if (!closed) check();
      }, RECHECK_MS),
    );
  };
  const upsert = (path: VaultPath) => {
    batch.removed.delete(path);
    batch.upserted.add(path);
    schedule();
  };
  const onFile = (absolute: string, seen?: Stats) => {
    const path = toPath(absolute);
    if (!path) return;
    upsert(path);
    later(path, () =>
      stat(absolute).then(
        (now) => {
          if (!closed && now.isFile() && (!seen || now.mtimeMs !== seen.mtimeMs || now.size !== seen.size)) onFile(absolute, now);
        },
        // Gone: chokidar reports the unlink itself.
        () => {},
      ),
    );
  };
  watcher.on('add', onFile);
  watcher.on('change', onFile);
  watcher.on('unlink', (absolute: string) => {
    const path = toPath(absolute);
    if (!path) return;
    clearTimeout(rechecks.get(path));
    rechecks.delete(path);
    batch.upserted.delete(path);
    batch.removed.add(path);
    schedule();
  });
  // A file written into a folder just made can land before chokidar watches that folder, and then is
  // never reported (mkdir -p, then write, as sync clients and git do): new folders are listed again
  // once their watch is up.
  watcher.on('addDir', (absolute: string) => {
    const folder = toPath(absolute);
    if (!folder) return;
    later(folder, () =>
      scanVault(absolute).then(
        (found) => {
          if (closed) return;
          for (const rel of [...found.notes, ...found.attachments]) upsert(`${folder}/${rel}` as VaultPath);
        },
        () => {},
      ),
    );
  });
  watcher.on('unlinkDir', (absolute: string) => {
    const path = toPath(absolute);
    if (!path) {
      checkRoot();
      return;
    }
    batch.removedDirs.add(path);
    schedule();
    checkRoot();
  });
  watcher.on('error', (err: unknown) => {
    options.onError?.(err instanceof Error ? err : new Error(String(err)));
    checkRoot();
  });

  const rootCheck = setInterval(checkRoot, options.rootCheckMs ?? ROOT_CHECK_MS);
  rootCheck.unref?.();

  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      closed = true;
      clearInterval(rootCheck);
      for (const timer of rechecks.values()) clearTimeout(timer);
      rechecks.clear();
      flush();
      await watcher.close();
    },
  };
}

function emptyBatch(): WatchBatch {
  return { upserted: new Set(), removed: new Set(), removedDirs: new Set() };
}

/**
 * Resolves true once `root` is a readable folder with something in it again (a sync tool recreated
 * it, a drive came back), or false when `cancelled()` says to stop. An empty folder does not count:
 * an unmounted drive leaves its empty mount point behind, and reading that would wipe the vault
 * shown. One `stat` per interval: cheap enough to run for days.
 */
export async function waitForFolder(root: string, options: { intervalMs?: number | undefined; cancelled(): boolean }): Promise<boolean> {
  const intervalMs = options.intervalMs ?? ROOT_CHECK_MS;
  while (!options.cancelled()) {
    const info = await stat(root).catch(() => null);
    if (info?.isDirectory() && (await readdir(root).then((entries) => entries.length > 0, () => false))) return !options.cancelled();
    await new Promise<void>((resolve) => setTimeout(resolve, intervalMs).unref?.());
  }
  return false;
}
