/**
 * Who may talk to the loopback host: a per-run token (query, cookie or header), a Host header that
 * names the loopback address (DNS-rebinding defence), and no cookie-borne requests from other
 * origins (other ports of 127.0.0.1 are "same-site", so SameSite=Strict alone does not stop them).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-cairn-token';
export const TOKEN_QUERY = 'token';

export function createToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Cookies are scoped by host, not port: two hosts serving two vaults at once would overwrite each
 * other's `cairn_token`, so the name carries the port.
 */
export function tokenCookieName(port: number): string {
  return `cairn_token_${port}`;
}

export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
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

export type Credential = 'query' | 'header' | 'cookie';

/** Which presented credential carries the right token, or null. */
export function authenticate(
  req: IncomingMessage,
  query: URLSearchParams,
  port: number,
  token: string,
): Credential | null {
  if (tokenMatches(query.get(TOKEN_QUERY), token)) return 'query';
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string' && tokenMatches(header, token)) return 'header';
  // The cookie is ambient authority: honour it only for requests the browser marks as our own.
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return null;
  if (tokenMatches(readCookie(req.headers.cookie, tokenCookieName(port)), token)) return 'cookie';
  return null;
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
