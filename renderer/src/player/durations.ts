/**
 * How long each cited recording is, as its player reported it, remembered across sessions
 * (localStorage, both hosts have it). The Sources view uses it to flag stamps past the end.
 */
import { useSyncExternalStore } from 'react';

const KEY = 'cairn.durations.v1';
const MAX_ENTRIES = 2000;

type Durations = Record<string, number>;

function load(): Durations {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    const out: Durations = {};
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'number' && v > 0 && Number.isFinite(v)) out[k] = v;
    return out;
  } catch {
    return {};
  }
}

let durations: Durations = load();
const listeners = new Set<() => void>();

export function knownDuration(key: string): number | null {
  return durations[key] ?? null;
}

export function rememberDuration(key: string, seconds: number): void {
  if (!(seconds > 0) || !Number.isFinite(seconds)) return;
  // Streams and players report fractions that drift by a frame; only a real change is news.
  if (Math.abs((durations[key] ?? 0) - seconds) < 0.5) return;
  const next = { ...durations, [key]: Math.round(seconds * 100) / 100 };
  const keys = Object.keys(next);
  if (keys.length > MAX_ENTRIES) delete next[keys[0]!];
  durations = next;
  try {
    localStorage.setItem(KEY, JSON.stringify(durations));
  } catch {
    // Storage full or off: the length is known for this session only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDurations(): Readonly<Durations> {
  return useSyncExternalStore(subscribe, () => durations);
}
