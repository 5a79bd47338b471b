/**
 * The shapes the library answers in. They are `main/api.ts`'s (MediaRoot, MediaFileRef, LocalCopy,
 * CaptionTrack, Chapter), restated here because the core imports nothing outside itself; the
 * service hands these to the API as they are, and the type checker holds the two to each other.
 */

export interface MediaRoot {
  id: number;
  path: string;
  origin: 'vault' | 'command-line' | 'settings';
  missing: boolean;
  scanning: boolean;
  files: number;
  problem: string | null;
}

export interface MediaFileRef {
  root: number;
  /** Relative to its root, `/`-separated. */
  path: string;
  name: string;
  bytes: number;
}

export interface LocalCopy extends MediaFileRef {
  format: string;
  playable: boolean;
  reason: string | null;
}

export interface CaptionTrack extends MediaFileRef {
  lang: string;
  format: 'vtt' | 'srt';
}

export interface Chapter {
  seconds: number;
  end: number | null;
  title: string;
}
