/**
 * The vault model shared by every part of Cairn. Both note parsers (the remark reference in
 * `markdown/` and the fast extractor in `extract/`) produce exactly a `NoteRecord`; the
 * differential test compares them field by field, so every field below is defined precisely.
 *
 * Conventions that make the two parsers comparable:
 * - `line` is 1-based and counts every line of the file, front matter included.
 * - Text fields are raw source slices (trimmed), never re-rendered markdown, so both parsers can
 *   agree without re-implementing each other's inline rules. Normalising for comparison
 *   (case, formatting) is done later by shared helpers (`headingKey`, `slugKey`).
 */

/** A vault-relative POSIX path in Unicode NFC, with its extension, e.g. `notes/Kafka.md`. */
export type VaultPath = string & { readonly __brand: 'VaultPath' };

export interface Heading {
  /** 1–6. */
  level: number;
  /** Raw source of the heading's content: ATX markers and closing `#`s removed, trimmed. Setext content lines are joined with a single space. */
  text: string;
  line: number;
}

/** A `^block-id` that ends a paragraph or list item line (`text ^id`), or stands alone on the line after it. */
export interface Block {
  id: string;
  line: number;
}

export interface LinkRef {
  /** `wiki` for `[[...]]` and `![[...]]`; `markdown` for `[text](dest)` / `![alt](dest)` pointing at a vault file. */
  kind: 'wiki' | 'markdown';
  /**
   * What the link names, before any `#`, trimmed. Empty for a same-note link (`[[#Heading]]`).
   * Markdown links: the destination percent-decoded, without `<>`, query or fragment.
   */
  target: string;
  /** Everything after the first `#` (e.g. `Heading`, `Heading#Sub`, `^block-id`), trimmed; null when there is none. */
  subpath: string | null;
  /** Wikilinks: the trimmed text after the first unescaped `|`, else null. Markdown links: the link text (raw, trimmed), or null when empty. */
  alias: string | null;
  embed: boolean;
  line: number;
  /**
   * Present (true) on a link written in a property (front matter), as Obsidian 1.4+ counts them:
   * always a wikilink, at the line of the YAML where it is written. Absent on links of the body.
   */
  property?: true;
}

export type TimestampKind = 'anchor' | 'url' | 'bare';

export interface Timestamp {
  seconds: number;
  /** Canonical label: `HH:MM:SS` when written with hours or ≥ 1 h, else `MM:SS` (always two-digit fields). */
  label: string;
  /** The anchor's or URL's own video, else the note's `videoId`, else null. */
  videoId: string | null;
  kind: TimestampKind;
  line: number;
}

export type ProblemCode =
  | 'yaml' // front matter is not valid YAML (the note is still indexed, without front matter fields)
  | 'front-matter-shape' // front matter is valid YAML but a known field has the wrong type
  | 'bad-timestamp' // a timestamp whose value cannot be a time
  | 'binary' // the file looks binary (NUL bytes)
  | 'encoding' // not valid UTF-8 (decoded with replacement characters)
  | 'too-large' // over the size limit: indexed, text truncated for search
  | 'unreadable' // could not be read (vanished, permissions)
  | 'parse'; // a parser failed on this note

export interface Problem {
  code: ProblemCode;
  message: string;
  line?: number;
}

export interface NoteRecord {
  path: VaultPath;
  /** Front-matter `title` when it is a non-empty string, else the file name without `.md`. */
  title: string;
  /** Front-matter `aliases` (or `alias`): a list, or one string (comma-separated values split); trimmed, empty dropped. */
  aliases: string[];
  /**
   * Front-matter `tags` (or `tag`; list or string, split on commas and whitespace, leading `#` dropped)
   * then inline `#tags` in order of appearance; deduplicated case-sensitively, first occurrence kept.
   * Inline: `#` at line start or after whitespace, then letters, digits, `_`, `-`, `/`; not all digits;
   * never inside code, HTML, link destinations or wikilinks.
   */
  tags: string[];
  /** Front-matter `videoId` (string), else the id from a YouTube `url:`/`source:`, else null. */
  videoId: string | null;
  /** Front-matter `url` or `source` when a string, else null. */
  url: string | null;
  /** Front-matter `media`: a vault-relative path to a local audio/video file, else null. */
  media: string | null;
  /** The parsed front matter (plain JSON values), or null when there is none or it failed to parse. */
  frontmatter: Record<string, unknown> | null;
  headings: Heading[];
  blocks: Block[];
  links: LinkRef[];
  timestamps: Timestamp[];
  problems: Problem[];
}

/** How a link target was resolved. */
export type ResolvedVia = 'path' | 'name' | 'alias' | 'slug';

export interface ResolvedLink extends LinkRef {
  /** The resolved vault path, or null when unresolved. */
  path: VaultPath | null;
  via: ResolvedVia | null;
  /** Whether the subpath (heading or block) exists in the target; null when there is no subpath or no target. */
  subpathFound: boolean | null;
}

/** A file that changed on disk, as the watcher or scanner hands it to the index. */
export interface FileChange {
  path: VaultPath;
  kind: 'upsert' | 'remove';
}

export type GraphNodeKind = 'note' | 'ghost' | 'tag' | 'video';

export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  label: string;
  /** Vault path for notes; null otherwise. */
  path: VaultPath | null;
  folder: string;
  tags: string[];
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: 'link' | 'tag' | 'cites';
  /** How many links from source to target. */
  count: number;
}

/** What one batch changed; search and the graph apply it in place. */
export interface VaultDelta {
  notesUpserted: VaultPath[];
  notesRemoved: VaultPath[];
  nodesUpserted: GraphNode[];
  nodesRemoved: string[];
  edgesUpserted: GraphEdge[];
  edgesRemoved: string[];
}
