/**
 * Where the graph pane gets its data: the whole graph once, then deltas. The default reads the
 * open vault through the client and the vault store's delta feed; the bench passes synthetic data.
 */
import type { GraphData } from '../../../main/api';
import type { VaultDelta } from '../../../main/core/model';
import { client } from '../api/client';
import { vaultStore } from '../state/vault-store';

export interface GraphSource {
  load(): Promise<GraphData>;
  /** Calls back with every delta from now on; returns the unsubscribe. */
  subscribe(onDelta: (delta: VaultDelta) => void): () => void;
}

export const vaultGraphSource: GraphSource = {
  load: () => client.graph({}),
  subscribe: (onDelta) => vaultStore.onDelta(onDelta),
};
