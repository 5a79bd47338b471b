/**
 * The loopback web host: the same `VaultApi` as the Electron bridge, over HTTP (`POST api/call`)
 * and server-sent events (`GET api/events`), plus vault files (`GET asset/<path>`), media library
 * files (`GET media/<root>/<path>`, see media-route.ts) and the built
 * renderer, all under the per-run secret prefix `/<token>/` (see auth.ts for why a path and not a
 * cookie). It binds 127.0.0.1 only and answers only requests that carry the token and name the
 * loopback address in their Host header.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { callApi } from '../dispatch';
import type { HostedVault } from '../dispatch';
import type { ApiResult } from '../api';
import { authorizedPath, createToken, fromAnotherSite, hostAllowed, originAllowed } from './auth';
import { appContentType, vaultContentType } from './content-types';
import { assetHeaders, BASE_HEADERS, PAGE_CSP } from './headers';
import { mediaTarget } from './media-route';
import { decodePathSegments } from './request-path';
import { sendFile } from './send-file';

export const DEFAULT_PORT = 4870;
const MAX_BODY_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 15_000;

export interface WebHostOptions {
  vault: HostedVault;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** 0 picks a free port. When the port is taken, a free one is used instead. Default 4870. */
  port?: number;
  /** Defaults to a fresh random token. */
  token?: string;
  heartbeatMs?: number;
  /** Where to report a request that failed inside the host (default: stderr). */
  log?: (message: string) => void;
}

export interface WebHost {
  readonly port: number;
  readonly token: string;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** The URL to open, `http://127.0.0.1:PORT/<token>/`: the app and everything it loads live under it. */
  readonly url: string;
  /** Ends event streams and open connections, then stops listening. */
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? createToken();
  // The token is a path segment: only URL-safe characters, and long enough not to be guessed.
  if (!/^[A-Za-z0-9_-]{22,}$/.test(token))
    throw new Error('The web host token must be 22 or more base64url characters.');
  const rendererDir = resolve(options.rendererDir);
  const log = options.log ?? ((message: string) => process.stderr.write(message + '\n'));
  const streams = new Set<ServerResponse>();
  const context: RequestContext = {
    vault: options.vault,
    rendererDir,
    token,
    port: 0,
    heartbeatMs: options.heartbeatMs ?? HEARTBEAT_MS,
    streams,
  };

  const server = createServer((req, res) => {
    handle(context, req, res).catch((err: unknown) => {
      log(
        // The URL carries the token; a log line is no place for it.
        `cairn web host: ${req.method ?? '?'} ${(req.url ?? '?').replace(token, '<token>')} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
      if (!res.headersSent) sendText(res, 500, 'Internal error.');
      else res.destroy();
    });
  });
  // Malformed HTTP must not reach the handler or take the process down.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  context.port = await listen(server, options.port ?? DEFAULT_PORT, log);
  const origin = `http://127.0.0.1:${context.port}`;
  let closing: Promise<void> | null = null;
  return {
    port: context.port,
    token,
    origin,
    url: `${origin}/${token}/`,
    close() {
      closing ??= new Promise<void>((done) => {
        for (const stream of streams) stream.end();
        streams.clear();
        server.close(() => done());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

async function listen(server: Server, port: number, log: (message: string) => void): Promise<number> {
  const attempt = (p: number) =>
    new Promise<number>((done, fail) => {
      const onError = (err: Error) => {
        server.off('listening', onListening);
        fail(err);
      };
      const onListening = () => {
        server.off('error', onError);
        done((server.address() as AddressInfo).port);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, '127.0.0.1');
    });
  try {
    return await attempt(port);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw err;
    log(`cairn web host: port ${port} is taken; using a free port instead.`);
    return attempt(0);
  }
}

interface RequestContext {
  vault: HostedVault;
  rendererDir: string;
  token: string;
  port: number;
  heartbeatMs: number;
  streams: Set<ServerResponse>;
}

async function handle(ctx: RequestContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  for (const [name, value] of Object.entries(BASE_HEADERS)) res.setHeader(name, value);
  res.setHeader('Content-Security-Policy', PAGE_CSP);

  if (!hostAllowed(req.headers.host, ctx.port) || !originAllowed(req.headers.origin, ctx.port)) {
    return sendText(
      res,
      403,
      'Forbidden: this host answers only to http://127.0.0.1 and http://localhost on its own port.',
    );
  }
  const target = parseTarget(req.url);
  if (!target) return sendText(res, 400, 'Bad request.');
  const authorized = authorizedPath(req, target.pathname, ctx.token);
  if (!authorized) {
    return sendText(res, 401, 'Unauthorized: open the URL that `npm run serve` printed; it carries the access token.');
  }
  if (fromAnotherSite(req)) {
    return sendText(res, 403, 'Forbidden: another site may not load or call this host.');
  }
  if (authorized.bare) {
    // The page's URLs are relative to `/<token>/`: without the slash they would lose the prefix.
    res.writeHead(308, {
      Location: `/${ctx.token}/${target.search}`,
      'Cache-Control': 'no-store',
      'Content-Length': '0',
    });
    res.end();
    return;
  }

  const pathname = authorized.path;
  if (pathname === '/api/call') return handleCall(ctx, req, res);
  if (pathname === '/api/events') return handleEvents(ctx, req, res);
  if (pathname.startsWith('/api/')) return sendText(res, 404, 'Not found.');
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendText(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
  if (pathname.startsWith('/asset/')) return handleAsset(ctx, req, res, pathname.slice('/asset/'.length));
  if (pathname.startsWith('/media/')) return handleMedia(ctx, req, res, pathname.slice('/media/'.length), target.search);
  return handleStatic(ctx, req, res, pathname);
}

/** Splits a request target into its raw path and query (`?…` or ''); null for anything but an origin-form target. */
function parseTarget(url: string | undefined): { pathname: string; search: string } | null {
  if (!url || !url.startsWith('/') || url.startsWith('//')) return null;
  const q = url.indexOf('?');
  return q < 0 ? { pathname: url, search: '' } : { pathname: url.slice(0, q), search: url.slice(q) };
}

async function handleCall(ctx: RequestContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  if (req.method !== 'POST') return sendJson(res, 405, apiError('Use POST for /api/call.'), { Allow: 'POST' });
  // A JSON content type cannot be sent cross-origin without a CORS preflight, which we never grant.
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return sendJson(res, 415, apiError('The request body must be application/json.'));
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === 'aborted') return;
  if (body === 'too-large') {
    res.setHeader('Connection', 'close');
    return sendJson(res, 413, apiError(`The request body is over ${MAX_BODY_BYTES} bytes.`));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return sendJson(res, 400, apiError('The request body is not valid JSON.'));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return sendJson(res, 400, apiError('The request body must be an object { method, params }.'));
  }
  const { method, params } = parsed as { method?: unknown; params?: unknown };
  const result = await callApi(ctx.vault, method, params);
  return sendJson(res, 200, result);
}

function handleEvents(ctx: RequestContext, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET') return sendText(res, 405, 'Method not allowed.', { Allow: 'GET' });
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  // A short retry so a page reconnects quickly after the host restarts.
  res.write('retry: 2000\n: connected\n\n');
  ctx.streams.add(res);
  const unsubscribe = ctx.vault.onEvent((event) => {
    // JSON.stringify escapes newlines, so one `data:` line always carries the whole event.
    res.write(`data: ${JSON.stringify(event)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), ctx.heartbeatMs);
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
    ctx.streams.delete(res);
  };
  res.on('close', stop);
  res.on('error', stop);
}

async function handleAsset(
  ctx: RequestContext,
  req: IncomingMessage,
  res: ServerResponse,
  rawPath: string,
): Promise<void> {
  res.setHeader('Cache-Control', 'no-cache');
  const segments = decodePathSegments(rawPath);
  if (!segments) return sendText(res, 404, 'Not found.');
  const vaultPath = segments.join('/');
  const absolute = await ctx.vault.assetPath(vaultPath);
  if (!absolute) return sendText(res, 404, 'Not found.');
  const sent = await sendFile(req, res, absolute, assetHeaders(vaultContentType(vaultPath)));
  if (!sent) return sendText(res, 404, 'Not found.');
}

async function handleMedia(ctx: RequestContext, req: IncomingMessage, res: ServerResponse, rawPath: string, search: string): Promise<void> {
  res.setHeader('Cache-Control', 'no-cache');
  const target = await mediaTarget(ctx.vault, rawPath, search);
  if (!target) return sendText(res, 404, 'Not found.');
  const headers = assetHeaders(target.contentType);
  if (target.vtt !== null) {
    res.writeHead(200, { ...headers, 'Content-Length': String(Buffer.byteLength(target.vtt)) });
    res.end(req.method === 'HEAD' ? undefined : target.vtt);
    return;
  }
  if (!(await sendFile(req, res, target.absolute, headers))) return sendText(res, 404, 'Not found.');
}

async function handleStatic(
  ctx: RequestContext,
  req: IncomingMessage,
  res: ServerResponse,
  rawPath: string,
): Promise<void> {
  const segments = rawPath === '/' ? [] : decodePathSegments(rawPath.slice(1).replace(/\/$/, ''));
  if (!segments) return sendText(res, 404, 'Not found.');
  if (segments.length > 0) {
    const file = join(ctx.rendererDir, ...segments);
    if (file.startsWith(ctx.rendererDir + sep)) {
      // Vite's hashed build output never changes under its name.
      const immutable = segments[0] === 'assets';
      const headers: Record<string, string> = {
        'Content-Type': appContentType(file),
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      if (await sendFile(req, res, file, headers)) return;
    }
    // A missing build file is an error the page should see, not the app shell in its place.
    if (segments[0] === 'assets') return sendText(res, 404, 'Not found.');
  }
  // Anything else is a client-side URL: the app shell handles it.
  const index = join(ctx.rendererDir, 'index.html');
  const sent = await sendFile(req, res, index, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-cache',
  });
  if (!sent) sendText(res, 503, 'The renderer is not built yet: run `npm run build`.');
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((done) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      done('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        done('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) done(Buffer.concat(chunks));
    });
    // Resolving twice is harmless: after 'end' or an overflow this changes nothing.
    req.on('close', () => done('aborted'));
  });
}

function apiError(message: string): ApiResult<never> {
  return { ok: false, error: { code: 'bad-params', message } };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const text = message + '\n';
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
