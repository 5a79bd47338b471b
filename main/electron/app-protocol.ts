/**
 * `cairn://app/`: where the window's page comes from. A standard, secure scheme gives the page a
 * real origin (so `connect-src 'self'`, localStorage and fetch behave as on https) without a
 * server or `file://`. What it answers is in app-files.ts.
 */
import { protocol } from 'electron';
import type { Session } from 'electron';
import type { HostedVault } from '../dispatch';
import { respondToAppRequest, text } from './app-files';

export const APP_SCHEME = 'cairn';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

export function isAppUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

export function handleAppProtocol(session: Session, rendererDir: string, vault: HostedVault): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    try {
      return await respondToAppRequest(request, rendererDir, vault);
    } catch (err) {
      return text(500, `Internal error: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}
