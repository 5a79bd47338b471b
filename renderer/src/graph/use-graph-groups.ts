/**
 * The graph pane's links to the host for query groups, lit search hits and the time-lapse. Each
 * asks the host (through the graph source) and hands the answer to the view; matches are asked
 * again when the vault changes or full-text search becomes ready, debounced so typing a query or
 * a burst of edits costs one request.
 */
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { GroupMatches } from '../../../main/api';
import { creationOrder } from '../../../main/core/graph/created';
import type { GraphSettings } from './graph-settings';
import type { GraphSource } from './graph-source';
import type { GraphView } from './graph-view';
import { queryGrouping } from './query-grouping';
import { TimeLapse } from './timelapse';

const MATCH_DEBOUNCE_MS = 250;

/** A number that goes up whenever matches may have changed: a vault delta or search becoming ready. */
function useMatchEpoch(source: GraphSource, active: boolean): number {
  const [epoch, setEpoch] = useState(0);
  useEffect(() => {
    if (!active) return;
    const bump = () => setEpoch((e) => e + 1);
    const offDelta = source.subscribe(bump);
    const offReady = source.onSearchReady?.(bump) ?? (() => {});
    return () => {
      offDelta();
      offReady();
    };
  }, [source, active]);
  return epoch;
}

/** Colours the view by the query groups (or hands back to the automatic colouring); returns per-group errors. */
export function useQueryGroups(view: RefObject<GraphView | null>, source: GraphSource, settings: GraphSettings, loaded: boolean): (string | null)[] {
  const groups = settings.groups;
  const queries = groups.map((g) => g.query.trim());
  const key = JSON.stringify(queries);
  const epoch = useMatchEpoch(source, loaded && groups.length > 0);
  const [matches, setMatches] = useState<{ key: string; value: GroupMatches } | null>(null);

  useEffect(() => {
    if (!loaded || groups.length === 0 || !source.matchGroups) return;
    let live = true;
    const timer = setTimeout(() => {
      source.matchGroups!(JSON.parse(key) as string[])
        .then((value) => {
          if (live && !value.indexing) setMatches({ key, value });
        })
        .catch(() => {});
    }, MATCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `groups.length` only gates; the queries themselves are in `key`.
  }, [key, epoch, loaded, source]);

  // Colours apply at once; matches for the current queries when they are in.
  useEffect(() => {
    const v = view.current;
    if (!v || !loaded) return;
    if (groups.length === 0) v.setGrouping(null);
    else if (matches && matches.key === key) v.setGrouping(queryGrouping(groups, matches.value, v.allNodes()));
  }, [groups, matches, key, loaded, view]);

  return groups.length > 0 && matches?.key === key ? matches.value.errors : [];
}

/** Lights the search box's hits in the view while it has a query and lighting is on. */
export function useLitSearch(view: RefObject<GraphView | null>, source: GraphSource, query: string, on: boolean, loaded: boolean): void {
  const active = on && loaded && query !== '' && Boolean(source.matchGroups);
  const epoch = useMatchEpoch(source, active);
  useEffect(() => {
    if (!active) {
      view.current?.setLit(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      source.matchGroups!([query])
        .then((value) => {
          if (live && !value.indexing && !value.errors[0]) view.current?.setLit(new Set(value.paths));
        })
        .catch(() => {});
    }, MATCH_DEBOUNCE_MS / 2);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [active, query, epoch, source, view]);
}

/** The time-lapse control: whether one is playing, and the toggle. */
export function useTimeLapse(view: RefObject<GraphView | null>, source: GraphSource): { playing: boolean; toggle(): void; available: boolean } {
  const [playing, setPlaying] = useState(false);
  const current = useRef<TimeLapse | null>(null);
  useEffect(() => () => current.current?.stop(), []);
  const toggle = () => {
    if (current.current) {
      current.current.stop();
      return;
    }
    if (!source.noteTimes) return;
    setPlaying(true);
    // A placeholder until the times arrive, so a second press meanwhile cancels the start.
    let cancelled = false;
    const pending = { stop: () => ((cancelled = true), (current.current = null), setPlaying(false)) } as unknown as TimeLapse;
    current.current = pending;
    source
      .noteTimes()
      .then((times) => {
        const v = view.current;
        if (cancelled || !v) return;
        const known = new Set<string>();
        for (const node of v.allNodes()) if (node.kind === 'note') known.add(node.id);
        const order = creationOrder(times.paths.map((path, i) => ({ path, written: times.created[i] ?? null, born: null }))).filter((p) => known.has(p));
        const lapse = new TimeLapse(order, (shown) => view.current?.setReveal(shown), () => {
          current.current = null;
          setPlaying(false);
        });
        current.current = lapse;
        lapse.start();
      })
      .catch(() => {
        current.current = null;
        setPlaying(false);
      });
  };
  return { playing, toggle, available: Boolean(source.noteTimes) };
}
