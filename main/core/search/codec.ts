/**
 * The search cache format: `IndexColumns` as typed arrays behind a small header. All strings go
 * in one UTF-8 blob decoded in a single call; numbers are raw little-endian arrays read in place.
 * MiniSearch's own JSON took 7.3 s to write and 3.7 s to read at 10k notes, and cannot be written
 * at all at 100k (the string is too long); this reads at the speed of filling the Maps.
 */
import { FIELD_COUNT, type IndexColumns } from './columns';
import { TOKENIZER_VERSION } from './tokenize';

const MAGIC = 0x534e5243; // "CRNS"
/** Bump when the layout changes; a file of another version is rebuilt, never read. */
export const FORMAT_VERSION = 1;
const HEADER_WORDS = 14;

export class CacheFormatError extends Error {}

export function encodeColumns(c: IndexColumns): Uint8Array {
  const n = c.docs.paths.length;
  const strings: string[] = [...c.docs.paths, ...c.docs.titles];
  for (const list of [c.docs.aliases, c.docs.tags, c.docs.videoIds]) for (const items of list) strings.push(...items);
  for (const term of c.terms) strings.push(term);
  const lengths = Uint32Array.from(strings, (s) => s.length);
  const blob = new TextEncoder().encode(strings.join(''));
  const counts = (list: string[][]) => Uint32Array.from(list, (items) => items.length);
  const sum = (list: string[][]) => list.reduce((a, items) => a + items.length, 0);

  const header = new Uint32Array(HEADER_WORDS);
  header.set([
    MAGIC,
    FORMAT_VERSION,
    TOKENIZER_VERSION,
    FIELD_COUNT,
    n,
    c.terms.length,
    c.postDocs.length,
    0,
    strings.length,
    blob.length,
    sum(c.docs.aliases),
    sum(c.docs.tags),
    sum(c.docs.videoIds),
    0,
  ]);
  const sections: ArrayBufferView[] = [
    header,
    lengths,
    blob,
    counts(c.docs.aliases),
    counts(c.docs.tags),
    counts(c.docs.videoIds),
    c.docs.fieldLengths,
    c.fieldPostings,
    c.postDocs,
    c.postTfs,
    c.compact,
  ];
  const size = sections.reduce((a, s) => a + align(s.byteLength), 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const s of sections) {
    out.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), at);
    at += align(s.byteLength);
  }
  return out;
}

export function decodeColumns(input: Uint8Array): IndexColumns {
  // Typed views need aligned offsets; a pooled Buffer may not be.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const { buffer } = bytes;
  let at = bytes.byteOffset;
  const end = bytes.byteOffset + bytes.byteLength;
  const take = <T>(make: (offset: number, length: number) => T, count: number, width: number): T => {
    const byteLength = count * width;
    if (at + byteLength > end) throw new CacheFormatError('search cache is truncated');
    const view = make(at, count);
    at += align(byteLength);
    return view;
  };
  const u32 = (count: number) => take((o, l) => new Uint32Array(buffer, o, l), count, 4);
  const header = u32(HEADER_WORDS);
  const [magic, version, tokenizer, fields, n, T, P, , stringCount, blobBytes, aliasTotal, tagTotal, videoTotal] = header as unknown as number[];
  if (magic !== MAGIC) throw new CacheFormatError('not a search cache');
  if (version !== FORMAT_VERSION || tokenizer !== TOKENIZER_VERSION || fields !== FIELD_COUNT) throw new CacheFormatError('search cache from another version');
  if (stringCount !== 2 * n! + aliasTotal! + tagTotal! + videoTotal! + T!) throw new CacheFormatError('search cache is inconsistent');

  const lengths = u32(stringCount!);
  const blob = take((o, l) => new Uint8Array(buffer, o, l), blobBytes!, 1);
  const text = new TextDecoder().decode(blob);
  let pos = 0;
  let si = 0;
  const next = () => {
    const len = lengths[si++]!;
    const s = text.slice(pos, pos + len);
    pos += len;
    return s;
  };
  const many = (count: number) => Array.from({ length: count }, next);
  const paths = many(n!);
  const titles = many(n!);
  const aliasCounts = u32(n!);
  const tagCounts = u32(n!);
  const videoCounts = u32(n!);
  const lists = (counts: Uint32Array) => Array.from(counts, (k) => many(k));
  const aliases = lists(aliasCounts);
  const tags = lists(tagCounts);
  const videoIds = lists(videoCounts);
  const terms = many(T!);
  if (pos !== text.length) throw new CacheFormatError('search cache strings are inconsistent');

  const fieldLengths = u32(n! * FIELD_COUNT);
  const fieldPostings = u32(T! * FIELD_COUNT);
  const postDocs = u32(P!);
  const postTfs = take((o, l) => new Uint16Array(buffer, o, l), P!, 2);
  const compact = take((o, l) => new Uint8Array(buffer, o, l), T! * FIELD_COUNT, 1);
  if (at !== end) throw new CacheFormatError('search cache has trailing bytes');
  return { docs: { paths, titles, aliases, tags, videoIds, fieldLengths }, terms, fieldPostings, postDocs, postTfs, compact };
}

function align(n: number): number {
  return (n + 7) & ~7;
}
