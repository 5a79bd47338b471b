/**
 * Open notes fetched once and shared: the reader, the outline, embeds and hover previews ask for
 * the same `NoteView` and get the same promise. An entry is dropped as soon as a delta names its
 * note, and `useNote` refetches because the note's version in the vault store moved.
 */
import { useEffect, useState } from 'react';
import { client } from '../api/client';
import type { NoteView } from '../../../main/api';
import { messageOf, useVault, vaultStore } from '../state/vault-store';

const notes = new Map<string, Promise<NoteView>>();
const MAX = 100;

let knownStructure = 0;
vaultStore.onDelta((delta) => {
  const { structureSeq } = vaultStore.getState();
  if (structureSeq !== knownStructure) {
    // Notes came or went: any cached note may now resolve its links differently.
    knownStructure = structureSeq;
    notes.clear();
    return;
  }
  for (const path of delta.notesUpserted) notes.delete(path);
  for (const path of delta.notesRemoved) notes.delete(path);
});

export function fetchNote(path: string): Promise<NoteView> {
  let p = notes.get(path);
  if (!p) {
    p = client.openNote({ path });
    notes.set(path, p);
    // A failure is not cached: the next ask tries again.
    p.catch(() => notes.get(path) === p && notes.delete(path));
    if (notes.size > MAX) notes.delete(notes.keys().next().value as string);
  }
  return p;
}

export interface NoteState {
  view: NoteView | null;
  error: string | null;
  /** The error's code from the host (`not-found` when there is no such note). */
  errorCode: string | null;
  loading: boolean;
  /** The note was removed from disk while open; `view` keeps its last content. */
  deleted: boolean;
  /** Bumped each time the view is replaced by a newer version of the same note. */
  revision: number;
}

/** The note at `path`, kept current as the vault changes. */
export function useNote(path: string | null): NoteState {
  const version = useVault((s) => (path ? (s.noteVersions.get(path) ?? 0) : 0));
  const structure = useVault((s) => s.structureSeq);
  const deleted = useVault((s) => (path ? s.removed.has(path) : false));
  const [state, setState] = useState<Omit<NoteState, 'deleted'> & { path: string | null }>({
    path,
    view: null,
    error: null,
    errorCode: null,
    loading: path !== null,
    revision: 0,
  });

  useEffect(() => {
    if (!path) return;
    if (deleted) return;
    let live = true;
    setState((s) =>
      s.path === path
        ? { ...s, loading: true }
        : { path, view: null, error: null, errorCode: null, loading: true, revision: 0 },
    );
    fetchNote(path).then(
      (view) =>
        live &&
        setState((s) => ({
          path,
          view,
          error: null,
          errorCode: null,
          loading: false,
          revision: s.path === path ? s.revision + 1 : 0,
        })),
      (err: unknown) =>
        live &&
        setState((s) => ({
          // Keep the last good content of this note on screen; the error explains why it may be stale.
          path,
          view: s.path === path ? s.view : null,
          error: messageOf(err),
          errorCode: (err as { code?: string }).code ?? null,
          loading: false,
          revision: s.path === path ? s.revision : 0,
        })),
    );
    return () => {
      live = false;
    };
  }, [path, version, structure, deleted]);

  const current =
    state.path === path
      ? state
      : { path, view: null, error: null, errorCode: null, loading: path !== null, revision: 0 };
  return {
    view: current.view,
    error: current.error,
    errorCode: current.errorCode,
    loading: current.loading,
    deleted,
    revision: current.revision,
  };
}
