/**
 * Response headers shared by both hosts (the loopback web host and Electron's `cairn://` scheme),
 * so the page runs under the same policy wherever it is loaded from.
 */

/**
 * The page may load only itself, vault assets from its own origin (PDFs in a frame), YouTube's
 * privacy-mode embeds, and images from the web (`https:` only, as Obsidian shows them; the reader
 * sends them no referrer).
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "frame-src https://www.youtube-nocookie.com 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Vault files are untrusted content. Opened directly (a new tab on an SVG), they run in an opaque
 * origin with no script, so they cannot reach the API with the page's credentials.
 */
export const ASSET_CSP =
  "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'";

/**
 * A PDF cannot be sandboxed (Chromium's viewer refuses a sandboxed document), so it gets its own
 * policy: it may be framed by our page only (`frame-ancestors` overrides `X-Frame-Options: DENY`
 * in browsers that know it) and may load nothing by itself.
 */
export const PDF_CSP = "default-src 'none'; frame-ancestors 'self'";

/** Headers every response carries, whatever it is. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // YouTube's embed refuses to play without a referrer; this sends only our origin, never the path.
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Other origins (even other ports of 127.0.0.1, which are "same-site") may not embed our responses.
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Headers for a vault file of the given type (null: not a type we render). PDFs are left out of
 * the sandbox because Chromium refuses to run its PDF viewer in a sandboxed document.
 */
export function assetHeaders(contentType: string | null): Record<string, string> {
  if (contentType === 'application/pdf') return { 'Content-Type': contentType, 'Content-Security-Policy': PDF_CSP };
  if (contentType === null) {
    return {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': 'attachment',
      'Content-Security-Policy': ASSET_CSP,
    };
  }
  return { 'Content-Type': contentType, 'Content-Security-Policy': ASSET_CSP };
}
