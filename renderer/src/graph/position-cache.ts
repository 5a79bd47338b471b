/**
 * Global layout positions per vault, in IndexedDB (structured clone keeps the Float32Array as
 * is, and there is no 5 MB string limit as with localStorage), so reopening a vault draws its
 * graph at once instead of laying it out again. Failures are silent by design: without the
 * cache the graph is only slower to appear.
 */
const DB_NAME = 'cairn-graph';
const STORE = 'positions';
const VERSION = 1;

interface Saved {
  version: 1;
  ids: string[];
  xy: Float32Array;
  savedAt: number;
}

let dbPromise: Promise<IDBDatabase | null> | null = null;

function openDb(): Promise<IDBDatabase | null> {
  if (dbPromise) return dbPromise;
  dbPromise = new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    const req = indexedDB.open(DB_NAME, VERSION);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
  return dbPromise;
}

export type PositionMap = Map<string, { x: number; y: number }>;

const prefetched = new Map<string, { at: number; read: Promise<PositionMap | null> }>();
/** A prefetch older than this is not trusted to be current. */
const PREFETCH_MS = 10_000;

/**
 * Starts reading a vault's positions early (while its graph is still being fetched); the next
 * `loadPositions` for the same vault takes this read instead of starting another.
 */
export function prefetchPositions(vaultKey: string): void {
  const early = prefetched.get(vaultKey);
  if (!early || Date.now() - early.at > PREFETCH_MS) prefetched.set(vaultKey, { at: Date.now(), read: readPositions(vaultKey) });
}

export function loadPositions(vaultKey: string): Promise<PositionMap | null> {
  const early = prefetched.get(vaultKey);
  prefetched.delete(vaultKey);
  return early && Date.now() - early.at <= PREFETCH_MS ? early.read : readPositions(vaultKey);
}

async function readPositions(vaultKey: string): Promise<PositionMap | null> {
  const db = await openDb();
  if (!db) return null;
  return new Promise((resolve) => {
    try {
      const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(vaultKey);
      req.onsuccess = () => {
        const saved = req.result as Saved | undefined;
        if (!saved || saved.version !== 1 || !(saved.xy instanceof Float32Array) || saved.xy.length !== 2 * saved.ids.length) return resolve(null);
        const map: PositionMap = new Map();
        for (let i = 0; i < saved.ids.length; i++) {
          const x = saved.xy[2 * i]!;
          const y = saved.xy[2 * i + 1]!;
          if (Number.isFinite(x) && Number.isFinite(y)) map.set(saved.ids[i]!, { x, y });
        }
        resolve(map);
      };
      req.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

export async function savePositions(vaultKey: string, positions: PositionMap): Promise<void> {
  const db = await openDb();
  if (!db) return;
  const ids = [...positions.keys()];
  const xy = new Float32Array(2 * ids.length);
  ids.forEach((id, i) => {
    const p = positions.get(id)!;
    xy[2 * i] = p.x;
    xy[2 * i + 1] = p.y;
  });
  const saved: Saved = { version: 1, ids, xy, savedAt: Date.now() };
  await new Promise<void>((resolve) => {
    try {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(saved, vaultKey);
      tx.oncomplete = () => resolve();
      tx.onerror = () => resolve();
      tx.onabort = () => resolve();
    } catch {
      resolve();
    }
  });
}
