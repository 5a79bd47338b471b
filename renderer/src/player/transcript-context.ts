/**
 * What was said around a cited moment (a few seconds either side), from the video's captions, so
 * a quote can be checked against it. Asked of the host only when someone looks (a stamp hovered
 * or focused, a moment that cannot play), and kept: notes carry hundreds of stamps, and the same
 * one is hovered again and again.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { client } from '../api/client';
import type { TranscriptView } from '../../../main/api';
import { onLibraryChanged } from './library';

/** Seconds of transcript shown before and after the moment. */
export const CONTEXT_BEFORE = 4;
export const CONTEXT_AFTER = 8;
/** Answers kept; the oldest goes first. */
const KEEP = 200;

const answers = new Map<string, Promise<TranscriptView | null>>();
/**
 * Answers from before the last `forget`, kept as a fallback: when asking again fails (the network,
 * or the host, is gone) the earlier word is still better than none, and offline is exactly when a
 * reader needs it beside a moment that cannot play.
 */
const stale = new Map<string, Promise<TranscriptView | null>>();
const listeners = new Set<() => void>();
/** Moves when what was said may read differently: transcripts loaded, caption files came or went. */
let version = 0;
let watching = false;

function forget(): void {
  for (const [key, answer] of answers) stale.set(key, answer);
  while (stale.size > KEEP) stale.delete(stale.keys().next().value!);
  answers.clear();
  version++;
  for (const listener of listeners) listener();
}

function watch(): void {
  if (watching) return;
  watching = true;
  // Caption files came or went; an answer for one more video arriving changes nothing said.
  onLibraryChanged(forget);
  // Transcripts load after the note index; an answer asked for before then was empty.
  client.onEvent((event) => {
    if (event.type === 'transcripts-ready') forget();
  });
}

export function transcriptAround(videoId: string, seconds: number): Promise<TranscriptView | null> {
  watch();
  const key = `${videoId}@${seconds}`;
  const held = answers.get(key);
  if (held) {
    answers.delete(key);
    answers.set(key, held);
    return held;
  }
  const earlier = stale.get(key);
  stale.delete(key);
  const request = client
    .transcript({ videoId, from: Math.max(0, seconds - CONTEXT_BEFORE), to: seconds + CONTEXT_AFTER })
    .catch(() => earlier ?? null);
  answers.set(key, request);
  if (answers.size > KEEP) answers.delete(answers.keys().next().value!);
  return request;
}

/** The transcript around `seconds` once `enabled` (null while asking, or when there is none). */
export function useTranscriptAround(videoId: string | null, seconds: number, enabled: boolean): TranscriptView | null {
  const [view, setView] = useState<{ key: string; view: TranscriptView | null } | null>(null);
  const current = useSyncExternalStore(
    (listener) => {
      watch();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => version,
  );
  const key = videoId ? `${videoId}@${seconds}#${current}` : null;
  useEffect(() => {
    if (!enabled || !videoId || !key) return;
    let live = true;
    void transcriptAround(videoId, seconds).then((answer) => live && setView({ key, view: answer }));
    return () => {
      live = false;
    };
  }, [enabled, videoId, seconds, key]);
  return view && view.key === key ? view.view : null;
}
