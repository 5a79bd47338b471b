/**
 * What a play request can be played from, best first. A note's own `media:` file wins (it is what
 * the writer chose); then the media library's copy of the video (a yt-dlp download found by its
 * id), online or not, since it plays at once and anywhere; YouTube comes last, and only for a real
 * YouTube id: a name like `local-sample-clip` never becomes a YouTube URL.
 */
import type { LocalCopy } from '../../../main/api';
import { isVideoId } from '../../../main/core/syntax/youtube';

export type SourceCandidate =
  | { kind: 'media'; path: string }
  | { kind: 'local'; copy: LocalCopy }
  | { kind: 'youtube'; videoId: string };

/** One key per cited recording: its id when it has one, else its file. Null when there is neither. */
export function videoKey(videoId: string | null, media: string | null): string | null {
  if (videoId) return videoId;
  return media ? `media:${media}` : null;
}

/**
 * Vault paths a `media:` value may mean: vault-relative (what the front matter documents), then
 * relative to the note's folder (what people also write). Paths that climb out of the vault, URLs
 * and empty values give nothing; the host confines what is left again.
 */
export function mediaCandidates(media: string, notePath: string | null): string[] {
  const raw = media.trim().replace(/\\/g, '/');
  if (!raw || /^[a-z][a-z0-9+.-]*:/i.test(raw)) return [];
  const out: string[] = [];
  const add = (path: string | null) => {
    if (path && !out.includes(path)) out.push(path);
  };
  add(normalise(raw.replace(/^\/+/, '')));
  const folder = notePath && notePath.includes('/') ? notePath.slice(0, notePath.lastIndexOf('/')) : null;
  if (folder && !raw.startsWith('/')) add(normalise(`${folder}/${raw}`));
  return out;
}

export interface SourceRequest {
  videoId: string | null;
  media: string | null;
  notePath: string | null;
  /** The library's copy of the video; one Chromium cannot play is left out. */
  local?: LocalCopy | null;
}

export function sourceCandidates(request: SourceRequest): SourceCandidate[] {
  const out: SourceCandidate[] = [];
  if (request.media) for (const path of mediaCandidates(request.media, request.notePath)) out.push({ kind: 'media', path });
  const local = request.local;
  // The note's own file may be the very copy the library found (root 0 is the vault).
  if (local?.playable && !(local.root === 0 && out.some((c) => c.kind === 'media' && c.path === local.path))) {
    out.push({ kind: 'local', copy: local });
  }
  if (request.videoId && isVideoId(request.videoId)) out.push({ kind: 'youtube', videoId: request.videoId });
  return out;
}

/** POSIX `.`/`..` folding; null when the path leaves its root or names nothing. */
function normalise(path: string): string | null {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length ? parts.join('/') : null;
}

/** Two candidates name the same source (the store finds the playing one again in a fresh list). */
export function sameSource(a: SourceCandidate, b: SourceCandidate): boolean {
  if (a.kind === 'media' && b.kind === 'media') return a.path === b.path;
  if (a.kind === 'local' && b.kind === 'local') return a.copy.root === b.copy.root && a.copy.path === b.copy.path;
  if (a.kind === 'youtube' && b.kind === 'youtube') return a.videoId === b.videoId;
  return false;
}

/** What the `Playing from` status says: "local copy · <file>", the `media:` file's name, "YouTube". */
export function sourceLabel(source: SourceCandidate): string {
  switch (source.kind) {
    case 'media':
      return source.path.slice(source.path.lastIndexOf('/') + 1);
    case 'local':
      return `local copy · ${source.copy.name}`;
    case 'youtube':
      return 'YouTube';
  }
}

/** The name of the control that switches to `source`. */
export function switchLabel(source: SourceCandidate): string {
  switch (source.kind) {
    case 'media':
      return `Play ${sourceLabel(source)}`;
    case 'local':
      return 'Play local copy';
    case 'youtube':
      return 'Play from YouTube';
  }
}
