/**
 * The per-vault search cache file: the engine's columns (`codec.ts`) plus the mtime and size each
 * note was indexed at, so a reopened vault searches at once and re-reads only what changed.
 * Written to a temporary file and renamed, so a crash never leaves a torn cache.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readRegularFile } from '../regular-file';

const MAGIC = 0x434e5243; // "CRNC"
const VERSION = 1;

export interface FileStat {
  mtimeMs: number;
  size: number;
}

export interface SearchCache {
  root: string;
  engine: Uint8Array;
  stats: Map<string, FileStat>;
}

export function encodeCache(cache: SearchCache): Uint8Array {
  const stats = new TextEncoder().encode(JSON.stringify({ root: cache.root, files: [...cache.stats].map(([p, s]) => [p, s.mtimeMs, s.size]) }));
  const engineBytes = (cache.engine.byteLength + 7) & ~7;
  const out = new Uint8Array(16 + engineBytes + stats.byteLength);
  const view = new DataView(out.buffer);
  [MAGIC, VERSION, cache.engine.byteLength, stats.byteLength].forEach((v, i) => view.setUint32(i * 4, v, true));
  out.set(cache.engine, 16);
  out.set(stats, 16 + engineBytes);
  return out;
}

/** Null for a missing, foreign, torn or other-version file: the caller rebuilds. */
export function decodeCache(bytes: Uint8Array, root: string): SearchCache | null {
  if (bytes.byteLength < 16) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) return null;
  const engineLength = view.getUint32(8, true);
  const statsLength = view.getUint32(12, true);
  const engineBytes = (engineLength + 7) & ~7;
  if (16 + engineBytes + statsLength !== bytes.byteLength) return null;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(16 + engineBytes))) as { root: string; files: Array<[string, number, number]> };
    if (parsed.root !== root || !Array.isArray(parsed.files)) return null;
    return {
      root,
      engine: bytes.subarray(16, 16 + engineLength),
      stats: new Map(parsed.files.map(([p, mtimeMs, size]) => [p, { mtimeMs, size }])),
    };
  } catch {
    return null;
  }
}

export async function readCache(file: string, root: string): Promise<SearchCache | null> {
  let bytes: Uint8Array;
  try {
    // Only a regular file: a FIFO left in the cache folder must not hang the open.
    bytes = await readRegularFile(file);
  } catch {
    return null;
  }
  return decodeCache(bytes, root);
}

export async function writeCache(file: string, cache: SearchCache): Promise<number> {
  const bytes = encodeCache(cache);
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
  return bytes.byteLength;
}
