/**
 * Opening files that must be regular files. A FIFO, socket or device can sit in a vault or a cache
 * folder (archives carry FIFOs): a plain `open` of a FIFO blocks until a writer appears, and each
 * blocked open holds one of libuv's four pool threads for good, so four of them stall every later
 * file read in the process and even its exit. Opening with O_NONBLOCK returns at once for a FIFO
 * (and fails at once for a socket), and `fstat` on the open descriptor then decides without a race
 * between checking and opening.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

/** O_NONBLOCK does not exist on Windows, where a FIFO cannot sit in a folder anyway. */
const READ_NONBLOCK = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Thrown for a path that exists but is not a regular file; `code` reads like a system error's. */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(path: string) {
    super(`Not a regular file: ${path}`);
    this.name = 'NotRegularFileError';
  }
}

/** Whether an error from this module means "exists, but is not a regular file". */
export function isNotRegularFile(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  // ENXIO: opening a socket (or a device with no driver behind it).
  return code === 'ENOTREG' || code === 'ENXIO';
}

/** Opens a regular file for reading; rejects with `NotRegularFileError` for anything else, at once. */
export async function openRegularFile(path: string): Promise<{ handle: FileHandle; stats: Stats }> {
  const handle = await open(path, READ_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new NotRegularFileError(path);
    return { handle, stats };
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw err;
  }
}

/** `readFile` for regular files only: a FIFO or device rejects at once instead of blocking. */
export async function readRegularFile(path: string): Promise<Buffer> {
  const { handle } = await openRegularFile(path);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** `openRegularFile` with blocking calls, for worker threads; returns the descriptor and its stats. */
export function openRegularFileSync(path: string): { fd: number; stats: Stats } {
  const fd = openSync(path, READ_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new NotRegularFileError(path);
    return { fd, stats };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** Reads up to `size` bytes from the start of an open file (fewer when it shrank meanwhile). */
export function readOpenFileSync(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let length = 0;
  while (length < bytes.length) {
    const n = readSync(fd, bytes, length, bytes.length - length, length);
    if (n === 0) break;
    length += n;
  }
  return bytes.subarray(0, length);
}

/** `readFileSync` for regular files only. */
export function readRegularFileSync(path: string): Buffer {
  const { fd, stats } = openRegularFileSync(path);
  try {
    return readOpenFileSync(fd, stats.size);
  } finally {
    closeSync(fd);
  }
}
