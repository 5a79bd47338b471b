/**
 * Where the graph pane gets its data: the whole graph once, then deltas. The default reads the
 * open vault through the client and the vault store's delta feed; the bench passes synthetic data.
 */
import type { GraphData, GroupMatches, NoteTimes } from '../../../main/api';
import type { VaultDelta } from '../../../main/core/model';
import { client } from '../api/client';
import { vaultStore } from '../state/vault-store';

export interface GraphSource {
  load(): Promise<GraphData>;
  /** Calls back with every delta from now on; returns the unsubscribe. */
  subscribe(onDelta: (delta: VaultDelta) => void): () => void;
  /** Notes matching query groups (first match wins); absent where there is no search (the bench). */
  matchGroups?(queries: string[]): Promise<GroupMatches>;
  /** When each note was created, for the time-lapse. */
  noteTimes?(): Promise<NoteTimes>;
  /** Calls back when full-text search becomes ready (matches asked before then come back `indexing`). */
  onSearchReady?(cb: () => void): () => void;
}

export const vaultGraphSource: GraphSource = {
  load: () => client.graph({}),
  subscribe: (onDelta) => vaultStore.onDelta(onDelta),
  matchGroups: (queries) => client.matchGroups({ queries }),
  noteTimes: () => client.noteTimes({}),
  onSearchReady: (cb) =>
    client.onEvent((e) => {
      if (e.type === 'search-ready') cb();
    }),
};
