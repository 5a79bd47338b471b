/**
 * A module loaded on first use and shared by every component that asks for it: the first caller
 * starts the `import()`, later ones wait on the same promise.
 */
import { useEffect, useState } from 'react';

export interface LazyModule<T> {
  load(): Promise<T>;
  /** The module once loaded, so a component mounted later renders it at once. */
  current(): T | null;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let promise: Promise<T> | null = null;
  let value: T | null = null;
  return {
    load() {
      promise ??= importer().then(
        (m) => (value = m),
        (e: unknown) => {
          promise = null; // a failed chunk load (e.g. the app was rebuilt) may succeed on the next try
          throw e;
        },
      );
      return promise;
    },
    current: () => value,
  };
}

export type LazyState<T> =
  { status: 'loading' } | { status: 'ready'; module: T } | { status: 'failed'; message: string };

export function useLazyModule<T>(lazy: LazyModule<T>): LazyState<T> {
  const [state, setState] = useState<LazyState<T>>(() => {
    const now = lazy.current();
    return now ? { status: 'ready', module: now } : { status: 'loading' };
  });
  useEffect(() => {
    if (state.status !== 'loading') return;
    let live = true;
    lazy.load().then(
      (module) => live && setState({ status: 'ready', module }),
      (e: unknown) => live && setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [lazy, state.status]);
  return state;
}
