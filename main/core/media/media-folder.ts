/**
 * A media folder the user added: checked as a vault folder is (it exists, is a folder, is not a
 * filesystem root or a pseudo-filesystem, holds no more than `maxFiles` files unless forced),
 * listed with the vault's scan (names only; symlinks followed only inside it), watched with the
 * vault's watcher, and looked for again when it disappears, as the vault is.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { parse } from 'node:path';
import { pseudoMountPoints, underPseudoMount } from '../pseudo-mounts';
import { scanVault, TooManyFilesError } from '../scan';
import { waitForFolder, watchVault, type VaultWatcher, type WatchBatch } from '../watch';
import { RootFiles, type KnownInfoId } from './root-files';

/** Why a folder cannot be a media folder; `tooLarge` ones may be added anyway when the user insists. */
export class MediaFolderError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

/** The folder's real path, or a `MediaFolderError` saying why it cannot be one. */
export async function realMediaFolder(path: string, force: boolean): Promise<string> {
  const real = await realpath(path).catch(() => null);
  if (!real) throw new MediaFolderError(`No folder at ${path}.`);
  const info = await stat(real).catch(() => null);
  if (!info?.isDirectory()) throw new MediaFolderError(`${path} is not a folder.`);
  if (underPseudoMount(real, pseudoMountPoints())) throw new MediaFolderError(`${path} is a system folder (${real}), not a folder of videos.`);
  if (!force && parse(real).root === real) throw new MediaFolderError(`${path} is the whole filesystem, not a folder of videos.`, true);
  try {
    await readdir(real);
  } catch (err) {
    throw new MediaFolderError(`${path} cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
  return real;
}

export interface MediaFolderOptions {
  maxFiles: number;
  watch: boolean;
  rootCheckMs?: number | undefined;
  /** Sidecar ids read in an earlier run (from the cache), reused while their files are unchanged. */
  remembered?: Map<string, KnownInfoId>;
  /** Something this folder holds, or its state, changed. */
  onChange(): void;
  onProblem(message: string): void;
}

export class MediaFolder {
  readonly files: RootFiles;
  missing = false;
  scanning = true;
  problem: string | null = null;
  private watcher: VaultWatcher | null = null;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    readonly id: number,
    /** The real path (from `realMediaFolder`). */
    readonly path: string,
    readonly origin: 'command-line' | 'settings',
    private readonly options: MediaFolderOptions,
  ) {
    this.files = new RootFiles(id, path, options.remembered);
  }

  /**
   * Lists the folder (names only), then reads what pairing needs. Resolves once the names are
   * listed; `scanned` resolves when the whole first scan is done. Rejects with `MediaFolderError`
   * (too large) when the folder holds more than `maxFiles` files.
   */
  async start(): Promise<{ scanned: Promise<void> }> {
    this.startWatcher();
    let listing;
    try {
      listing = await scanVault(this.path, { maxFiles: this.options.maxFiles });
    } catch (err) {
      await this.stopWatcher();
      if (err instanceof TooManyFilesError) throw new MediaFolderError(err.message.replace('a vault of notes', 'a folder of videos'), true);
      throw err;
    }
    const scanned = this.queued(async () => {
      await this.files.upsertAll([...listing.notes, ...listing.attachments]);
      this.scanning = false;
      this.options.onChange();
    });
    this.options.onChange();
    return { scanned };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stopWatcher();
    await this.queue;
  }

  private async stopWatcher(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = null;
    await watcher?.close();
  }

  private startWatcher(): void {
    if (!this.options.watch || this.closed) return;
    this.watcher = watchVault(this.path, {
      rootCheckMs: this.options.rootCheckMs,
      onBatch: (batch) => void this.queued(() => this.apply(batch)),
      onVaultMissing: () => this.reportMissing(),
      onError: (err) => this.options.onProblem(`Watching the media folder ${this.path} failed: ${err.message}`),
    });
  }

  /** Runs jobs one at a time, in order, so a batch never races the scan it follows. */
  private queued(job: () => Promise<void>): Promise<void> {
    const run = this.queue.then(job).catch((err: unknown) => this.options.onProblem(`Reading the media folder ${this.path} failed: ${String((err as Error)?.message ?? err)}`));
    this.queue = run;
    return run;
  }

  private async apply(batch: WatchBatch): Promise<void> {
    if (this.closed || this.missing) return;
    let changed = false;
    for (const dir of batch.removedDirs) changed = this.files.removeDir(dir) || changed;
    for (const rel of batch.removed) changed = this.files.remove(rel) || changed;
    for (const rel of batch.upserted) changed = (await this.files.upsert(rel)) || changed;
    if (changed) this.options.onChange();
  }

  private reportMissing(): void {
    if (this.missing || this.closed) return;
    this.missing = true;
    this.options.onChange();
    void this.awaitReturn();
  }

  /** Waits for the folder to come back, then lists it afresh with a new watcher. */
  private async awaitReturn(): Promise<void> {
    await this.stopWatcher();
    const back = await waitForFolder(this.path, { intervalMs: this.options.rootCheckMs, cancelled: () => this.closed });
    if (!back || this.closed) return;
    this.scanning = true;
    this.missing = false;
    this.files.clear();
    try {
      const { scanned } = await this.start();
      await scanned;
    } catch (err) {
      this.problem = (err as Error).message;
      this.scanning = false;
      this.options.onChange();
    }
  }
}
