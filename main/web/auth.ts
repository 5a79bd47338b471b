/**
 * Who may talk to the loopback host. The credential is a per-run token that is part of every URL
 * the page uses: the app lives under `/<token>/`, so its API, event stream and vault files do too.
 * Nothing is kept in a cookie. Cookies are scoped by host, not port, so a cookie set here would go
 * along to every other server on 127.0.0.1 that the same browser visits (a dev server, any local
 * app), and that server could replay it; a path is only ever sent to the server that owns it.
 * Scripts may send the token in an `X-Cairn-Token` header instead and use the paths without it.
 *
 * Besides the token: a Host header that names the loopback address on our port (DNS-rebinding
 * defence), an Origin (when sent) that is ours, and no subresource requests that the browser marks
 * as coming from another site, even with the token (it should never have left this origin).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-cairn-token';

/** 24 random bytes in base64url: 32 characters that are safe in a URL path as they are. */
export function createToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison; hashing first makes lengths equal without leaking the token's length. */
export function tokenMatches(presented: string | undefined | null, token: string): boolean {
  if (!presented) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const value = host.toLowerCase();
  return value === `127.0.0.1:${port}` || value === `localhost:${port}`;
}

/** An `Origin` header, when a browser sends one, must be one of ours. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/**
 * Where a request lands once its credential is checked: `path` is the route inside the app (always
 * starting with `/`), `bare` is true for `/<token>` without its slash (the page needs the slash for
 * its relative URLs). Null: no credential.
 */
export function authorizedPath(
  req: IncomingMessage,
  pathname: string,
  token: string,
): { path: string; bare: boolean } | null {
  const slash = pathname.indexOf('/', 1);
  const first = slash < 0 ? pathname.slice(1) : pathname.slice(1, slash);
  if (tokenMatches(first, token)) {
    return slash < 0 ? { path: '/', bare: true } : { path: pathname.slice(slash), bare: false };
  }
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string' && tokenMatches(header, token)) return { path: pathname, bare: false };
  return null;
}

/**
 * Whether the browser says another site made this request for a subresource (an image, a fetch,
 * a frame). Other ports of 127.0.0.1 count as "same-site", which is why that is refused too. A
 * top-level navigation from elsewhere (a link to the printed URL) is allowed.
 */
export function fromAnotherSite(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== 'cross-site' && site !== 'same-site') return false;
  return req.headers['sec-fetch-mode'] !== 'navigate' || req.headers['sec-fetch-dest'] !== 'document';
}
