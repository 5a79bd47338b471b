/**
 * A fetch `Response` for one file, with single byte ranges (media elements seek with them), for
 * the `cairn://` protocol handler.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parseRange } from '../web/range';

/** The response, or null when the path is not a readable regular file. */
export async function fileResponse(
  request: Request,
  path: string,
  headers: Record<string, string>,
): Promise<Response | null> {
  const stats = await stat(path).catch(() => null);
  if (!stats?.isFile()) return null;
  const size = stats.size;
  const range = parseRange(request.headers.get('range'), size);
  const base = { ...headers, 'Accept-Ranges': 'bytes', 'Last-Modified': stats.mtime.toUTCString() };
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...base, 'Content-Range': `bytes */${size}` } });
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? size - 1;
  const length = Math.max(0, end - start + 1);
  const responseHeaders: Record<string, string> = { ...base, 'Content-Length': String(length) };
  if (range) responseHeaders['Content-Range'] = `bytes ${start}-${end}/${size}`;
  const body =
    request.method === 'HEAD' || length === 0
      ? null
      : (Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, { status: range ? 206 : 200, headers: responseHeaders });
}
