/**
 * YouTube's embedded player plays only for a client that names itself in the HTTP Referer (else
 * error 153). A page on `cairn://app` sends none: Chromium sends referrers from http(s) pages
 * only. So requests for the embed that carry no Referer get the app's identity, the form YouTube's
 * Required Minimum Functionality asks of desktop apps (`https://` + an app id). Nothing else changes.
 */
import type { Session } from 'electron';

export const YOUTUBE_CLIENT_REFERER = 'https://app.cairn.reader/';

const EMBED_REQUESTS = { urls: ['https://www.youtube-nocookie.com/embed/*'] };

export function identifyToYouTube(session: Session): void {
  // Electron keeps one onBeforeSendHeaders listener per session: this is it.
  session.webRequest.onBeforeSendHeaders(EMBED_REQUESTS, (details, callback) => {
    const headers = { ...details.requestHeaders };
    const has = Object.keys(headers).some((name) => name.toLowerCase() === 'referer');
    if (!has) headers['Referer'] = YOUTUBE_CLIENT_REFERER;
    callback({ requestHeaders: headers });
  });
}
