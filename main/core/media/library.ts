/**
 * The offline video library: media roots (the vault as root 0, added folders from 1), the files in
 * them grouped by the video they belong to, and what a video's sidecars say. Names are grouped in
 * memory (rebuilt only after a change); sizes and `.info.json` contents are read when a video is
 * asked for, and kept while the file's mtime and size stay the same.
 */
import type { CaptionTrack, Chapter, LocalCopy, MediaFileRef, MediaRoot } from './types';
import type { CaptionFile, CaptionSource } from './model';
import { readInfoJson, type InfoResult } from './info-json';
import { MediaFolder, realMediaFolder, type MediaFolderOptions } from './media-folder';
import { idFromName, type ParsedName } from './names';
import { compareCopies, playability } from './playability';
import { RootFiles, type KnownInfoId } from './root-files';

/** What the library knows of one video. */
export interface LibraryVideo {
  title: string | null;
  channel: string | null;
  duration: number | null;
  uploadDate: string | null;
  local: LocalCopy | null;
  copies: LocalCopy[];
  captions: CaptionTrack[];
  chapters: Chapter[];
  thumbnail: MediaFileRef | null;
  problems: string[];
}

interface Found {
  root: RootFiles;
  rel: string;
  parsed: ParsedName;
}

interface Group {
  media: Found[];
  captions: Found[];
  infos: Found[];
  thumbnails: Found[];
}

export interface LibraryOptions {
  maxFiles: number;
  watch: boolean;
  rootCheckMs?: number | undefined;
  /** The library changed: a folder's scan progressed or ended, a file came or went, a folder went or came back. */
  onChange(): void;
  onProblem(message: string): void;
}

const THUMBNAIL_ORDER = ['webp', 'jpg', 'jpeg', 'png'];

export class MediaLibrary implements CaptionSource {
  readonly vault: RootFiles;
  private readonly folders: MediaFolder[] = [];
  private nextId = 1;
  private grouped: { key: string; groups: Map<string, Group> } | null = null;
  private readonly infoCache = new Map<string, { mtimeMs: number; bytes: number; result: InfoResult }>();
  private readonly captionListeners = new Set<() => void>();
  private captionKey = '';
  /** Ids the vault cites: names in brackets that are not YouTube ids count only when cited. */
  private cited: ReadonlySet<string> = new Set();
  private closed = false;

  constructor(
    vaultRoot: string,
    private readonly vaultMissing: () => boolean,
    private readonly options: LibraryOptions,
  ) {
    this.vault = new RootFiles(0, vaultRoot);
  }

  /** Ids the vault cites now; call after every vault change (it is cheap when nothing differs). */
  setCited(ids: Iterable<string>): void {
    const next = new Set(ids);
    if (next.size === this.cited.size && [...next].every((id) => this.cited.has(id))) return;
    this.cited = next;
    this.grouped = null;
    this.changed();
  }

  /**
   * Adds a folder. Resolves once its names are listed (so a folder that is too large is refused
   * here); the rest of its first scan goes on in the background.
   */
  async addFolder(path: string, origin: 'command-line' | 'settings', opts: { force?: boolean; remembered?: (realPath: string) => Map<string, KnownInfoId> } = {}): Promise<MediaFolder> {
    const real = await realMediaFolder(path, opts.force === true);
    const existing = this.folders.find((f) => f.path === real);
    if (existing) return existing;
    const folderOptions: MediaFolderOptions = {
      maxFiles: opts.force ? Infinity : this.options.maxFiles,
      watch: this.options.watch,
      rootCheckMs: this.options.rootCheckMs,
      remembered: opts.remembered?.(real),
      onChange: () => this.changed(),
      onProblem: (message) => this.options.onProblem(message),
    };
    const folder = new MediaFolder(this.nextId++, real, origin, folderOptions);
    this.folders.push(folder);
    try {
      await folder.start();
    } catch (err) {
      this.folders.splice(this.folders.indexOf(folder), 1);
      // A refused folder leaves no gap: ids name folders in URLs, and stay as they were given.
      if (this.nextId === folder.id + 1) this.nextId--;
      throw err;
    }
    return folder;
  }

  async removeFolder(id: number): Promise<boolean> {
    const folder = this.folders.find((f) => f.id === id);
    if (!folder) return false;
    this.folders.splice(this.folders.indexOf(folder), 1);
    await folder.close();
    this.changed();
    return true;
  }

  folderList(): readonly MediaFolder[] {
    return this.folders;
  }

  /** A root by id, for serving its files; null when unknown or missing. */
  root(id: number): RootFiles | null {
    if (id === 0) return this.vaultMissing() ? null : this.vault;
    const folder = this.folders.find((f) => f.id === id);
    return folder && !folder.missing ? folder.files : null;
  }

  roots(): MediaRoot[] {
    const vault: MediaRoot = { id: 0, path: this.vault.abs, origin: 'vault', missing: this.vaultMissing(), scanning: false, files: this.vault.files.size, problem: null };
    return [vault, ...this.folders.map((f) => ({ id: f.id, path: f.path, origin: f.origin, missing: f.missing, scanning: f.scanning, files: f.files.files.size, problem: f.problem }))];
  }

  get scanning(): boolean {
    return this.folders.some((f) => f.scanning);
  }

  /** Every id some file in the library belongs to (YouTube-form ids and cited ones). */
  ids(): string[] {
    return [...this.groups().keys()];
  }

  /** What the library knows of each asked-for video (absent ids have no files at all). */
  async videos(ids: Iterable<string>): Promise<Map<string, LibraryVideo>> {
    const groups = this.groups();
    const out = new Map<string, LibraryVideo>();
    for (const id of ids) {
      const group = groups.get(id);
      if (group) out.set(id, await this.describe(group));
    }
    return out;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.folders.map((f) => f.close()));
  }

  // ---- CaptionSource ---------------------------------------------------------------------------

  captionFiles(): CaptionFile[] {
    const files: CaptionFile[] = [];
    for (const [videoId, group] of this.groups()) {
      for (const { root, rel, parsed } of group.captions) {
        const known = root.knownStat(rel);
        if (!known) continue;
        files.push({ videoId, lang: parsed.lang ?? 'und', format: parsed.ext as 'vtt' | 'srt', root: root.id, path: rel, abs: root.absOf(rel), bytes: known.bytes, mtimeMs: known.mtimeMs });
      }
    }
    return files;
  }

  onCaptionsChanged(listener: () => void): () => void {
    this.captionListeners.add(listener);
    return () => this.captionListeners.delete(listener);
  }

  // ---- internals -------------------------------------------------------------------------------

  private changed(): void {
    if (this.closed) return;
    this.grouped = null;
    this.options.onChange();
    // Caption listeners hear only of changes to the caption files themselves.
    const key = this.captionFiles()
      .map((c) => `${c.root}/${c.path}/${c.videoId}/${c.bytes}/${c.mtimeMs}`)
      .join('\n');
    if (key === this.captionKey) return;
    this.captionKey = key;
    for (const listener of this.captionListeners) listener();
  }

  private liveRoots(): RootFiles[] {
    const roots = this.vaultMissing() ? [] : [this.vault];
    for (const folder of this.folders) if (!folder.missing) roots.push(folder.files);
    return roots;
  }

  private groups(): Map<string, Group> {
    const roots = this.liveRoots();
    const key = roots.map((r) => `${r.id}:${r.version}`).join(',');
    if (this.grouped?.key === key) return this.grouped.groups;
    const groups = new Map<string, Group>();
    for (const root of roots) {
      for (const [rel, parsed] of root.files) {
        const id = idFromName(parsed, this.cited) ?? pairedId(root, rel, parsed);
        if (id === null) continue;
        let group = groups.get(id);
        if (!group) groups.set(id, (group = { media: [], captions: [], infos: [], thumbnails: [] }));
        const found = { root, rel, parsed };
        if (parsed.kind === 'media') group.media.push(found);
        else if (parsed.kind === 'caption') group.captions.push(found);
        else if (parsed.kind === 'info') group.infos.push(found);
        else group.thumbnails.push(found);
      }
    }
    this.grouped = { key, groups };
    return groups;
  }

  private async describe(group: Group): Promise<LibraryVideo> {
    const problems: string[] = [];
    // The chosen copy's codecs come from its own sidecar, so sidecars are read first.
    const infos = new Map<string, InfoResult>();
    for (const found of group.infos) {
      const result = await this.readInfo(found);
      if (result) infos.set(stemKey(found), result);
      if (result && !result.ok) problems.push(result.problem);
    }
    const copies: LocalCopy[] = [];
    for (const found of group.media) {
      const known = await found.root.stat(found.rel);
      if (!known) continue;
      const info = infos.get(stemKey(found));
      const codecs = info?.ok ? info.info : {};
      copies.push({ ...ref(found, known.bytes), format: found.parsed.ext, ...playability(found.parsed.ext, codecs) });
    }
    copies.sort(compareCopies);
    const local = copies[0] ?? null;
    const chosenStem = local ? `${local.root}:${stemOfPath(local.path, group.media)}` : null;
    const goodInfos = group.infos.map((f) => ({ f, r: infos.get(stemKey(f)) })).filter((x) => x.r?.ok);
    const best = goodInfos.find((x) => stemKey(x.f) === chosenStem) ?? goodInfos[0];
    const info = best?.r?.ok ? best.r.info : null;
    const captions: CaptionTrack[] = [];
    for (const found of group.captions) {
      const known = await found.root.stat(found.rel);
      if (known) captions.push({ ...ref(found, known.bytes), lang: found.parsed.lang ?? 'und', format: found.parsed.ext as 'vtt' | 'srt' });
    }
    captions.sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : a.root - b.root || (a.path < b.path ? -1 : 1)));
    const thumbs = [...group.thumbnails].sort((a, b) => Number(stemKey(b) === chosenStem) - Number(stemKey(a) === chosenStem) || THUMBNAIL_ORDER.indexOf(a.parsed.ext) - THUMBNAIL_ORDER.indexOf(b.parsed.ext));
    let thumbnail: MediaFileRef | null = null;
    for (const found of thumbs) {
      const known = await found.root.stat(found.rel);
      if (known) {
        thumbnail = ref(found, known.bytes);
        break;
      }
    }
    return {
      title: info?.title ?? null,
      channel: info?.channel ?? null,
      duration: info?.duration ?? null,
      uploadDate: info?.uploadDate ?? null,
      local,
      copies,
      captions,
      chapters: info?.chapters ?? [],
      thumbnail,
      problems,
    };
  }

  private async readInfo(found: Found): Promise<InfoResult | null> {
    const known = await found.root.stat(found.rel);
    if (!known) return null;
    const abs = found.root.absOf(found.rel);
    const cached = this.infoCache.get(abs);
    if (cached && cached.mtimeMs === known.mtimeMs && cached.bytes === known.bytes) return cached.result;
    const result = await readInfoJson(abs, found.rel);
    this.infoCache.set(abs, { ...known, result });
    return result;
  }
}

/** A file named without an id belongs to the video its folder's `<stem>.info.json` names. */
function pairedId(root: RootFiles, rel: string, parsed: ParsedName): string | null {
  const slash = rel.lastIndexOf('/');
  const info = `${slash < 0 ? '' : rel.slice(0, slash + 1)}${parsed.stem}.info.json`;
  return root.infoIds.get(info)?.id ?? null;
}

function stemKey(found: Found): string {
  const slash = found.rel.lastIndexOf('/');
  return `${found.root.id}:${slash < 0 ? '' : found.rel.slice(0, slash + 1)}${found.parsed.stem}`;
}

function stemOfPath(path: string, media: Found[]): string {
  const found = media.find((f) => f.rel === path)!;
  const slash = path.lastIndexOf('/');
  return `${slash < 0 ? '' : path.slice(0, slash + 1)}${found.parsed.stem}`;
}

function ref(found: Found, bytes: number): MediaFileRef {
  return { root: found.root.id, path: found.rel, name: found.rel.slice(found.rel.lastIndexOf('/') + 1), bytes };
}
