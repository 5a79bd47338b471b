/**
 * The shapes the media library answers in. `main/api.ts` re-exports them, as it does the vault
 * model's, so the contract and the core share one definition: the core imports nothing outside
 * itself, and the API builds on the core's types.
 */

/** A folder the media library looks in: the vault itself (id 0) or one the user added (ids from 1). */
export interface MediaRoot {
  id: number;
  /** Absolute folder on the host. */
  path: string;
  /** Where it came from: the vault, `--media` on the command line (this run only), or Settings (kept per vault). */
  origin: 'vault' | 'command-line' | 'settings';
  /** True while the folder is gone from disk; it is looked for again, like the vault. */
  missing: boolean;
  /** True until its first scan has finished. */
  scanning: boolean;
  /** Media and sidecar files found in it (files of other kinds are not counted). */
  files: number;
  /** Why it could not be read (too large, not a folder, refused), or null. */
  problem: string | null;
}

/**
 * A file inside a media root. The page loads it at `media/<root>/<path, each segment
 * URI-encoded>` (relative, like `asset/…`); root 0 is the vault, confined as `asset/` is.
 */
export interface MediaFileRef {
  root: number;
  /** Relative to its root, `/`-separated, NFC. */
  path: string;
  /** The file name alone. */
  name: string;
  bytes: number;
}

export interface LocalCopy extends MediaFileRef {
  /** The container by its extension, lower case: `webm`, `mp4`, `m4a`, `mp3`, `ogg`, `opus`, `mkv`, … */
  format: string;
  /** Whether Chromium plays it. */
  playable: boolean;
  /** Why it is not playable (e.g. "Chromium does not play Matroska (.mkv) files"), null when it is. */
  reason: string | null;
}

export interface CaptionTrack extends MediaFileRef {
  /** The language part of `Title [ID].<lang>.vtt` (`en`, `en-US`, `live_chat` is not a caption); `und` when absent. */
  lang: string;
  format: 'vtt' | 'srt';
}

export interface Chapter {
  seconds: number;
  /** Where the chapter ends, when the sidecar says. */
  end: number | null;
  title: string;
}
