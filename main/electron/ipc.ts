/**
 * The bridge's main-process end: one request channel into `callApi`, one push channel for
 * `VaultEvent`s, and opening http(s) links in the user's browser. Requests from any frame that is
 * not our page (a YouTube embed, a page navigated elsewhere) are refused.
 */
import { BrowserWindow, ipcMain, shell } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { callApi } from '../dispatch';
import type { HostedVault } from '../dispatch';
import type { ApiResult } from '../api';

export const CALL_CHANNEL = 'vault:call';
export const EVENT_CHANNEL = 'vault:event';
export const OPEN_EXTERNAL_CHANNEL = 'app:open-external';

export function isWebUrl(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Registers the handlers; returns a function that removes them. */
export function registerIpc(vault: HostedVault, isOurPage: (url: string) => boolean): () => void {
  const trusted = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame;
    // Only our page's top frame: never an embed inside it, whatever its origin.
    return frame !== null && frame.parent === null && isOurPage(frame.url);
  };

  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, params: unknown): Promise<ApiResult<unknown>> => {
    if (!trusted(event))
      return { ok: false, error: { code: 'forbidden', message: 'This frame may not call the vault.' } };
    return callApi(vault, method, params);
  });

  ipcMain.handle(OPEN_EXTERNAL_CHANNEL, async (event, url: unknown): Promise<boolean> => {
    if (!trusted(event) || !isWebUrl(url)) return false;
    await shell.openExternal(url);
    return true;
  });

  const unsubscribe = vault.onEvent((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (!contents.isDestroyed() && isOurPage(contents.getURL())) contents.send(EVENT_CHANNEL, event);
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(CALL_CHANNEL);
    ipcMain.removeHandler(OPEN_EXTERNAL_CHANNEL);
  };
}
