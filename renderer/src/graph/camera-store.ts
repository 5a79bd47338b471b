/**
 * The graph view's camera (zoom and pan) per vault, so leaving the view for a note and coming
 * back finds it where it was. Kept in memory for this page and in localStorage across reloads;
 * anything malformed read back is ignored.
 */
import type { Camera } from './graph-view';

const PREFIX = 'cairn.graph.camera.v1:';
const recent = new Map<string, Camera>();

export function saveCamera(vaultKey: string, camera: Camera): void {
  recent.set(vaultKey, camera);
  try {
    localStorage.setItem(PREFIX + vaultKey, JSON.stringify(camera));
  } catch {
    // Storage full or disabled: the camera is kept for this page only.
  }
}

export function loadCamera(vaultKey: string): Camera | null {
  const kept = recent.get(vaultKey);
  if (kept) return kept;
  try {
    const raw = JSON.parse(localStorage.getItem(PREFIX + vaultKey) ?? 'null') as unknown;
    if (!raw || typeof raw !== 'object') return null;
    const c = raw as { zoom?: unknown; pan?: { x?: unknown; y?: unknown } };
    const ok = [c.zoom, c.pan?.x, c.pan?.y].every((n) => typeof n === 'number' && Number.isFinite(n)) && (c.zoom as number) > 0;
    return ok ? { zoom: c.zoom as number, pan: { x: c.pan!.x as number, y: c.pan!.y as number } } : null;
  } catch {
    return null;
  }
}
