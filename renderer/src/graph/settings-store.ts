/**
 * Graph settings per vault in localStorage, read through `normalizeSettings` so anything stored
 * by an older version (or edited by hand) comes back valid.
 */
import type { GraphSettings } from './graph-settings';
import { normalizeSettings } from './graph-settings';

const PREFIX = 'cairn.graph.settings.v1:';

export function loadSettings(vaultKey: string): GraphSettings {
  try {
    const raw = localStorage.getItem(PREFIX + vaultKey);
    return normalizeSettings(raw ? JSON.parse(raw) : null);
  } catch {
    return normalizeSettings(null);
  }
}

export function saveSettings(vaultKey: string, settings: GraphSettings): void {
  try {
    localStorage.setItem(PREFIX + vaultKey, JSON.stringify(settings));
  } catch {
    // Storage full or disabled: the settings last for this session only.
  }
}
