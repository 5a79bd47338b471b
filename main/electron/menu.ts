/**
 * The application menu. Ctrl/Cmd+O belongs to the page's quick switcher, so opening a vault is
 * Ctrl/Cmd+Shift+O.
 */
import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openVault(): void;
  openGraphView(): void;
  dev: boolean;
}

export function buildMenu(actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Vault…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openVault() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        // The page handles Ctrl/Cmd+G itself (the web host has no menu), so the menu only shows it.
        { label: 'Graph View', accelerator: 'CmdOrCtrl+G', registerAccelerator: false, click: () => actions.openGraphView() },
        { type: 'separator' },
        { role: 'reload' },
        ...(actions.dev ? [{ role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
