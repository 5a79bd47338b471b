/**
 * Loaded notes in a compact form, for the two places they cross a boundary in bulk: parse workers
 * answering the main thread (by structured clone) and the warm-start snapshot (as JSON). Links and
 * timestamps are nine in ten of a record's objects, so they travel as flat lists of primitives
 * without their key names: half the bytes, and about half the time to take in and rebuild on the
 * receiving thread (measured on 5,000 notes of the bench vault: 105 ms against 210 ms through JSON).
 */
import type { LoadedNote } from './load-note';
import type { Heading, LinkRef, NoteRecord, Timestamp, TimestampKind } from './model';

const TIMESTAMP_KINDS: readonly TimestampKind[] = ['anchor', 'url', 'bare'];
/** Fields per packed link: flags (bit 0 embed, bit 1 markdown, bit 2 written in a property), target, subpath, alias, line. */
const LINK_FIELDS = 5;
/** Fields per packed timestamp: seconds, label, videoId, kind index, line. */
const TIMESTAMP_FIELDS = 5;
const HEADING_FIELDS = 3;
const BLOCK_FIELDS = 2;

/** One note as it travels; a list of these (null for a vanished file) is what crosses as JSON. */
export type PackedNote = [
  path: string,
  mtimeMs: number,
  size: number,
  title: string,
  aliases: string[],
  tags: string[],
  videoId: string | null,
  url: string | null,
  media: string | null,
  frontmatter: NoteRecord['frontmatter'],
  headings: (string | number)[],
  blocks: (string | number)[],
  links: (string | number | null)[],
  timestamps: (string | number | null)[],
  problems: NoteRecord['problems'],
  ctimeMs: number,
];

/** Plain lists and primitives: cloneable, and JSON-ready. */
export function packNotes(notes: readonly (LoadedNote | null)[]): (PackedNote | null)[] {
  return notes.map((note) => (note ? pack(note) : null));
}

/** From the parsed JSON; throws on anything `packNotes` could not have made (the snapshot reader treats that as no snapshot). */
export function unpackNotes(packed: unknown): (LoadedNote | null)[] {
  if (!Array.isArray(packed)) throw new Error('packed notes: not a list');
  return packed.map((p) => (p === null ? null : unpack(p as PackedNote)));
}

function pack(note: LoadedNote): PackedNote {
  const r = note.record;
  const headings: (string | number)[] = [];
  for (const h of r.headings) headings.push(h.level, h.text, h.line);
  const blocks: (string | number)[] = [];
  for (const b of r.blocks) blocks.push(b.id, b.line);
  const links: (string | number | null)[] = [];
  for (const l of r.links) links.push((l.embed ? 1 : 0) | (l.kind === 'markdown' ? 2 : 0) | (l.property ? 4 : 0), l.target, l.subpath, l.alias, l.line);
  const timestamps: (string | number | null)[] = [];
  for (const t of r.timestamps) timestamps.push(t.seconds, t.label, t.videoId, TIMESTAMP_KINDS.indexOf(t.kind), t.line);
  return [r.path, note.mtimeMs, note.size, r.title, r.aliases, r.tags, r.videoId, r.url, r.media, r.frontmatter, headings, blocks, links, timestamps, r.problems, note.ctimeMs];
}

function unpack(p: PackedNote): LoadedNote {
  if (!Array.isArray(p) || p.length !== 16) throw new Error('packed notes: not a note');
  const [path, mtimeMs, size, title, aliases, tags, videoId, url, media, frontmatter, h, b, l, t, problems, ctimeMs] = p;
  // A snapshot is read back from disk: what the index iterates or keys by must have its shape.
  if (typeof path !== 'string' || typeof title !== 'string' || typeof mtimeMs !== 'number' || typeof ctimeMs !== 'number' || typeof size !== 'number') throw new Error('packed notes: a note without its path, title or stamp');
  if (!Array.isArray(aliases) || !Array.isArray(tags) || !Array.isArray(problems)) throw new Error('packed notes: a note without its lists');
  if (frontmatter !== null && typeof frontmatter !== 'object') throw new Error('packed notes: front matter that is not an object');
  checkFlat(h, HEADING_FIELDS);
  checkFlat(b, BLOCK_FIELDS);
  checkFlat(l, LINK_FIELDS);
  checkFlat(t, TIMESTAMP_FIELDS);
  const headings: Heading[] = new Array(h.length / HEADING_FIELDS);
  for (let i = 0, k = 0; i < h.length; i += HEADING_FIELDS) headings[k++] = { level: h[i] as number, text: h[i + 1] as string, line: h[i + 2] as number };
  const blocks: NoteRecord['blocks'] = new Array(b.length / BLOCK_FIELDS);
  for (let i = 0, k = 0; i < b.length; i += BLOCK_FIELDS) blocks[k++] = { id: b[i] as string, line: b[i + 1] as number };
  const links: LinkRef[] = new Array(l.length / LINK_FIELDS);
  for (let i = 0, k = 0; i < l.length; i += LINK_FIELDS) {
    const flags = l[i] as number;
    const link: LinkRef = { kind: flags & 2 ? 'markdown' : 'wiki', target: l[i + 1] as string, subpath: l[i + 2] as string | null, alias: l[i + 3] as string | null, embed: (flags & 1) === 1, line: l[i + 4] as number };
    if (flags & 4) link.property = true;
    links[k++] = link;
  }
  const timestamps: Timestamp[] = new Array(t.length / TIMESTAMP_FIELDS);
  for (let i = 0, k = 0; i < t.length; i += TIMESTAMP_FIELDS) {
    const kind = TIMESTAMP_KINDS[t[i + 3] as number];
    if (!kind) throw new Error('packed notes: unknown timestamp kind');
    timestamps[k++] = { seconds: t[i] as number, label: t[i + 1] as string, videoId: t[i + 2] as string | null, kind, line: t[i + 4] as number };
  }
  const record: NoteRecord = { path: path as NoteRecord['path'], title, aliases, tags, videoId, url, media, frontmatter, headings, blocks, links, timestamps, problems };
  return { record, mtimeMs, ctimeMs, size };
}

function checkFlat(list: unknown, fields: number): asserts list is unknown[] {
  if (!Array.isArray(list) || list.length % fields !== 0) throw new Error('packed notes: a list of the wrong length');
}
