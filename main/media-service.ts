/**
 * The media library wired to an open vault: the vault's own files (from its index, so a cold open
 * pays nothing for it) plus folders from the command line and from Settings (kept per vault in
 * the cache folder), scanned in the background once the vault is ready, announced by debounced
 * `media-changed` events, and answered as `videos` and `citations().local`.
 */
import { mkdir, realpath, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LocalCopy, MediaRoot, VaultEvent, VideoEntry, VideosView } from './api';
import { vaultCacheFile } from './core/cache';
import { MediaLibrary } from './core/media/library';
import { MediaFolderError } from './core/media/media-folder';
import { parseMediaName } from './core/media/names';
import type { KnownInfoId } from './core/media/root-files';
import type { VaultPath } from './core/model';
import { toVaultPath } from './core/paths';
import { readRegularFile } from './core/regular-file';
import { isInside } from './core/scan';
import type { IndexUpdate } from './core/vault-index';
import { ServiceError } from './service-error';
import type { VaultSession } from './vault-session';
import { videoNotes } from './video-notes';

export interface MediaServiceOptions {
  cacheDir: string | null;
  /** `--media` folders: this run only. */
  folders: readonly string[];
  watch: boolean;
  maxFiles: number;
  rootCheckMs?: number | undefined;
  emit(event: VaultEvent): void;
}

/** Quiet time before a `media-changed` event; a long scan still reports at least this often. */
const EVENT_MS = 150;
const SETTINGS_VERSION = 1;
const CACHE_VERSION = 1;

interface MediaCache {
  version: number;
  /** Real folder path → its id-less `.info.json` files and the ids they held. */
  folders: Record<string, Record<string, KnownInfoId>>;
}

export class MediaService {
  readonly library: MediaLibrary;
  private timer: NodeJS.Timeout | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly started: Promise<void>;
  private closed = false;
  /** Folders added in Settings, as the user gave them (their real paths may change). */
  private settings: string[] = [];

  constructor(
    private readonly session: VaultSession,
    private readonly options: MediaServiceOptions,
  ) {
    this.library = new MediaLibrary(session.root, () => session.missing, {
      maxFiles: options.maxFiles,
      watch: options.watch,
      rootCheckMs: options.rootCheckMs,
      onChange: () => this.announce(),
      onProblem: (message) => options.emit({ type: 'problem', message }),
    });
    // After the vault is ready, and off the request that opened it.
    this.started = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.start());
  }

  /** Resolves once every folder's first scan has finished (the CLI and tests wait on it). */
  async scanned(): Promise<void> {
    await this.started;
    await this.queue;
    for (const folder of this.library.folderList()) while (folder.scanning && !folder.problem && !this.closed) await new Promise((r) => setTimeout(r, 10));
  }

  roots(): MediaRoot[] {
    return this.library.roots();
  }

  /** Vault files came, changed or went (from the vault's watcher, after the index applied them). */
  vaultUpdated(updates: readonly IndexUpdate[]): void {
    this.queued(async () => {
      let changed = false;
      for (const update of updates) {
        if (update.kind === 'file') changed = (await this.library.vault.upsert(update.path)) || changed;
        else if (update.kind === 'remove') changed = this.library.vault.remove(update.path) || changed;
        else changed = true; // a note: the ids the vault cites may have changed
      }
      if (changed) this.announce();
    });
  }

  /** The vault went missing or came back: root 0 says so. */
  vaultStateChanged(): void {
    this.announce();
  }

  async videos(videoId: string | undefined): Promise<VideosView> {
    await this.started;
    const frontMatter = this.refreshCited();
    const ids = videoId !== undefined ? [videoId] : [...new Set([...this.session.index.videos(), ...frontMatter.keys()])].sort();
    const found = await this.library.videos(ids);
    const videos: VideoEntry[] = [];
    for (const id of ids) {
      const notes = [...new Set([...this.session.index.citing(id), ...(frontMatter.get(id) ?? [])])].sort();
      const facts = await videoNotes(this.session, id, notes);
      const lib = found.get(id);
      videos.push({
        videoId: id,
        title: lib?.title ?? facts.title,
        channel: lib?.channel ?? facts.channel,
        duration: lib?.duration ?? null,
        uploadDate: lib?.uploadDate ?? null,
        citations: facts.citations,
        notes: notes.length,
        noteMedia: facts.media,
        local: lib?.local ?? null,
        copies: lib?.copies ?? [],
        captions: lib?.captions ?? [],
        chapters: lib?.chapters ?? [],
        thumbnail: lib?.thumbnail ?? null,
        problems: lib?.problems ?? [],
      });
    }
    return { videos, roots: this.library.roots(), scanning: this.library.scanning };
  }

  /** The copy each video would play from, for `citations`. */
  async localCopies(ids: string[]): Promise<Map<string, LocalCopy | null>> {
    await this.started;
    this.refreshCited();
    const found = await this.library.videos(ids);
    return new Map(ids.map((id) => [id, found.get(id)?.local ?? null]));
  }

  async addFolder(path: string, force: boolean): Promise<MediaRoot[]> {
    await this.started;
    try {
      const folder = await this.library.addFolder(path, 'settings', { force, remembered: await this.remembered() });
      if (folder.origin === 'settings' && !this.settings.includes(path)) {
        this.settings.push(path);
        await this.saveSettings();
      }
    } catch (err) {
      if (err instanceof MediaFolderError) throw new ServiceError(err.tooLarge ? 'too-large' : 'forbidden', err.message);
      throw err;
    }
    return this.library.roots();
  }

  async removeFolder(id: number): Promise<MediaRoot[]> {
    await this.started;
    const folder = this.library.folderList().find((f) => f.id === id);
    if (!folder) throw new ServiceError('not-found', `No media folder ${id}.`);
    if (folder.origin !== 'settings') throw new ServiceError('forbidden', `${folder.path} was given on the command line (--media); start without it to leave it out.`);
    await this.library.removeFolder(id);
    const keep: string[] = [];
    for (const given of this.settings) if ((await realpath(given).catch(() => given)) !== folder.path) keep.push(given);
    this.settings = keep;
    await this.saveSettings();
    return this.library.roots();
  }

  /**
   * The absolute path of a file in a media root, or null: unknown root, a path with `..` or a
   * dot-segment, a symlink that leads out of the root, or (outside the vault) a file of a kind
   * the library does not list.
   */
  async mediaPath(rootId: number, relative: string): Promise<string | null> {
    const root = this.library.root(rootId);
    const path = toVaultPath(relative);
    if (!root || !path || path.split('/').some((s) => s.startsWith('.'))) return null;
    if (rootId !== 0 && !parseMediaName(path.slice(path.lastIndexOf('/') + 1))) return null;
    const real = await realpath(join(root.abs, ...path.split('/'))).catch(() => null);
    return real && isInside(root.abs, real) ? real : null;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.started.catch(() => undefined);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.queue;
    await this.saveCache();
    await this.library.close();
  }

  // ---- internals -------------------------------------------------------------------------------

  private async start(): Promise<void> {
    if (this.closed) return;
    this.refreshCited();
    await this.library.vault.upsertAll(this.session.index.files());
    this.settings = await this.loadSettings();
    const remembered = await this.remembered();
    const add = (path: string, origin: 'command-line' | 'settings') =>
      this.library.addFolder(path, origin, { remembered }).catch((err: unknown) => {
        this.options.emit({ type: 'problem', message: `Media folder ${path}: ${(err as Error).message}` });
      });
    for (const path of this.options.folders) await add(path, 'command-line');
    for (const path of this.settings) await add(path, 'settings');
    this.announce();
  }

  /** Tells the library which ids the vault cites; returns `videoId:` → the notes naming it. */
  private refreshCited(): Map<string, VaultPath[]> {
    const frontMatter = new Map<string, VaultPath[]>();
    for (const record of this.session.index.notes()) {
      if (!record.videoId) continue;
      const list = frontMatter.get(record.videoId);
      if (list) list.push(record.path);
      else frontMatter.set(record.videoId, [record.path]);
    }
    this.library.setCited([...this.session.index.videos(), ...frontMatter.keys()]);
    return frontMatter;
  }

  private queued(job: () => Promise<void>): void {
    this.queue = this.queue.then(job).catch((err: unknown) => this.options.emit({ type: 'problem', message: `Updating the media library failed: ${String((err as Error)?.message ?? err)}` }));
  }

  private announce(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.closed) return;
      this.refreshCited();
      this.options.emit({ type: 'media-changed', roots: this.library.roots() });
      if (!this.library.scanning) void this.saveCache();
    }, EVENT_MS);
    this.timer.unref?.();
  }

  private file(purpose: string): string | null {
    return this.options.cacheDir ? vaultCacheFile(this.options.cacheDir, this.session.root, purpose) : null;
  }

  private async loadSettings(): Promise<string[]> {
    const file = this.file('media-folders.json');
    if (!file) return this.settings;
    const data = await readJson(file);
    const folders = (data as { version?: unknown; folders?: unknown } | null)?.folders;
    if ((data as { version?: unknown } | null)?.version !== SETTINGS_VERSION || !Array.isArray(folders)) return [];
    return folders.filter((f): f is string => typeof f === 'string' && f.length > 0 && f.length <= 4096);
  }

  private async saveSettings(): Promise<void> {
    const file = this.file('media-folders.json');
    if (file) await writeJson(file, { version: SETTINGS_VERSION, folders: this.settings });
  }

  /** Sidecar ids read in earlier runs, per folder's real path. */
  private async remembered(): Promise<(folder: string) => Map<string, KnownInfoId>> {
    const file = this.file('media.json');
    const data = file ? ((await readJson(file)) as MediaCache | null) : null;
    const ok = data?.version === CACHE_VERSION && typeof data.folders === 'object' && data.folders !== null;
    return (folder) => {
      const out = new Map<string, KnownInfoId>();
      const files = ok ? data.folders[folder] : undefined;
      if (typeof files !== 'object' || files === null) return out;
      for (const [rel, known] of Object.entries(files)) {
        if (typeof known?.mtimeMs === 'number' && typeof known.bytes === 'number' && (typeof known.id === 'string' || known.id === null)) out.set(rel, known);
      }
      return out;
    };
  }

  private async saveCache(): Promise<void> {
    const file = this.file('media.json');
    if (!file) return;
    const folders: MediaCache['folders'] = {};
    for (const folder of this.library.folderList()) folders[folder.path] = Object.fromEntries(folder.files.infoIds);
    await writeJson(file, { version: CACHE_VERSION, folders } satisfies MediaCache).catch((err: unknown) =>
      this.options.emit({ type: 'problem', message: `Could not save the media cache: ${String((err as Error)?.message ?? err)}` }),
    );
  }
}

async function readJson(file: string): Promise<unknown> {
  try {
    // Only a regular file: a FIFO left in the cache folder must not hang the open.
    return JSON.parse((await readRegularFile(file)).toString('utf8'));
  } catch {
    return null;
  }
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(value));
  await rename(tmp, file);
}
