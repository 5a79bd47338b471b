/**
 * The query in the search box while it has one, for views that follow the search (the graph
 * lights its hits). Empty when the box is empty.
 */
import { useSyncExternalStore } from 'react';

let current = '';
const listeners = new Set<() => void>();

export function setActiveSearch(query: string): void {
  const next = query.trim();
  if (next === current) return;
  current = next;
  for (const l of listeners) l();
}

export function useActiveSearch(): string {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
