/**
 * Streams one file to an HTTP response, honouring HEAD and single byte ranges.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { openRegularFile } from '../core/regular-file';
import { parseRange } from './range';

/**
 * Sends the file; resolves false (and sends nothing) when it is not a readable regular file, which
 * includes a FIFO, socket or device: those answer at once, without opening them for a blocking read.
 */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  headers: Record<string, string>,
): Promise<boolean> {
  let file;
  try {
    // Never a plain open: a FIFO in the vault would block a pool thread until a writer came.
    file = await openRegularFile(path);
  } catch {
    return false;
  }
  const { handle, stats } = file;
  try {
    const size = stats.size;
    const range = parseRange(req.headers.range, size);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Last-Modified', stats.mtime.toUTCString());
    if (range === 'unsatisfiable') {
      await handle.close();
      res.writeHead(416, { 'Content-Range': `bytes */${size}`, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Range not satisfiable.\n');
      return true;
    }
    const start = range?.start ?? 0;
    const end = range?.end ?? size - 1;
    const status = range ? 206 : 200;
    res.setHeader('Content-Length', String(Math.max(0, end - start + 1)));
    if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    res.writeHead(status);
    if (req.method === 'HEAD' || size === 0) {
      await handle.close();
      res.end();
      return true;
    }
    const stream = handle.createReadStream({ start, end, autoClose: true });
    // A client that seeks away aborts the response; that is normal, not an error worth a crash.
    pipeline(stream, res, () => undefined);
    return true;
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw err;
  }
}
