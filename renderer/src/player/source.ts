/**
 * What a play request can be played from, best first. A note's own `media:` file wins (it plays
 * offline, and it is what the writer had at hand); YouTube comes after it, and only for a real
 * YouTube id: a name like `local-sample-clip` never becomes a YouTube URL.
 */
import { isVideoId } from '../../../main/core/syntax/youtube';

export type SourceCandidate = { kind: 'media'; path: string } | { kind: 'youtube'; videoId: string };

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

export function sourceCandidates(request: { videoId: string | null; media: string | null; notePath: string | null }): SourceCandidate[] {
  const out: SourceCandidate[] = [];
  if (request.media) for (const path of mediaCandidates(request.media, request.notePath)) out.push({ kind: 'media', path });
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
