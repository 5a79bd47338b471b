/**
 * What `cairn://app/<path>` answers: the built renderer, vault files under `/asset/` and media
 * library files under `/media/<root>/` confined by the service, with the same headers as the web host. No Electron import, so Node tests can
 * drive it with plain fetch `Request`s.
 */
import { join } from 'node:path';
import type { HostedVault } from '../dispatch';
import { appContentType, vaultContentType } from '../web/content-types';
import { assetHeaders, BASE_HEADERS, PAGE_CSP } from '../web/headers';
import { mediaTarget } from '../web/media-route';
import { decodePathSegments } from '../web/request-path';
import { fileResponse } from './file-response';

export async function respondToAppRequest(
  request: Request,
  rendererDir: string,
  vault: HostedVault,
): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== 'app') return text(404, 'Not found.');
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed.');

  if (url.pathname.startsWith('/asset/')) {
    const segments = decodePathSegments(url.pathname.slice('/asset/'.length));
    const vaultPath = segments?.join('/');
    const absolute = vaultPath ? await vault.assetPath(vaultPath) : null;
    const headers = {
      ...BASE_HEADERS,
      'Cache-Control': 'no-cache',
      ...assetHeaders(vaultContentType(vaultPath ?? '')),
    };
    const response = absolute ? await fileResponse(request, absolute, headers) : null;
    return response ?? text(404, 'Not found.');
  }

  if (url.pathname.startsWith('/media/')) {
    const target = await mediaTarget(vault, url.pathname.slice('/media/'.length), url.search);
    if (!target) return text(404, 'Not found.');
    const headers = { ...BASE_HEADERS, 'Cache-Control': 'no-cache', ...assetHeaders(target.contentType) };
    if (target.vtt !== null) return new Response(request.method === 'HEAD' ? null : target.vtt, { status: 200, headers });
    return (await fileResponse(request, target.absolute, headers)) ?? text(404, 'Not found.');
  }

  const pageHeaders = { ...BASE_HEADERS, 'Content-Security-Policy': PAGE_CSP, 'Cache-Control': 'no-cache' };
  const segments = url.pathname === '/' ? [] : decodePathSegments(url.pathname.slice(1).replace(/\/$/, ''));
  if (!segments) return text(404, 'Not found.');
  if (segments.length > 0) {
    const file = join(rendererDir, ...segments);
    const response = await fileResponse(request, file, { ...pageHeaders, 'Content-Type': appContentType(file) });
    if (response) return response;
    if (segments[0] === 'assets') return text(404, 'Not found.');
  }
  // Client-side URLs reload into the app shell.
  const index = await fileResponse(request, join(rendererDir, 'index.html'), {
    ...pageHeaders,
    'Content-Type': 'text/html; charset=utf-8',
  });
  return index ?? text(503, 'The renderer is not built: run `npm run build`.');
}

export function text(status: number, message: string): Response {
  return new Response(message + '\n', {
    status,
    headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
