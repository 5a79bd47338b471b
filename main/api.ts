/**
 * The contract between the vault service and its clients (the renderer over the Electron bridge
 * or HTTP, and the CLI). Requests are methods of `VaultApi`; pushes are `VaultEvent`s. Every
 * request's params are validated at the boundary by `paramSchemas`, which the compiler keeps
 * complete: a method without a schema does not type-check.
 */
import { z } from 'zod';
import type { GraphEdge, GraphNode, Heading, Problem, ResolvedVia, Timestamp, VaultDelta, VaultPath, Block } from './core/model';

export interface VaultInfo {
  /** Absolute folder of the vault on the host. */
  root: string;
  name: string;
  notes: number;
  files: number;
  /** False while the first index is being built. */
  ready: boolean;
  /** Whether full-text search has caught up with the vault (titles and aliases answer meanwhile). */
  searchReady: boolean;
  /** Whether this host may open another vault (the Electron app may; the web host serves one). */
  canOpenOther: boolean;
  /**
   * True while the vault folder is gone from disk (deleted, renamed, unmounted): what was indexed
   * stays readable, and the host reads the folder again when it comes back.
   */
  missing: boolean;
  /** The media library's folders: the vault itself first (id 0), then the folders the user added. */
  media: MediaRoot[];
}

// ---- the offline video library (issue 16) ------------------------------------------------------

export type { MediaRoot, MediaFileRef, LocalCopy, CaptionTrack, Chapter } from './core/media/types';
import type { MediaRoot, MediaFileRef, LocalCopy, CaptionTrack, Chapter } from './core/media/types';

/** One video the vault cites (a timestamp or a note's `videoId:`), with what the library knows of it. */
export interface VideoEntry {
  videoId: string;
  /** The `.info.json` title, else the title of the note that cites it most. */
  title: string | null;
  /** The `.info.json` channel (or uploader), else a citing note's `From: [[channel]]`. */
  channel: string | null;
  /** Seconds, from `.info.json`. */
  duration: number | null;
  /** `YYYY-MM-DD`, from `.info.json`'s `upload_date`. */
  uploadDate: string | null;
  /** Cited moments in the vault. */
  citations: number;
  /** Notes citing it. */
  notes: number;
  /** A citing note's own `media:` value (a vault path), which wins over the library. */
  noteMedia: string | null;
  /** The copy the player uses: the playable one first, then the larger. Null when there is none. */
  local: LocalCopy | null;
  /** Every file found for this id, `local` among them. */
  copies: LocalCopy[];
  captions: CaptionTrack[];
  chapters: Chapter[];
  thumbnail: MediaFileRef | null;
  /** What went wrong reading its sidecars (broken JSON, unreadable captions), one line each. */
  problems: string[];
}

export interface VideosView {
  videos: VideoEntry[];
  roots: MediaRoot[];
  /** True while some root's first scan is still running. */
  scanning: boolean;
}

export interface TranscriptCue {
  start: number;
  end: number;
  /** Plain text: tags, cue settings and inline timestamps removed. */
  text: string;
}

export interface TranscriptView {
  videoId: string;
  /** The language shown (the one asked for when it exists, else English, else the first), null when there are no captions. */
  lang: string | null;
  /** Every language this video has captions in. */
  langs: string[];
  /** The cues overlapping [from, to], in time order. */
  cues: TranscriptCue[];
  /** Why the captions could not be read, or null. */
  problem: string | null;
}

/** A search hit in what a video's captions say: "said in <title> at 12:34". */
export interface TranscriptHit {
  videoId: string;
  title: string | null;
  lang: string;
  seconds: number;
  label: string;
  /** The cue's text, cut around the match. */
  text: string;
  score: number;
  terms: string[];
}

export interface NoteSummary {
  path: VaultPath;
  title: string;
  aliases: string[];
  tags: string[];
  videoId: string | null;
  problems: number;
}

/** How a link target written in a note resolved (keyed by the target exactly as written). */
export interface LinkResolution {
  path: VaultPath | null;
  via: ResolvedVia | null;
}

export interface NoteView {
  path: VaultPath;
  title: string;
  aliases: string[];
  tags: string[];
  videoId: string | null;
  url: string | null;
  media: string | null;
  frontmatter: Record<string, unknown> | null;
  /** The note's markdown source; the renderer draws it with the shared pipeline. */
  source: string;
  headings: Heading[];
  blocks: Block[];
  timestamps: Timestamp[];
  problems: Problem[];
  /** Target as written (before `#`) → where it goes. Same-note links use the empty key. */
  resolutions: Record<string, LinkResolution>;
  mtimeMs: number;
}

export interface LinkContext {
  line: number;
  text: string;
}

export interface BacklinkGroup {
  from: VaultPath;
  title: string;
  /** The first lines that mention it, at most `CONTEXTS_PER_NOTE`, in line order. */
  contexts: LinkContext[];
  /** How many more lines of this note mention it and are left out. */
  moreContexts: number;
}

/** Caps on one answer, so that no request's cost or size grows with a pathological note or vault. */
export const CONTEXTS_PER_NOTE = 20;
export const GROUPS_PER_ANSWER = 200;

export interface Backlinks {
  path: VaultPath;
  /** The first `GROUPS_PER_ANSWER` linking notes, by path. */
  linked: BacklinkGroup[];
  /** How many more notes link here and are left out of `linked`. */
  moreLinked: number;
  /** Plain-text mentions of the title or an alias that are not links. */
  unlinked: BacklinkGroup[];
}

export interface OutgoingLink {
  target: string;
  subpath: string | null;
  path: VaultPath | null;
  via: ResolvedVia | null;
  subpathFound: boolean | null;
  embed: boolean;
  line: number;
}

export interface UnresolvedTarget {
  target: string;
  /** The first `GROUPS_PER_ANSWER` notes linking to it, by path. */
  linkers: BacklinkGroup[];
  /** How many more notes link to it and are left out of `linkers`. */
  moreLinkers: number;
}

export interface SearchHit {
  path: VaultPath;
  title: string;
  score: number;
  snippet: string;
  /** 1-based line of the best match in the note, when the match is in the body. */
  line: number | null;
  /** The query terms as matched in the note, for highlighting. */
  terms: string[];
  /** The best few matching lines, best first (the first is `snippet`/`line`), for the grouped results pane. */
  snippets?: SearchSnippet[];
  /** How many lines of the note match. */
  matches?: number;
}

export interface SearchSnippet {
  /** 1-based file line. */
  line: number;
  /** Plain text of the line, cut around the match. */
  text: string;
}

export interface SearchHits {
  hits: SearchHit[];
  ms: number;
  /** True while the full-text index is still being built; hits then come from titles and aliases. */
  indexing: boolean;
  /** A message when the query could not be understood. */
  error: string | null;
  /** How many notes match in all (`hits` holds the best `limit`); an upper bound when phrase checks were cut short. */
  total?: number;
  /** Matches in video transcripts, best first (absent when there are none or transcripts are still loading). */
  said?: TranscriptHit[];
}

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Notes matched to the graph's query groups: each note once, with the first group it matches. */
export interface GroupMatches {
  paths: VaultPath[];
  /** `groups[i]` is the index (into the queries asked) of the first group `paths[i]` matches. */
  groups: number[];
  /** Per query: why it could not be understood, or null. */
  errors: (string | null)[];
  /** True while full-text search is still being built: nothing is matched yet, ask again on `search-ready`. */
  indexing: boolean;
}

/** When each note was created, for the graph's time-lapse: one number per note, in ms (null when unknown). */
export interface NoteTimes {
  paths: VaultPath[];
  created: (number | null)[];
}

export interface Citation {
  path: VaultPath;
  title: string;
  seconds: number;
  label: string;
  line: number;
  /** The sentence or list item around the timestamp, as plain text. */
  text: string;
}

export interface VideoCitations {
  videoId: string;
  /** The title of the note(s) citing it with this `videoId` in front matter. */
  title: string | null;
  /** The `From: [[channel]]` link of a citing note, when it has one. */
  channel: string | null;
  /** A citing note's `media:` value (a vault path). */
  media: string | null;
  /** The media library's copy of this video, when it has one. */
  local: LocalCopy | null;
  citations: Citation[];
}

export interface CitationsView {
  videos: VideoCitations[];
}

export interface VaultApi {
  getVault(params: Record<string, never>): Promise<VaultInfo | null>;
  /** `force` opens a folder refused as too large (`too-large`): a whole disk, a home folder. */
  openVault(params: { root: string; force?: boolean | undefined }): Promise<VaultInfo>;
  listNotes(params: Record<string, never>): Promise<NoteSummary[]>;
  openNote(params: { path: string }): Promise<NoteView>;
  backlinks(params: { path: string }): Promise<Backlinks>;
  outgoing(params: { path: string }): Promise<OutgoingLink[]>;
  unresolved(params: { target?: string | undefined }): Promise<UnresolvedTarget[]>;
  graph(params: Record<string, never>): Promise<GraphData>;
  search(params: { query: string; limit?: number | undefined }): Promise<SearchHits>;
  /** Every note matching the queries, each assigned the first one it matches (graph groups, lit search hits). */
  matchGroups(params: { queries: string[] }): Promise<GroupMatches>;
  /** Front-matter `created`/`date`, else the file's birth time, for every note. */
  noteTimes(params: Record<string, never>): Promise<NoteTimes>;
  citations(params: { videoId?: string | undefined }): Promise<CitationsView>;
  /** Every video the vault cites, or the one asked for (also when no timestamp cites it yet). */
  videos(params: { videoId?: string | undefined }): Promise<VideosView>;
  /** A video's caption cues around a moment (default: all of them). */
  transcript(params: { videoId: string; lang?: string | undefined; from?: number | undefined; to?: number | undefined }): Promise<TranscriptView>;
  /** Adds a media folder for this vault (kept in its settings); refused like a vault folder that is too large. */
  addMediaFolder(params: { path: string; force?: boolean | undefined }): Promise<MediaRoot[]>;
  /** Removes a folder added in Settings (the vault itself cannot be removed). */
  removeMediaFolder(params: { id: number }): Promise<MediaRoot[]>;
}

export type ApiMethod = keyof VaultApi;

const empty = z.object({}).strict();
const notePath = z.string().min(1).max(4096);

export const paramSchemas = {
  getVault: empty,
  openVault: z.object({ root: z.string().min(1).max(4096), force: z.boolean().optional() }).strict(),
  listNotes: empty,
  openNote: z.object({ path: notePath }).strict(),
  backlinks: z.object({ path: notePath }).strict(),
  outgoing: z.object({ path: notePath }).strict(),
  unresolved: z.object({ target: z.string().max(4096).optional() }).strict(),
  graph: empty,
  search: z.object({ query: z.string().max(1000), limit: z.number().int().min(1).max(500).optional() }).strict(),
  matchGroups: z.object({ queries: z.array(z.string().max(1000)).max(64) }).strict(),
  noteTimes: empty,
  citations: z.object({ videoId: z.string().max(64).optional() }).strict(),
  videos: z.object({ videoId: z.string().max(64).optional() }).strict(),
  transcript: z
    .object({
      videoId: z.string().min(1).max(64),
      lang: z.string().max(64).optional(),
      from: z.number().min(0).max(1e7).optional(),
      to: z.number().min(0).max(1e7).optional(),
    })
    .strict(),
  addMediaFolder: z.object({ path: z.string().min(1).max(4096), force: z.boolean().optional() }).strict(),
  removeMediaFolder: z.object({ id: z.number().int().min(1).max(1000) }).strict(),
} satisfies { [M in ApiMethod]: z.ZodType<Parameters<VaultApi[M]>[0]> };

export type ApiErrorCode = 'bad-method' | 'bad-params' | 'not-found' | 'no-vault' | 'forbidden' | 'too-large' | 'internal';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: { code: ApiErrorCode; message: string } };

export type VaultEvent =
  | { type: 'indexing'; done: number; total: number }
  | { type: 'ready'; vault: VaultInfo }
  | { type: 'search-ready' }
  | { type: 'changed'; delta: VaultDelta }
  | { type: 'vault-missing'; root: string }
  /** The missing folder is back and was read again; a `changed` event carried what differs. */
  | { type: 'vault-restored'; root: string }
  | { type: 'vault-closed' }
  /** The media library changed: a scan finished or progressed, a file came or went, a folder went missing or came back. */
  | { type: 'media-changed'; roots: MediaRoot[] }
  /** Transcripts are loaded and searchable. */
  | { type: 'transcripts-ready'; videos: number }
  | { type: 'problem'; message: string };
