/**
 * Caption tracks for a local video (yt-dlp's `Title [ID].<lang>.vtt|srt` sidecars) and the
 * reader's language choice, remembered for the app (localStorage) by language code and applied to
 * the next video that has that language. `.srt` is served as WebVTT by the host (`?as=vtt`),
 * since <track> reads WebVTT only.
 */
import { useSyncExternalStore } from 'react';
import { client } from '../api/client';
import type { CaptionTrack } from '../../../main/api';

const KEY = 'cairn.captions';
/** The stored choice: a language code, or `off`. Nothing stored reads as off. */
export const CAPTIONS_OFF = 'off';

/** One track per language, WebVTT preferred over SubRip when a video has both. */
export function captionChoices(tracks: readonly CaptionTrack[]): CaptionTrack[] {
  const byLang = new Map<string, CaptionTrack>();
  for (const track of tracks) {
    const held = byLang.get(track.lang);
    if (!held || (held.format === 'srt' && track.format === 'vtt')) byLang.set(track.lang, track);
  }
  return [...byLang.values()].sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0));
}

/**
 * The track the remembered language means for this video: the same code, else the same base
 * language (`en` for `en-US` and back), else none.
 */
export function chosenCaption(tracks: readonly CaptionTrack[], preference: string | null): CaptionTrack | null {
  if (!preference || preference === CAPTIONS_OFF) return null;
  const want = preference.toLowerCase();
  const exact = tracks.find((t) => t.lang.toLowerCase() === want);
  if (exact) return exact;
  const base = want.split('-')[0];
  return tracks.find((t) => t.lang.toLowerCase().split('-')[0] === base) ?? null;
}

/** "English", "Português (Brasil)"…; the code itself when the browser cannot name it. */
export function languageName(lang: string): string {
  if (lang === 'und') return 'Unknown language';
  try {
    return new Intl.DisplayNames(undefined, { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

// ---- the remembered choice ------------------------------------------------------------------------

const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setCaptionPreference(lang: string): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Storage refused (private mode, quota): the choice holds for this page only.
  }
  memory = lang;
  for (const listener of listeners) listener();
}

let memory: string | null = null;

function current(): string | null {
  return read() ?? memory;
}

export function useCaptionPreference(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    current,
  );
}

/** Where <track> loads a caption file from: SubRip asks the host for WebVTT. */
export function captionTrackUrl(track: CaptionTrack): string {
  return track.format === 'srt' ? client.mediaUrl(track, { as: 'vtt' }) : client.mediaUrl(track);
}
