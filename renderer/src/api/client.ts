/**
 * The renderer's one way to the vault. Components call `client.openNote({ path })` and never see a
 * transport: in Electron the preload bridge (`window.cairnHost`), in a browser the loopback web host
 * over HTTP + server-sent events. Both carry the same `ApiResult` envelopes from `main/dispatch.ts`.
 */
import type { ApiMethod, ApiResult, VaultApi, VaultEvent } from '../../../main/api';

/** What the Electron preload exposes; `window.cairn` is left to the page (it holds the graph core). */
export interface HostBridge {
  call(method: string, params: unknown): Promise<ApiResult<unknown>>;
  onEvent(listener: (event: VaultEvent) => void): () => void;
}

declare global {
  interface Window {
    cairnHost?: HostBridge;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface Transport {
  call(method: ApiMethod, params: unknown): Promise<ApiResult<unknown>>;
  onEvent(listener: (event: VaultEvent) => void): () => void;
}

function httpTransport(): Transport {
  const listeners = new Set<(event: VaultEvent) => void>();
  let source: EventSource | null = null;
  const connect = () => {
    // Relative, like every URL the page uses: the web host serves the app under its secret
    // `/<token>/` prefix, and that prefix is the page's only credential (no cookie to leak).
    source = new EventSource('api/events');
    source.onmessage = (message) => {
      const event = JSON.parse(message.data as string) as VaultEvent;
      for (const listener of listeners) listener(event);
    };
  };
  return {
    async call(method, params) {
      let response: Response;
      try {
        response = await fetch('api/call', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ method, params }),
        });
      } catch (err) {
        return { ok: false, error: { code: 'internal', message: `The vault host did not answer: ${String(err)}` } };
      }
      if (response.status === 401 || response.status === 403) {
        return { ok: false, error: { code: 'forbidden', message: 'This page is not authorised: open the URL the host printed.' } };
      }
      return (await response.json()) as ApiResult<unknown>;
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!source) connect();
      return () => listeners.delete(listener);
    },
  };
}

function pickTransport(): Transport {
  const bridge = typeof window !== 'undefined' ? window.cairnHost : undefined;
  if (bridge) return { call: (method, params) => bridge.call(method, params), onEvent: (l) => bridge.onEvent(l) };
  return httpTransport();
}

export type VaultClient = VaultApi & {
  onEvent(listener: (event: VaultEvent) => void): () => void;
  /** A URL the page can load a vault file from (images, media), confined to the vault by the host. */
  assetUrl(path: string): string;
  /**
   * A URL the page can load a media library file from (`VideoEntry.local`, `.captions`,
   * `.thumbnail`), confined to its root by the host. `{ as: 'vtt' }` asks for an `.srt` caption
   * converted to WebVTT, which a `<track>` element needs.
   */
  mediaUrl(ref: { root: number; path: string }, options?: { as?: 'vtt' }): string;
};

// A record, not a list, so the compiler refuses a contract method the client forgot.
const METHODS: Record<ApiMethod, true> = {
  getVault: true,
  openVault: true,
  listNotes: true,
  openNote: true,
  backlinks: true,
  outgoing: true,
  unresolved: true,
  graph: true,
  search: true,
  matchGroups: true,
  noteTimes: true,
  citations: true,
  videos: true,
  transcript: true,
  addMediaFolder: true,
  removeMediaFolder: true,
};

function createClient(transport: Transport): VaultClient {
  const api = {} as Record<string, unknown>;
  for (const method of Object.keys(METHODS) as ApiMethod[]) {
    api[method] = async (params: unknown = {}) => {
      const result = await transport.call(method, params);
      if (!result.ok) throw new ApiError(result.error.code, result.error.message);
      return result.value;
    };
  }
  return Object.assign(api as unknown as VaultApi, {
    onEvent: transport.onEvent,
    // Relative: `asset/…` under the web host's token prefix, `cairn://app/asset/…` in Electron.
    assetUrl: (path: string) => 'asset/' + path.split('/').map(encodeURIComponent).join('/'),
    mediaUrl: (ref: { root: number; path: string }, options?: { as?: 'vtt' }) =>
      `media/${ref.root}/` + ref.path.split('/').map(encodeURIComponent).join('/') + (options?.as === 'vtt' ? '?as=vtt' : ''),
  });
}

export const client: VaultClient = createClient(pickTransport());
