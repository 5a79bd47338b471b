/**
 * The main window and what keeps its page in its box: an isolated, sandboxed renderer without
 * Node, no navigation away from our page, no new windows (web links go to the user's browser),
 * no webviews and no permissions beyond fullscreen for the video player.
 */
import { BrowserWindow, screen, shell } from 'electron';
import type { Session, WebContents } from 'electron';
import { isWebUrl } from './ipc';
import type { WindowBounds } from './settings';

export interface MainWindowOptions {
  preload: string;
  pageUrl: string;
  bounds?: WindowBounds | undefined;
  maximized?: boolean | undefined;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const bounds = options.bounds && isOnScreen(options.bounds) ? options.bounds : { width: 1280, height: 820 };
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 640,
    minHeight: 400,
    title: 'Cairn',
    show: false,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => {
    if (options.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(options.pageUrl);
  return window;
}

/**
 * For every web contents the app creates: the page may change its own URL (history API) but never
 * navigate elsewhere or open windows.
 */
export function guardContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    if (isWebUrl(event.url)) void shell.openExternal(event.url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function denyPermissions(session: Session): void {
  // Fullscreen is the one a reader asks for (the video player); camera, location, notifications… never.
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'fullscreen'));
  session.setPermissionCheckHandler((_contents, permission) => permission === 'fullscreen');
}

/** Saved bounds from a monitor that is gone would open the window off screen. */
function isOnScreen(bounds: WindowBounds): boolean {
  return screen.getAllDisplays().some(({ workArea: area }) => {
    const overlapX = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const overlapY = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y);
    return overlapX >= 100 && overlapY >= 100;
  });
}
