import { useEffect, useState } from 'react';
import { messageOf } from '../state/vault-store';

/**
 * Fetches `load()` whenever `key` changes, and again (after a short pause, so a burst of edits
 * makes one request) whenever `version` moves. Keeps the previous result on screen meanwhile.
 */
export function useDebouncedFetch<T>(
  key: string | null,
  version: string | number,
  load: () => Promise<T>,
  delay = 250,
) {
  const [state, setState] = useState<{ key: string | null; value: T | null; error: string | null }>({
    key: null,
    value: null,
    error: null,
  });
  const sameKey = state.key === key;
  useEffect(() => {
    if (key === null) return;
    let live = true;
    const run = () =>
      load().then(
        (value) => live && setState({ key, value, error: null }),
        (err: unknown) =>
          live && setState((s) => ({ key, value: s.key === key ? s.value : null, error: messageOf(err) })),
      );
    // A new key loads at once; a new version of the same key waits for the burst to settle.
    const timer = setTimeout(run, sameKey ? delay : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `load` is rebuilt every render; `key` and `version` say when it means something new.
  }, [key, version]);
  return { value: sameKey ? state.value : null, error: sameKey ? state.error : null, loading: !sameKey };
}
