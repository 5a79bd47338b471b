/**
 * Where the reader is, kept in the URL hash so a reload restores the view and the host's own
 * history (browser back, mouse buttons) works: `#/note/<path>?sub=<heading or ^block>&line=<n>`
 * `#/unresolved/<target>`, `#/videos` (the video library) and `#/graph` (the graph view). Each history entry remembers its index and the reader's scroll
 * offset, which is how back/forward buttons know whether they can act and how going back lands
 * where the reader was.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { kind: 'home' }
  | { kind: 'note'; path: string; sub: string | null; line: number | null }
  | { kind: 'unresolved'; target: string }
  | { kind: 'videos' }
  | { kind: 'graph' };

export interface NavState {
  route: Route;
  /** Position of the current entry in this tab's history, and how far forward it goes. */
  index: number;
  length: number;
  /** Bumped on every navigation, so re-clicking the same heading link scrolls again. */
  seq: number;
  /** The scroll offset to restore (going back/forward), or null to follow the route's target. */
  restoreScroll: number | null;
}

interface EntryState {
  cairnIndex: number;
  scroll?: number;
}

const LENGTH_KEY = 'cairn.history.length';

export function parseRoute(hash: string): Route {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = h.indexOf('?');
  const pathPart = q === -1 ? h : h.slice(0, q);
  const params = new URLSearchParams(q === -1 ? '' : h.slice(q + 1));
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  if (pathPart.startsWith('/note/')) {
    const path = pathPart.slice('/note/'.length).split('/').map(decode).join('/');
    if (!path) return { kind: 'home' };
    const line = Number(params.get('line'));
    return {
      kind: 'note',
      path,
      sub: params.get('sub') || null,
      line: Number.isInteger(line) && line > 0 ? line : null,
    };
  }
  if (pathPart === '/videos') return { kind: 'videos' };
  if (pathPart === '/graph') return { kind: 'graph' };
  if (pathPart.startsWith('/unresolved/')) {
    return { kind: 'unresolved', target: decode(pathPart.slice('/unresolved/'.length)) };
  }
  return { kind: 'home' };
}

export function formatRoute(route: Route): string {
  switch (route.kind) {
    case 'home':
      return '#/';
    case 'unresolved':
      return '#/unresolved/' + encodeURIComponent(route.target);
    case 'videos':
      return '#/videos';
    case 'graph':
      return '#/graph';
    case 'note': {
      const params = new URLSearchParams();
      if (route.sub) params.set('sub', route.sub);
      if (route.line) params.set('line', String(route.line));
      const query = params.toString();
      return '#/note/' + route.path.split('/').map(encodeURIComponent).join('/') + (query ? '?' + query : '');
    }
  }
}

export function noteRoute(path: string, sub: string | null = null, line: number | null = null): Route {
  return { kind: 'note', path, sub, line };
}

type Listener = () => void;

class Navigation {
  private state: NavState;
  private readonly listeners = new Set<Listener>();
  private scrollProvider: () => number = () => 0;

  constructor() {
    const entry = readEntry();
    const index = entry?.cairnIndex ?? 0;
    const stored = Number(sessionStorage.getItem(LENGTH_KEY));
    this.state = {
      route: parseRoute(location.hash),
      index,
      length: Math.max(index + 1, Number.isInteger(stored) ? stored : 0),
      seq: 0,
      restoreScroll: entry?.scroll ?? null,
    };
    if (!entry) history.replaceState({ cairnIndex: index } satisfies EntryState, '');
    window.addEventListener('popstate', this.onPop);
  }

  getState = (): NavState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The reader registers how to read its scroll offset, so leaving an entry records it. */
  setScrollProvider(provider: () => number): void {
    this.scrollProvider = provider;
  }

  navigate(route: Route, options: { replace?: boolean } = {}): void {
    const url = formatRoute(route);
    if (options.replace) {
      history.replaceState({ cairnIndex: this.state.index } satisfies EntryState, '', url);
      this.set({ route, seq: this.state.seq + 1, restoreScroll: null });
      return;
    }
    this.rememberScroll();
    const index = this.state.index + 1;
    history.pushState({ cairnIndex: index } satisfies EntryState, '', url);
    sessionStorage.setItem(LENGTH_KEY, String(index + 1));
    this.set({ route, index, length: index + 1, seq: this.state.seq + 1, restoreScroll: null });
  }

  back(): void {
    if (this.state.index > 0) {
      this.rememberScroll();
      history.back();
    }
  }

  forward(): void {
    if (this.state.index < this.state.length - 1) {
      this.rememberScroll();
      history.forward();
    }
  }

  private rememberScroll(): void {
    const entry = readEntry();
    history.replaceState({ ...entry, cairnIndex: this.state.index, scroll: this.scrollProvider() }, '');
  }

  private onPop = (): void => {
    const entry = readEntry();
    const route = parseRoute(location.hash);
    if (entry) {
      this.set({ route, index: entry.cairnIndex, seq: this.state.seq + 1, restoreScroll: entry.scroll ?? null });
      return;
    }
    // The hash was edited by hand (or a plain `#fragment` link slipped through): a new entry.
    const index = this.state.index + 1;
    history.replaceState({ cairnIndex: index } satisfies EntryState, '');
    sessionStorage.setItem(LENGTH_KEY, String(index + 1));
    this.set({ route, index, length: index + 1, seq: this.state.seq + 1, restoreScroll: null });
  };

  private set(patch: Partial<NavState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

function readEntry(): EntryState | null {
  const s = history.state as Partial<EntryState> | null;
  return s && typeof s.cairnIndex === 'number' ? (s as EntryState) : null;
}

export const navigation = new Navigation();

export function useNavigation<T>(selector: (state: NavState) => T): T {
  return useSyncExternalStore(navigation.subscribe, () => selector(navigation.getState()));
}

export function sameRoute(a: Route, b: Route): boolean {
  return formatRoute(a) === formatRoute(b);
}
