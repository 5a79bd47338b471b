/**
 * The YouTube embed, driven without YouTube's script. The page keeps `script-src 'self'`: instead of
 * loading https://www.youtube.com/iframe_api, it talks to a privacy-enhanced embed iframe with the
 * same postMessage protocol that script uses (`enablejsapi=1`): we say we are listening, the player
 * answers with `onReady`, `infoDelivery` (time, duration, state), `onStateChange` and `onError`,
 * and takes `command` messages (`seekTo`, `playVideo`, `pauseVideo`).
 */

export const EMBED_ORIGIN = 'https://www.youtube-nocookie.com';

/** YouTube's player states (`infoDelivery.playerState`, `onStateChange`). */
export const PlayerState = { unstarted: -1, ended: 0, playing: 1, paused: 2, buffering: 3, cued: 5 } as const;

export function embedUrl(videoId: string, options: { start: number; origin: string; autoplay: boolean; widgetId: number }): string {
  const params = new URLSearchParams({
    enablejsapi: '1',
    origin: options.origin,
    widgetid: String(options.widgetId),
    start: String(Math.max(0, Math.floor(options.start))),
    autoplay: options.autoplay ? '1' : '0',
    playsinline: '1',
    rel: '0',
  });
  return `${EMBED_ORIGIN}/embed/${encodeURIComponent(videoId)}?${params.toString()}`;
}

export function listeningMessage(widgetId: number): string {
  return JSON.stringify({ event: 'listening', id: widgetId, channel: 'widget' });
}

export function commandMessage(widgetId: number, func: 'playVideo' | 'pauseVideo' | 'seekTo' | 'addEventListener', args: unknown[] = []): string {
  return JSON.stringify({ event: 'command', func, args, id: widgetId, channel: 'widget' });
}

export type EmbedEvent =
  | { type: 'ready' }
  | { type: 'info'; currentTime: number | null; duration: number | null; state: number | null }
  | { type: 'state'; state: number }
  | { type: 'error'; code: number };

/** What a message from the embed says, or null when it is none of ours (or not understood). */
export function parseEmbedMessage(data: unknown): EmbedEvent | null {
  let message: unknown = data;
  if (typeof data === 'string') {
    try {
      message = JSON.parse(data);
    } catch {
      return null;
    }
  }
  if (!message || typeof message !== 'object') return null;
  const { event, info } = message as { event?: unknown; info?: unknown };
  switch (event) {
    case 'onReady':
      return { type: 'ready' };
    case 'onStateChange':
      return typeof info === 'number' ? { type: 'state', state: info } : null;
    case 'onError': {
      const code = typeof info === 'number' ? info : Number(info);
      return Number.isFinite(code) ? { type: 'error', code } : null;
    }
    case 'initialDelivery':
    case 'infoDelivery': {
      if (!info || typeof info !== 'object') return null;
      const { currentTime, duration, playerState } = info as Record<string, unknown>;
      const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
      const out = { type: 'info' as const, currentTime: num(currentTime), duration: num(duration), state: num(playerState) };
      // A zero duration means "not known yet", not a zero-length video.
      if (out.duration === 0) out.duration = null;
      return out.currentTime === null && out.duration === null && out.state === null ? null : out;
    }
    default:
      return null;
  }
}

export type FailureReason = 'offline' | 'unreachable' | 'not-found' | 'not-embeddable' | 'refused' | 'bad-request' | 'playback' | 'no-source' | 'media';

/** Why YouTube's player refused (its `onError` codes), in words a reader can act on. */
export function embedError(code: number): { reason: FailureReason; message: string } {
  switch (code) {
    case 2:
      return { reason: 'bad-request', message: `YouTube did not accept this video id (error ${code}).` };
    case 5:
      return { reason: 'playback', message: `YouTube's player could not play this video here (error ${code}).` };
    case 100:
      return { reason: 'not-found', message: 'The video is gone: removed, or made private (YouTube error 100).' };
    case 101:
    case 150:
      return { reason: 'not-embeddable', message: `The owner does not allow this video to play outside YouTube (error ${code}).` };
    case 152:
    case 153:
      return {
        reason: 'refused',
        message: `YouTube refused to play the video in this window (error ${code}): it did not see where the request came from.`,
      };
    default:
      return { reason: 'playback', message: `YouTube's player reported error ${code}.` };
  }
}
