/**
 * Which note a piece of rendered markdown belongs to. Links resolve against that note's
 * resolutions, timestamps fall back to its video, and embeds track depth and the chain of notes
 * being embedded so cycles stop.
 */
import { createContext, useContext } from 'react';
import type { LinkResolution, NoteView } from '../../../main/api';

export type RenderMode = 'reader' | 'embed' | 'preview';

export interface NoteContextValue {
  view: NoteView;
  mode: RenderMode;
  /** 0 for the open note; each embed adds one. */
  depth: number;
  /** `path#subpath` of every embed around this point, outermost first. */
  chain: readonly string[];
}

export const NoteContext = createContext<NoteContextValue | null>(null);

export function useNoteContext(): NoteContextValue {
  const ctx = useContext(NoteContext);
  if (!ctx) throw new Error('Rendered markdown needs a NoteContext.');
  return ctx;
}

export const MAX_EMBED_DEPTH = 3;

/** Where a link target written in `view` goes (the empty target is the note itself). */
export function resolutionOf(view: NoteView, target: string): LinkResolution | null {
  if (target === '') return { path: view.path, via: 'path' };
  const exact = view.resolutions[target] ?? view.resolutions[target.trim()];
  if (exact) return exact;
  const key = target.trim().normalize('NFC').toLowerCase();
  for (const [written, res] of Object.entries(view.resolutions)) {
    if (written.normalize('NFC').toLowerCase() === key) return res;
  }
  return null;
}
