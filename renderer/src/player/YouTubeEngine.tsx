/**
 * Plays a YouTube video in a privacy-enhanced embed, driven by postMessage (see youtube-embed.ts),
 * so the page loads no script from YouTube. Failure is what the user sees when the embed cannot
 * play: YouTube's own error codes when it answers, a timeout when it never does (offline, blocked:
 * an iframe that cannot load still fires `load`, with an error page we cannot look into).
 */
import { useEffect, useRef } from 'react';
import { playerStore } from './player-store';
import { commandMessage, EMBED_ORIGIN, embedError, embedUrl, listeningMessage, parseEmbedMessage, PlayerState } from './youtube-embed';

/** How long the embed has to say anything before we call it unreachable. */
export const EMBED_TIMEOUT_MS = 8000;
const HANDSHAKE_EVERY_MS = 250;

export function YouTubeEngine(props: { loadId: number; videoId: string; startAt: number; title: string }) {
  const { loadId, videoId, title } = props;
  const ref = useRef<HTMLIFrameElement>(null);
  // The URL is built once per element: later seeks are commands, not reloads.
  const src = useRef(embedUrl(videoId, { start: props.startAt, origin: location.origin, autoplay: true, widgetId: loadId }));
  const urlStart = Math.floor(props.startAt);

  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const store = playerStore;
    let heard = false;
    let ready = false;
    let handshake: ReturnType<typeof setInterval> | null = null;

    const post = (message: string) => frame.contentWindow?.postMessage(message, EMBED_ORIGIN);
    const fail = (reason: 'offline' | 'unreachable') =>
      store.engineFailed(loadId, {
        reason,
        message:
          reason === 'offline'
            ? 'You are offline, so YouTube cannot be reached.'
            : 'YouTube did not answer: no network, or the embed is blocked here.',
      });

    if (!navigator.onLine) {
      fail('offline');
      return;
    }

    const detach = store.attach({
      play: () => post(commandMessage(loadId, 'playVideo')),
      pause: () => post(commandMessage(loadId, 'pauseVideo')),
      seek: (seconds) => post(commandMessage(loadId, 'seekTo', [seconds, true])),
    });
    const hello = () => {
      post(listeningMessage(loadId));
      for (const event of ['onReady', 'onStateChange', 'onError']) post(commandMessage(loadId, 'addEventListener', [event]));
    };
    const stopHandshake = () => {
      if (handshake) clearInterval(handshake);
      handshake = null;
    };
    // Messages sent before the player's script runs are dropped, so say hello until it answers.
    const onLoad = () => hello();
    handshake = setInterval(() => (heard ? stopHandshake() : hello()), HANDSHAKE_EVERY_MS);
    const onMessage = (e: MessageEvent) => {
      if (e.origin !== EMBED_ORIGIN || e.source !== frame.contentWindow) return;
      const event = parseEmbedMessage(e.data);
      if (!event) return;
      heard = true;
      clearTimeout(timeout);
      switch (event.type) {
        case 'ready': {
          if (ready) break;
          ready = true;
          stopHandshake();
          store.engineReady(loadId);
          // A second asked for while the embed was loading.
          const { startAt } = store.getState();
          if (Math.abs(startAt - urlStart) >= 1) post(commandMessage(loadId, 'seekTo', [startAt, true]));
          break;
        }
        case 'info':
          store.engineReady(loadId);
          if (event.currentTime !== null) store.engineTime(loadId, event.currentTime);
          if (event.duration !== null) store.engineDuration(loadId, event.duration);
          if (event.state !== null) store.enginePlaying(loadId, event.state === PlayerState.playing || event.state === PlayerState.buffering);
          break;
        case 'state':
          store.enginePlaying(loadId, event.state === PlayerState.playing || event.state === PlayerState.buffering);
          break;
        case 'error':
          store.engineFailed(loadId, embedError(event.code));
          break;
      }
    };
    const onOffline = () => {
      if (!ready) fail('offline');
    };
    const timeout = setTimeout(() => {
      if (!ready) fail(navigator.onLine ? 'unreachable' : 'offline');
    }, EMBED_TIMEOUT_MS);

    window.addEventListener('message', onMessage);
    window.addEventListener('offline', onOffline);
    frame.addEventListener('load', onLoad);
    return () => {
      detach();
      stopHandshake();
      clearTimeout(timeout);
      window.removeEventListener('message', onMessage);
      window.removeEventListener('offline', onOffline);
      frame.removeEventListener('load', onLoad);
    };
  }, [loadId, urlStart]);

  return (
    <iframe
      ref={ref}
      className="player-embed"
      src={src.current}
      title={`YouTube video player: ${title}`}
      allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
      allowFullScreen
      referrerPolicy="strict-origin-when-cross-origin"
      // Scripts and its own origin for the player; popups for "Watch on YouTube". No top navigation.
      sandbox="allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox"
    />
  );
}
