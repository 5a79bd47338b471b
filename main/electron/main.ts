/**
 * The Electron app: one window on one vault at a time. The vault is `--vault DIR` when given, else
 * the last one opened, else the sample vault next to the app. Window bounds are remembered in
 * settings.json; the page keeps its own layout in localStorage (its `cairn://app` origin persists).
 */
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VaultService } from '../service';
import { APP_ORIGIN, handleAppProtocol, isAppUrl, registerAppScheme } from './app-protocol';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { loadSettings, saveSettings, settingsFile } from './settings';
import type { Settings } from './settings';
import { createMainWindow, denyPermissions, guardContents } from './window';
import { identifyToYouTube } from './youtube-referer';

registerAppScheme();

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preload = join(here, '../preload/preload.cjs');
// electron-vite dev sets this to its Vite server; a packaged app never uses it.
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL?.replace(/\/$/, '') : undefined;
const pageUrl = devUrl ? `${devUrl}/` : `${APP_ORIGIN}/`;

function isOurPage(url: string): boolean {
  return isAppUrl(url) || (devUrl !== undefined && (url === devUrl || url.startsWith(`${devUrl}/`)));
}

/** `--vault DIR` or `--vault=DIR` anywhere on the command line. */
function vaultArgument(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--vault' && argv[i + 1]) return resolve(argv[i + 1]!);
    if (arg.startsWith('--vault=')) return resolve(arg.slice('--vault='.length));
  }
  return null;
}

async function start(): Promise<void> {
  const settingsPath = settingsFile(app.getPath('userData'));
  let settings: Settings = await loadSettings(settingsPath);
  const remember = (patch: Partial<Settings>) => {
    settings = { ...settings, ...patch };
    try {
      saveSettings(settingsPath, settings);
    } catch {
      // Unsaved settings cost a window position, not the session.
    }
  };

  const service = new VaultService({ canOpenOther: true, cacheDir: join(app.getPath('userData'), 'cache') });
  denyPermissions(session.defaultSession);
  handleAppProtocol(session.defaultSession, rendererDir, service);
  identifyToYouTube(session.defaultSession);
  registerIpc(service, isOurPage);

  const openVault = async (root: string, force = false): Promise<void> => {
    try {
      await service.openVault({ root, force });
      remember({ lastVault: root });
    } catch (err) {
      // A whole disk or a home folder: say why, and let the user go on.
      if ((err as { code?: string }).code === 'too-large' && !force) {
        const { response } = await dialog.showMessageBox({
          type: 'warning',
          message: 'This folder does not look like a vault of notes',
          detail: `${err instanceof Error ? err.message : String(err)}\n\nReading it may take minutes and a lot of memory.`,
          buttons: ['Open anyway', 'Cancel'],
          defaultId: 1,
          cancelId: 1,
        });
        if (response === 0) await openVault(root, true);
        return;
      }
      dialog.showErrorBox(
        'Cairn could not open this vault',
        `${root}\n\n${err instanceof Error ? err.message : String(err)}`,
      );
    }
  };

  const showWindow = () => {
    const window = createMainWindow({ preload, pageUrl, bounds: settings.bounds, maximized: settings.maximized });
    window.on('close', () => remember({ bounds: window.getNormalBounds(), maximized: window.isMaximized() }));
    return window;
  };

  const chooseVault = async () => {
    const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    const options = { title: 'Open Vault', properties: ['openDirectory' as const] };
    const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    const root = choice.filePaths[0];
    if (!choice.canceled && root) await openVault(root);
  };

  // The renderer's router follows the hash (state/navigation.ts), so the menu only sets it.
  const openGraphView = () => void BrowserWindow.getFocusedWindow()?.webContents.executeJavaScript("location.hash = '#/graph'");
  Menu.setApplicationMenu(buildMenu({ dev: devUrl !== undefined, openVault: () => void chooseVault(), openGraphView }));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showWindow();
  });

  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void service.close().finally(() => {
      closed = true;
      app.quit();
    });
  });

  showWindow();
  const last = settings.lastVault && existsSync(settings.lastVault) ? settings.lastVault : null;
  await openVault(vaultArgument(process.argv) ?? last ?? join(app.getAppPath(), 'vault'));
}

app.on('web-contents-created', (_event, contents) => guardContents(contents));
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app
  .whenReady()
  .then(start)
  .catch((err: unknown) => {
    dialog.showErrorBox('Cairn could not start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
