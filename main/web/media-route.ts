/**
 * `media/<root>/<path>`: files of the media library's roots (0 is the vault), for both hosts. The
 * path is decoded and checked here (no dot segments, NUL or backslashes in any encoding), then the
 * service confines it to its root; `?as=vtt` on an `.srt` answers it converted to WebVTT.
 */
import { openRegularFile } from '../core/regular-file';
import { srtToVtt } from '../core/media/srt-to-vtt';
import type { HostedVault } from '../dispatch';
import { vaultContentType } from './content-types';
import { decodePathSegments } from './request-path';

/** Caption files are small (a 3-hour talk: ~300 KB); past this one is not converted in memory. */
export const MAX_SRT_BYTES = 32 * 1024 * 1024;

export interface MediaTarget {
  absolute: string;
  path: string;
  /** Set when the answer is an `.srt` converted to WebVTT, in place of the file. */
  vtt: string | null;
  contentType: string | null;
}

/** What a `media/…` request names, or null (not found, refused, or unreadable). */
export async function mediaTarget(vault: HostedVault, rawPath: string, search: string): Promise<MediaTarget | null> {
  const segments = decodePathSegments(rawPath);
  if (!segments || segments.length < 2 || !/^\d{1,4}$/.test(segments[0]!)) return null;
  const path = segments.slice(1).join('/');
  const absolute = await vault.mediaPath(Number(segments[0]), path);
  if (!absolute) return null;
  const asVtt = new URLSearchParams(search).get('as') === 'vtt';
  if (asVtt && path.toLowerCase().endsWith('.srt')) {
    const vtt = await readSrtAsVtt(absolute);
    return vtt === null ? null : { absolute, path, vtt, contentType: 'text/vtt; charset=utf-8' };
  }
  return { absolute, path, vtt: null, contentType: vaultContentType(path) };
}

async function readSrtAsVtt(absolute: string): Promise<string | null> {
  const file = await openRegularFile(absolute).catch(() => null);
  if (!file) return null;
  try {
    if (file.stats.size > MAX_SRT_BYTES) return null;
    return srtToVtt((await file.handle.readFile()).toString('utf8'));
  } finally {
    await file.handle.close();
  }
}
