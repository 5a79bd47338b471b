/**
 * The page's only door to the host: `window.cairnHost.call` and `.onEvent` (plus opening web links
 * in the browser). Sandboxed, so it is bundled to one CommonJS file and imports nothing but
 * `electron`; the page never sees `ipcRenderer` or Electron's event objects.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { ApiResult, VaultEvent } from '../api';

contextBridge.exposeInMainWorld('cairnHost', {
  call: (method: string, params: unknown): Promise<ApiResult<unknown>> =>
    ipcRenderer.invoke('vault:call', method, params),
  onEvent(listener: (event: VaultEvent) => void): () => void {
    const forward = (_event: IpcRendererEvent, payload: VaultEvent) => listener(payload);
    ipcRenderer.on('vault:event', forward);
    return () => {
      ipcRenderer.removeListener('vault:event', forward);
    };
  },
  openExternal: (url: string): Promise<boolean> => ipcRenderer.invoke('app:open-external', url),
});
