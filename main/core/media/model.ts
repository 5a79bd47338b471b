/**
 * What the media library (scan of media roots, yt-dlp names, sidecars) hands to the rest of the
 * core. The library owns finding files; the transcript index owns reading captions. They meet
 * only here, so each is built and tested on its own with real files on disk.
 */

/** A caption sidecar the library found for a video: `Title [ID].<lang>.vtt|srt`. */
export interface CaptionFile {
  videoId: string;
  /** `en`, `en-US`, …; `und` when the name carries none. */
  lang: string;
  format: 'vtt' | 'srt';
  /** The media root it lies in (0 is the vault) and its path there, `/`-separated. */
  root: number;
  path: string;
  /** Absolute path on disk, already confined to its root by the library. */
  abs: string;
  bytes: number;
  mtimeMs: number;
}

/** The library as the transcript index sees it: the caption files it knows, and when they change. */
export interface CaptionSource {
  captionFiles(): CaptionFile[];
  /** Called after any change to the set of caption files (added, removed, rewritten); returns an unsubscribe. */
  onCaptionsChanged(listener: () => void): () => void;
}
