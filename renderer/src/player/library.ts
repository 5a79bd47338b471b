/**
 * What the media library knows of one video (its local copy, captions, chapters), asked of the
 * host once per video id and kept until the library changes (`media-changed`): every stamp of a
 * note cites the same video, and a popover or the player asking again must cost nothing.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { client } from '../api/client';
import type { VideoEntry } from '../../../main/api';

type Listener = () => void;

/** Answers (null: the library has no entry for it, or could not answer), and requests in flight. */
const answers = new Map<string, VideoEntry | null>();
const pending = new Map<string, Promise<VideoEntry | null>>();
const listeners = new Set<Listener>();
/** Bumped when the library changes, so an answer that was in flight across a change is not kept. */
let generation = 0;
let watching = false;

function watch(): void {
  if (watching) return;
  watching = true;
  client.onEvent((event) => {
    if (event.type !== 'media-changed' && event.type !== 'ready') return;
    forgetVideoEntries();
  });
}

/** Drops every answer; the next ask goes to the host. */
export function forgetVideoEntries(): void {
  generation++;
  answers.clear();
  pending.clear();
  for (const listener of listeners) listener();
  for (const listener of changeListeners) listener();
}

/** Listeners to the library itself changing (not to answers arriving). */
const changeListeners = new Set<Listener>();

/** Calls `listener` when the library changes (files came or went, a vault opened). */
export function onLibraryChanged(listener: Listener): () => void {
  watch();
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** The library's entry for a video, from the cache when it has one. Never rejects. */
export function videoEntry(videoId: string): Promise<VideoEntry | null> {
  watch();
  if (answers.has(videoId)) return Promise.resolve(answers.get(videoId) ?? null);
  const inFlight = pending.get(videoId);
  if (inFlight) return inFlight;
  const asked = generation;
  const request = client.videos({ videoId }).then(
    (view) => view.videos.find((v) => v.videoId === videoId) ?? null,
    // A host without the library (or a refused id) leaves the player its other sources.
    () => null,
  );
  pending.set(videoId, request);
  void request.then((entry) => {
    if (asked !== generation) return;
    pending.delete(videoId);
    answers.set(videoId, entry);
    for (const listener of listeners) listener();
  });
  return request;
}

/** The entry if it is known now (undefined: not asked yet or still on its way). */
export function peekVideoEntry(videoId: string): VideoEntry | null | undefined {
  return answers.has(videoId) ? (answers.get(videoId) ?? null) : undefined;
}

/** Calls `listener` whenever an answer arrives or the library changes. */
export function onVideoEntries(listener: Listener): () => void {
  watch();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The entry of `videoId` for a component, asking for it when needed; undefined while on its way. */
export function useVideoEntry(videoId: string | null): VideoEntry | null | undefined {
  const entry = useSyncExternalStore(onVideoEntries, () => (videoId ? peekVideoEntry(videoId) : null));
  useEffect(() => {
    if (videoId && entry === undefined) void videoEntry(videoId);
  }, [videoId, entry]);
  return entry;
}
