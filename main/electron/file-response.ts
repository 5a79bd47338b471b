/**
 * A fetch `Response` for one file, with single byte ranges (media elements seek with them), for
 * the `cairn://` protocol handler.
 */
import { Readable } from 'node:stream';
import { openRegularFile } from '../core/regular-file';
import { parseRange } from '../web/range';

/**
 * The response, or null when the path is not a readable regular file (a FIFO, socket or device is
 * refused at once, never opened for a blocking read).
 */
export async function fileResponse(
  request: Request,
  path: string,
  headers: Record<string, string>,
): Promise<Response | null> {
  const file = await openRegularFile(path).catch(() => null);
  if (!file) return null;
  const { handle, stats } = file;
  const size = stats.size;
  const range = parseRange(request.headers.get('range'), size);
  const base = { ...headers, 'Accept-Ranges': 'bytes', 'Last-Modified': stats.mtime.toUTCString() };
  if (range === 'unsatisfiable') {
    await handle.close();
    return new Response(null, { status: 416, headers: { ...base, 'Content-Range': `bytes */${size}` } });
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? size - 1;
  const length = Math.max(0, end - start + 1);
  const responseHeaders: Record<string, string> = { ...base, 'Content-Length': String(length) };
  if (range) responseHeaders['Content-Range'] = `bytes ${start}-${end}/${size}`;
  let body: ReadableStream<Uint8Array> | null = null;
  if (request.method === 'HEAD' || length === 0) await handle.close();
  else body = Readable.toWeb(handle.createReadStream({ start, end, autoClose: true })) as ReadableStream<Uint8Array>;
  return new Response(body, { status: range ? 206 : 200, headers: responseHeaders });
}
