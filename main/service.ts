/**
 * VaultService implements the VaultApi for whichever vault is open. Hosts (Electron IPC, the web
 * host, the CLI) call it through `dispatch.callApi`; it pushes `VaultEvent`s to its listeners.
 */
import { realpath } from 'node:fs/promises';
import { basename } from 'node:path';
import type {
  Backlinks,
  BacklinkGroup,
  CitationsView,
  GraphData,
  GroupMatches,
  NoteTimes,
  LinkResolution,
  NoteSummary,
  NoteView,
  OutgoingLink,
  SearchHits,
  UnresolvedTarget,
  VaultApi,
  VaultEvent,
  VaultInfo,
  VideoCitations,
  VideosView,
  TranscriptView,
  MediaRoot,
} from './api';
import { GROUPS_PER_ANSWER } from './api';
import { quotesOf } from './core/citations';
import type { NoteRecord, VaultPath } from './core/model';
import { toVaultPath } from './core/paths';
import { diskPath } from './core/read-note';
import { isInside } from './core/scan';
import { LineTable } from './core/line-table';
import { nameKey } from './core/syntax/keys';
import { realVaultRoot, VaultSession } from './vault-session';
import { mentionGroup } from './mention-group';
import { NoteSearch } from './note-search';
import { noteTimes } from './note-times';
import { MediaService } from './media-service';
import { ServiceError } from './service-error';
import { TranscriptService } from './transcript-service';
import { videoNotes } from './video-notes';

export { ServiceError };

export interface ServiceOptions {
  /** The Electron app may switch vaults; the web host serves the one it was started on. */
  canOpenOther: boolean;
  /** Where warm-start snapshots and search caches live; null keeps nothing on disk. */
  cacheDir?: string | null;
  /** Off for one-shot uses (the CLI). */
  watch?: boolean;
  /** Build full-text search in the background (off for the CLI's index command). */
  search?: boolean;
  /** Load video transcripts after search is ready (default on; the CLI loads them for `search` only). */
  transcripts?: boolean;
  /**
   * Opening refuses (`too-large`) past this many files unless forced; default `CAIRN_MAX_FILES` or
   * 200,000, far past real vaults (the largest measured here: 100k notes) and below a home folder.
   */
  maxFiles?: number;
  /** How often a missing vault folder is looked for (default 1 s). */
  rootCheckMs?: number;
  /** Media folders given on the command line (`--media`), for this run only. */
  media?: readonly string[];
}

const DEFAULT_MAX_FILES = 200_000;

function maxFilesFromEnv(): number {
  const raw = process.env['CAIRN_MAX_FILES'];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_FILES;
}

export class VaultService implements VaultApi {
  private session: VaultSession | null = null;
  private search_: NoteSearch | null = null;
  private media_: MediaService | null = null;
  private transcripts_: TranscriptService | null = null;
  private opening: Promise<VaultInfo> | null = null;
  /** What `getVault` answers while a vault is being opened: its folder, not ready yet. */
  private openingInfo: VaultInfo | null = null;
  private readonly listeners = new Set<(event: VaultEvent) => void>();

  constructor(private readonly options: ServiceOptions) {}

  onEvent(listener: (event: VaultEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: VaultEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // one broken listener (a closed HTTP stream) must not stop the others
      }
    }
  }

  /** The open session, for hosts and tests that need more than the API (the web host's asset route). */
  get current(): VaultSession | null {
    return this.session;
  }

  /** The open vault's media library, for hosts and tests (the CLI waits on its first scan). */
  get media(): MediaService | null {
    return this.media_;
  }

  async close(): Promise<void> {
    await this.transcripts_?.close();
    this.transcripts_ = null;
    await this.media_?.close();
    await this.search_?.close();
    await this.session?.close();
    this.session = null;
    this.search_ = null;
    this.media_ = null;
  }

  // ---- VaultApi --------------------------------------------------------------------------------

  /** Resolves once full-text search has caught up with the open vault. */
  async searchReady(): Promise<void> {
    await this.search_?.whenReady();
  }

  /** Resolves once the open vault's transcripts are loaded (at once when it has none to load). */
  async transcriptsReady(): Promise<void> {
    await this.transcripts_?.whenLoaded();
  }

  async getVault(): Promise<VaultInfo | null> {
    return this.session ? this.info(this.session) : this.openingInfo;
  }

  async openVault({ root, force }: { root: string; force?: boolean | undefined }): Promise<VaultInfo> {
    if (this.session && !this.options.canOpenOther) throw new ServiceError('forbidden', 'This host serves one vault; start it on another to read that one.');
    if (this.opening) await this.opening.catch(() => undefined);
    this.opening = this.doOpen(root, force === true ? Infinity : (this.options.maxFiles ?? maxFilesFromEnv()));
    try {
      return await this.opening;
    } finally {
      this.opening = null;
    }
  }

  private async doOpen(root: string, maxFiles: number): Promise<VaultInfo> {
    // A folder that cannot be opened at all (missing, a filesystem root) leaves the open vault as it was.
    const real = await realVaultRoot(root, maxFiles);
    await this.close();
    this.emit({ type: 'vault-closed' });
    // A page that connects while a big vault opens shows its progress instead of "no vault".
    this.openingInfo = { root: real, name: basename(real), notes: 0, files: 0, ready: false, searchReady: false, canOpenOther: this.options.canOpenOther, missing: false, media: [] };
    try {
      return await this.openSession(root, maxFiles);
    } finally {
      this.openingInfo = null;
    }
  }

  private async openSession(root: string, maxFiles: number): Promise<VaultInfo> {
    const search = this.options.search === false ? null : new NoteSearch(this.options.cacheDir ?? null, () => this.emit({ type: 'search-ready' }));
    const session = await VaultSession.open(root, {
      cacheDir: this.options.cacheDir ?? null,
      watch: this.options.watch,
      maxFiles,
      rootCheckMs: this.options.rootCheckMs,
      emit: (e) => {
        this.emit(e);
        if (e.type === 'vault-missing' || e.type === 'vault-restored') this.media_?.vaultStateChanged();
      },
      onApplied: (delta) => search?.apply(delta),
      onUpdates: (updates) => this.media_?.vaultUpdated(updates),
    });
    this.session = session;
    this.search_ = search;
    this.media_ = new MediaService(session, {
      cacheDir: this.options.cacheDir ?? null,
      folders: this.options.media ?? [],
      watch: this.options.watch !== false,
      maxFiles: this.options.maxFiles ?? maxFilesFromEnv(),
      rootCheckMs: this.options.rootCheckMs,
      emit: (e) => this.emit(e),
    });
    search?.start(session.root, session.index);
    const media = this.media_;
    const transcripts = new TranscriptService((e) => this.emit(e), async (ids) => {
      const found = await media.library.videos(ids);
      return new Map(ids.map((id) => [id, found.get(id)?.title ?? videoTitle(session, id)]));
    });
    this.transcripts_ = transcripts;
    // After note search and the media scan: loading transcripts must never slow the vault's open
    // or note search, and the first load should see every caption file there is.
    if (this.options.transcripts !== false) transcripts.start(media.library, Promise.all([search?.whenReady(), media.scanned()]).then(() => undefined));
    const info = this.info(session);
    this.emit({ type: 'ready', vault: info });
    return info;
  }

  async listNotes(): Promise<NoteSummary[]> {
    const session = this.need();
    return session.index
      .notes()
      .map((r) => ({ path: r.path, title: r.title, aliases: r.aliases, tags: r.tags, videoId: r.videoId, problems: r.problems.length }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  async openNote({ path }: { path: string }): Promise<NoteView> {
    const session = this.need();
    const record = this.record(session, path);
    const source = await session.readSource(record.path);
    const resolutions: Record<string, LinkResolution> = {};
    for (const link of session.index.links(record.path)) resolutions[link.target] = { path: link.path, via: link.via };
    return {
      path: record.path,
      title: record.title,
      aliases: record.aliases,
      tags: record.tags,
      videoId: record.videoId,
      url: record.url,
      media: record.media,
      frontmatter: record.frontmatter,
      source,
      headings: record.headings,
      blocks: record.blocks,
      timestamps: record.timestamps,
      problems: record.problems,
      resolutions,
      mtimeMs: session.mtimeOf(record.path),
    };
  }

  async backlinks({ path }: { path: string }): Promise<Backlinks> {
    const session = this.need();
    const record = this.record(session, path);
    const linkers = [...session.index.backlinks(record.path).keys()].filter((from) => from !== record.path).sort();
    const shown = linkers.slice(0, GROUPS_PER_ANSWER);
    const linked: BacklinkGroup[] = [];
    for (const from of shown) {
      const lines: number[] = [];
      for (const link of session.index.links(from)) if (link.path === record.path) lines.push(link.line);
      linked.push(mentionGroup(from, this.titleOf(session, from), lines, new LineTable(await session.readSource(from))));
    }
    const unlinked = this.search_ ? await this.search_.unlinkedMentions(record, new Set(linkers), (p) => session.readSource(p), (p) => this.titleOf(session, p)) : [];
    return { path: record.path, linked, moreLinked: linkers.length - shown.length, unlinked };
  }

  async outgoing({ path }: { path: string }): Promise<OutgoingLink[]> {
    const session = this.need();
    const record = this.record(session, path);
    return session.index.links(record.path).map((l) => ({ target: l.target, subpath: l.subpath, path: l.path, via: l.via, subpathFound: l.subpathFound, embed: l.embed, line: l.line }));
  }

  async unresolved({ target }: { target?: string | undefined }): Promise<UnresolvedTarget[]> {
    const session = this.need();
    let entries: [string, VaultPath[]][];
    if (target === undefined) entries = [...session.index.unresolved()];
    else {
      const one = session.index.unresolvedLinkers(target.normalize('NFC').trim());
      entries = one ? [[one.target, one.from]] : [];
    }
    // Each linking note is read, and its links walked, once for all the targets asked about (a note
    // with 50,000 missing targets was once read and walked once per target).
    const wanted = new Map<VaultPath, Set<string>>();
    for (const [name, linkers] of entries) {
      for (const from of linkers.slice(0, GROUPS_PER_ANSWER)) {
        let keys = wanted.get(from);
        if (!keys) wanted.set(from, (keys = new Set()));
        keys.add(nameKey(name));
      }
    }
    const groups = new Map<string, BacklinkGroup>();
    for (const [from, keys] of wanted) {
      const lines = new Map<string, number[]>();
      for (const link of session.index.links(from)) {
        if (link.path !== null) continue;
        const key = nameKey(link.target);
        if (!keys.has(key)) continue;
        const list = lines.get(key);
        if (list) list.push(link.line);
        else lines.set(key, [link.line]);
      }
      const table = new LineTable(await session.readSource(from));
      for (const key of keys) groups.set(`${key}\u0000${from}`, mentionGroup(from, this.titleOf(session, from), lines.get(key) ?? [], table));
    }
    return entries.map(([name, linkers]) => {
      const shown = linkers.slice(0, GROUPS_PER_ANSWER);
      return { target: name, linkers: shown.map((from) => groups.get(`${nameKey(name)}\u0000${from}`)!), moreLinkers: linkers.length - shown.length };
    });
  }

  async graph(): Promise<GraphData> {
    return this.need().index.graph();
  }

  async search({ query, limit }: { query: string; limit?: number | undefined }): Promise<SearchHits> {
    this.need();
    if (!this.search_) return { hits: [], ms: 0, indexing: false, error: 'Search is off for this host.' };
    const notes = this.search_.search(query, limit ?? 50);
    return this.transcripts_ ? this.transcripts_.withSaid(notes, query) : notes;
  }

  async matchGroups({ queries }: { queries: string[] }): Promise<GroupMatches> {
    this.need();
    const errors = queries.map(() => (this.search_ ? null : 'Search is off for this host.'));
    const matches = this.search_ ? await this.search_.matchGroups(queries) : null;
    return matches ? { ...matches, indexing: false } : { paths: [], groups: [], errors, indexing: this.search_ !== null };
  }

  async noteTimes(): Promise<NoteTimes> {
    return noteTimes(this.need());
  }

  async citations({ videoId }: { videoId?: string | undefined }): Promise<CitationsView> {
    const session = this.need();
    const ids = videoId === undefined ? session.index.videos() : [videoId];
    const videos: VideoCitations[] = [];
    for (const id of ids) {
      const citing = session.index.citing(id);
      if (citing.length === 0) continue;
      const facts = await videoNotes(session, id, citing);
      const video: VideoCitations = { videoId: id, title: facts.title, channel: facts.channel, media: facts.media, local: null, citations: [] };
      for (const path of citing) {
        const record = session.index.note(path)!;
        const source = await session.readSource(path);
        for (const { timestamp, text } of quotesOf(record, source, id)) {
          video.citations.push({ path, title: record.title, seconds: timestamp.seconds, label: timestamp.label, line: timestamp.line, text });
        }
      }
      video.citations.sort((a, b) => a.seconds - b.seconds || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
      videos.push(video);
    }
    const local = await this.media_?.localCopies(videos.map((v) => v.videoId));
    for (const video of videos) video.local = local?.get(video.videoId) ?? null;
    return { videos };
  }

  async videos({ videoId }: { videoId?: string | undefined }): Promise<VideosView> {
    this.need();
    return this.media_!.videos(videoId);
  }

  async transcript(params: { videoId: string; lang?: string | undefined; from?: number | undefined; to?: number | undefined }): Promise<TranscriptView> {
    this.need();
    return this.transcripts_!.transcript(params);
  }

  async addMediaFolder({ path, force }: { path: string; force?: boolean | undefined }): Promise<MediaRoot[]> {
    this.need();
    return this.media_!.addFolder(path, force === true);
  }

  async removeMediaFolder({ id }: { id: number }): Promise<MediaRoot[]> {
    this.need();
    return this.media_!.removeFolder(id);
  }

  // ---- helpers for hosts -------------------------------------------------------------------------

  /**
   * The absolute path of a vault file the page asked for, or null when it is outside the vault
   * (`..`, an absolute path, a symlink that leads out) or missing.
   */
  async assetPath(vaultRelative: string): Promise<string | null> {
    const session = this.session;
    if (!session) return null;
    const path = toVaultPath(vaultRelative);
    if (!path || path.split('/').some((s) => s.startsWith('.'))) return null;
    const real = await realpath(await diskPath(session.root, path)).catch(() => null);
    if (!real || !isInside(session.root, real)) return null;
    return real;
  }

  /** The absolute path of a file in a media root (0 is the vault), or null; see `MediaService.mediaPath`. */
  async mediaPath(root: number, relative: string): Promise<string | null> {
    return (await this.media_?.mediaPath(root, relative)) ?? null;
  }

  // ---- internals ---------------------------------------------------------------------------------

  private info(session: VaultSession): VaultInfo {
    const stats = session.index.stats();
    return { root: session.root, name: session.name, notes: stats.notes, files: stats.files, ready: true, searchReady: this.search_?.ready ?? false, canOpenOther: this.options.canOpenOther, missing: session.missing, media: this.media_?.roots() ?? [] };
  }

  private need(): VaultSession {
    if (!this.session) throw new ServiceError('no-vault', 'No vault is open.');
    return this.session;
  }

  private record(session: VaultSession, raw: string): NoteRecord {
    const path = toVaultPath(raw);
    const record = path ? session.index.note(path) : undefined;
    if (!record) throw new ServiceError('not-found', `No note at ${raw}.`);
    return record;
  }

  private titleOf(session: VaultSession, path: VaultPath): string {
    return session.index.note(path)?.title ?? path;
  }
}

/** A video's title for transcript hits: the title of the note that names it in its front matter. */
function videoTitle(session: VaultSession, videoId: string): string | null {
  for (const path of session.index.citing(videoId)) {
    const record = session.index.note(path);
    if (record?.videoId === videoId) return record.title;
  }
  return null;
}
