import { parseYoutubeT } from './time';

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

export function isVideoId(s: string): boolean {
  return VIDEO_ID.test(s);
}

/** The video id of a YouTube URL (watch, youtu.be, embed, shorts, live), or null. */
export function youtubeVideoId(url: string): string | null {
  return parseYoutubeUrl(url)?.videoId ?? null;
}

/** A YouTube URL's video and, when it carries one (`t=`/`start=`), its time in seconds. */
export function parseYoutubeUrl(url: string): { videoId: string; seconds: number | null } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const host = u.hostname.replace(/^(www\.|m\.|music\.)/, '');
  let id: string | null = null;
  if (host === 'youtu.be') id = u.pathname.slice(1).split('/')[0] ?? null;
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    if (u.pathname === '/watch') id = u.searchParams.get('v');
    else {
      const m = /^\/(?:embed|shorts|live|v)\/([^/]+)/.exec(u.pathname);
      id = m?.[1] ?? null;
    }
  }
  if (!id || !VIDEO_ID.test(id)) return null;
  const t = u.searchParams.get('t') ?? u.searchParams.get('start') ?? hashTime(u.hash);
  return { videoId: id, seconds: t === null ? null : parseYoutubeT(t) };
}

function hashTime(hash: string): string | null {
  const m = /^#t=(.+)$/.exec(hash);
  return m?.[1] ?? null;
}

/** The watch URL that opens `videoId` at `seconds` on youtube.com. */
export function watchUrl(videoId: string, seconds: number): string {
  return `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}&t=${Math.max(0, Math.floor(seconds))}s`;
}
