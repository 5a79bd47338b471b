/**
 * The warm-start snapshot's bytes: every note's record, mtime, ctime and size in a columnar binary layout.
 * JSON made the reader parse 25 MB of text into ~1.5 M short-lived arrays and strings before a
 * single record could be rebuilt (10k bench notes: half the warm open was the garbage collector).
 * Here numbers are read straight out of typed arrays, and each distinct string (a timestamp label,
 * a link target, a video id) is stored once and shared by every record that uses it.
 *
 * Layout, little-endian: a header (magic, version, section sizes, CRC-32 of everything after the
 * header), then float64s (mtimes, ctimes, sizes, timestamp seconds), int32s (string ids, counts, lines,
 * flags), the UTF-16 length of each distinct string, and the strings themselves: those made only of
 * Latin-1 characters in one Latin-1 blob, the rest in one UTF-16 blob, so that decoding is a copy
 * either way and no string (not even a lone surrogate) can come back different.
 */
import { crc32 } from 'node:zlib';
import type { LoadedNote } from './load-note';
import type { Heading, LinkRef, NoteRecord, Timestamp, TimestampKind } from './model';

const MAGIC = 0x4e524143; // "CARN"
const HEADER_INTS = 9;
/** Padded so that the float64s start 8-aligned. */
const HEADER_BYTES = 40;
/** The top bit of a string's length: it is in the UTF-16 blob. */
const WIDE = 0x80000000;
const TIMESTAMP_KINDS: readonly TimestampKind[] = ['anchor', 'url', 'bare'];
/** A string id that stands for null. */
const NONE = -1;

/** Why a snapshot was refused; the reader treats any of these as "no snapshot". */
export class SnapshotFormatError extends Error {}

export function encodeSnapshot(version: number, root: string, notes: Iterable<LoadedNote>): Buffer {
  const strings = new StringTable();
  const floats = new Grown(Float64Array);
  const ints = new Grown(Int32Array);
  ints.push(strings.id(root));
  let count = 0;
  for (const { record: r, mtimeMs, ctimeMs, size } of notes) {
    count++;
    floats.push(mtimeMs);
    floats.push(ctimeMs);
    floats.push(size);
    ints.push(strings.id(r.path));
    ints.push(strings.id(r.title));
    ints.push(strings.idOrNone(r.videoId));
    ints.push(strings.idOrNone(r.url));
    ints.push(strings.idOrNone(r.media));
    ints.push(r.frontmatter === null ? NONE : strings.id(JSON.stringify(r.frontmatter)));
    ints.push(r.problems.length ? strings.id(JSON.stringify(r.problems)) : NONE);
    ints.push(r.aliases.length);
    for (const a of r.aliases) ints.push(strings.id(a));
    ints.push(r.tags.length);
    for (const t of r.tags) ints.push(strings.id(t));
    ints.push(r.headings.length);
    for (const h of r.headings) {
      ints.push(h.level);
      ints.push(strings.id(h.text));
      ints.push(h.line);
    }
    ints.push(r.blocks.length);
    for (const b of r.blocks) {
      ints.push(strings.id(b.id));
      ints.push(b.line);
    }
    ints.push(r.links.length);
    for (const l of r.links) {
      ints.push((l.embed ? 1 : 0) | (l.kind === 'markdown' ? 2 : 0) | (l.property ? 4 : 0));
      ints.push(strings.id(l.target));
      ints.push(strings.idOrNone(l.subpath));
      ints.push(strings.idOrNone(l.alias));
      ints.push(l.line);
    }
    ints.push(r.timestamps.length);
    for (const t of r.timestamps) {
      floats.push(t.seconds);
      ints.push(strings.id(t.label));
      ints.push(strings.idOrNone(t.videoId));
      ints.push(TIMESTAMP_KINDS.indexOf(t.kind));
      ints.push(t.line);
    }
  }
  const { lengths, latin1, utf16 } = strings.blobs();
  const body = Buffer.concat([floats.bytes(), ints.bytes(), bytesOf(new Uint32Array(lengths)), latin1, utf16]);
  const header = Buffer.alloc(HEADER_BYTES);
  [MAGIC, version, count, floats.length, ints.length, lengths.length, latin1.length, utf16.length, crc32(body)].forEach((v, i) => header.writeUInt32LE(v >>> 0, i * 4));
  return Buffer.concat([header, body]);
}

/** A typed array that doubles as it fills: millions of numbers without a boxed JS array in between. */
class Grown<T extends Float64Array | Int32Array> {
  private data: T;
  length = 0;
  constructor(private readonly make: new (n: number) => T) {
    this.data = new make(1 << 16);
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const more = new this.make(this.data.length * 2);
      more.set(this.data);
      this.data = more;
    }
    this.data[this.length++] = v;
  }

  bytes(): Buffer {
    return Buffer.from(this.data.buffer, 0, this.length * this.data.BYTES_PER_ELEMENT);
  }
}

function bytesOf(view: Float64Array | Int32Array | Uint32Array): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

/** What the header says; null when the bytes are not a snapshot of this version at all. */
function readHeader(buf: Buffer, version: number) {
  if (buf.length < HEADER_BYTES || buf.readUInt32LE(0) !== MAGIC || buf.readUInt32LE(4) !== version) return null;
  const [count, floatCount, intCount, stringCount, latin1Bytes, utf16Bytes, crc] = Array.from({ length: HEADER_INTS - 2 }, (_, i) => buf.readUInt32LE(8 + i * 4)) as [number, number, number, number, number, number, number];
  return { count, floatCount, intCount, stringCount, latin1Bytes, utf16Bytes, crc };
}

/**
 * The notes of a snapshot written by `encodeSnapshot` with this version for this root; null for a
 * file of another version, vault or format. Throws `SnapshotFormatError` on one that claims to be
 * ours but does not add up (torn, truncated, altered): its checksum and every id and count are checked.
 */
export function decodeSnapshot(buf: Buffer, version: number, root: string): LoadedNote[] | null {
  const h = readHeader(buf, version);
  if (!h) return null;
  const bodyBytes = h.floatCount * 8 + h.intCount * 4 + h.stringCount * 4 + h.latin1Bytes + h.utf16Bytes;
  if (buf.length !== HEADER_BYTES + bodyBytes || h.utf16Bytes % 2 !== 0 || buf.readUInt32LE(HEADER_INTS * 4) !== 0) throw new SnapshotFormatError('snapshot: wrong length');
  const body = buf.subarray(HEADER_BYTES);
  if ((crc32(body) >>> 0) !== h.crc) throw new SnapshotFormatError('snapshot: checksum mismatch');
  // Typed-array views need aligned offsets; a Buffer from a pool may not start on one.
  const own = body.byteOffset % 8 === 0 ? body : alignedCopy(body);
  const base = own.byteOffset;
  const floats = new Float64Array(own.buffer, base, h.floatCount);
  const ints = new Int32Array(own.buffer, base + h.floatCount * 8, h.intCount);
  const lengths = new Uint32Array(own.buffer, base + h.floatCount * 8 + h.intCount * 4, h.stringCount);
  const blobs = h.floatCount * 8 + h.intCount * 4 + h.stringCount * 4;
  const strings = sliceStrings(own.toString('latin1', blobs, blobs + h.latin1Bytes), own.toString('utf16le', blobs + h.latin1Bytes, blobs + h.latin1Bytes + h.utf16Bytes), lengths);
  return new Reader(floats, ints, strings).notes(h.count, root);
}

/** `Buffer.alloc` never hands out a slice of the shared pool: its bytes start at offset 0. */
function alignedCopy(bytes: Buffer): Buffer {
  const copy = Buffer.alloc(bytes.length);
  bytes.copy(copy);
  return copy;
}

/** Cuts the two blobs back into the table's strings, in id order. */
function sliceStrings(latin1: string, utf16: string, lengths: Uint32Array): string[] {
  const out: string[] = new Array(lengths.length);
  let narrowAt = 0;
  let wideAt = 0;
  for (let i = 0; i < lengths.length; i++) {
    const n = lengths[i]!;
    if (n & WIDE) {
      const to = wideAt + (n & ~WIDE);
      if (to > utf16.length) throw new SnapshotFormatError('snapshot: string past its blob');
      out[i] = utf16.slice(wideAt, to);
      wideAt = to;
    } else {
      const to = narrowAt + n;
      if (to > latin1.length) throw new SnapshotFormatError('snapshot: string past its blob');
      out[i] = latin1.slice(narrowAt, to);
      narrowAt = to;
    }
  }
  if (narrowAt !== latin1.length || wideAt !== utf16.length) throw new SnapshotFormatError('snapshot: strings do not fill their blobs');
  return out;
}

class Reader {
  private f = 0;
  private i = 0;
  constructor(
    private readonly floats: Float64Array,
    private readonly ints: Int32Array,
    private readonly strings: string[],
  ) {}

  notes(count: number, root: string): LoadedNote[] | null {
    if (this.str() !== root) return null;
    const out: LoadedNote[] = new Array(count);
    for (let n = 0; n < count; n++) out[n] = this.note();
    if (this.i !== this.ints.length || this.f !== this.floats.length) throw new SnapshotFormatError('snapshot: trailing data');
    return out;
  }

  private note(): LoadedNote {
    const mtimeMs = this.float();
    const ctimeMs = this.float();
    const size = this.float();
    const path = this.str() as NoteRecord['path'];
    const title = this.str();
    const videoId = this.strOrNull();
    const url = this.strOrNull();
    const media = this.strOrNull();
    const frontmatterJson = this.strOrNull();
    const problemsJson = this.strOrNull();
    const frontmatter = frontmatterJson === null ? null : (JSON.parse(frontmatterJson) as unknown);
    if (frontmatter !== null && typeof frontmatter !== 'object') throw new SnapshotFormatError('snapshot: front matter that is not an object');
    const problems = problemsJson === null ? [] : (JSON.parse(problemsJson) as unknown);
    if (!Array.isArray(problems)) throw new SnapshotFormatError('snapshot: problems that are not a list');
    const aliases = this.strList();
    const tags = this.strList();
    const headings: Heading[] = new Array(this.count(3));
    for (let k = 0; k < headings.length; k++) headings[k] = { level: this.int(), text: this.str(), line: this.int() };
    const blocks: NoteRecord['blocks'] = new Array(this.count(2));
    for (let k = 0; k < blocks.length; k++) blocks[k] = { id: this.str(), line: this.int() };
    const links: LinkRef[] = new Array(this.count(5));
    for (let k = 0; k < links.length; k++) {
      const flags = this.int();
      const link: LinkRef = { kind: flags & 2 ? 'markdown' : 'wiki', target: this.str(), subpath: this.strOrNull(), alias: this.strOrNull(), embed: (flags & 1) === 1, line: this.int() };
      if (flags & 4) link.property = true;
      links[k] = link;
    }
    const timestamps: Timestamp[] = new Array(this.count(4));
    for (let k = 0; k < timestamps.length; k++) {
      const seconds = this.float();
      const label = this.str();
      const videoId = this.strOrNull();
      const kind = TIMESTAMP_KINDS[this.int()];
      if (!kind) throw new SnapshotFormatError('snapshot: unknown timestamp kind');
      timestamps[k] = { seconds, label, videoId, kind, line: this.int() };
    }
    const record: NoteRecord = { path, title, aliases, tags, videoId, url, media, frontmatter: frontmatter as NoteRecord['frontmatter'], headings, blocks, links, timestamps, problems: problems as NoteRecord['problems'] };
    return { record, mtimeMs, ctimeMs, size };
  }

  private int(): number {
    // Out of range reads undefined: every count was checked against what is left, so it cannot be.
    return this.ints[this.i++]!;
  }

  private float(): number {
    if (this.f >= this.floats.length) throw new SnapshotFormatError('snapshot: too few numbers');
    return this.floats[this.f++]!;
  }

  /** A list's length, when `fields` ints per item are still there. */
  private count(fields: number): number {
    if (this.i >= this.ints.length) throw new SnapshotFormatError('snapshot: too few ints');
    const n = this.ints[this.i++]!;
    if (n < 0 || this.i + n * fields > this.ints.length) throw new SnapshotFormatError('snapshot: a list past the end');
    return n;
  }

  private str(): string {
    const s = this.strings[this.ints[this.i++]!];
    if (s === undefined) throw new SnapshotFormatError('snapshot: a string id out of range');
    return s;
  }

  private strOrNull(): string | null {
    if (this.ints[this.i] === NONE) {
      this.i++;
      return null;
    }
    return this.str();
  }

  private strList(): string[] {
    const out: string[] = new Array(this.count(1));
    for (let k = 0; k < out.length; k++) out[k] = this.str();
    return out;
  }
}

/** Each distinct string once, numbered in order of first use. */
class StringTable {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];

  idOrNone(s: string | null): number {
    return s === null ? NONE : this.id(s);
  }

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.push(s) - 1;
      this.ids.set(s, id);
    }
    return id;
  }

  blobs(): { lengths: number[]; latin1: Buffer; utf16: Buffer } {
    const narrow: string[] = [];
    const wide: string[] = [];
    const lengths = this.list.map((s) => {
      // eslint-disable-next-line no-control-regex
      if (/^[\u0000-\u00ff]*$/.test(s)) {
        narrow.push(s);
        return s.length;
      }
      wide.push(s);
      return (s.length | WIDE) >>> 0;
    });
    return { lengths, latin1: Buffer.from(narrow.join(''), 'latin1'), utf16: Buffer.from(wide.join(''), 'utf16le') };
  }
}
