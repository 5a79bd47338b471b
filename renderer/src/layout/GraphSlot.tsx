/**
 * Where the graph goes: a region named "Graph" beside the reader, holding the graph pane. The
 * pane is keyed by the vault, so switching vaults starts it afresh with that vault's settings.
 */
import { GraphPane } from '../graph/GraphPane';
import { navigation, noteRoute, useNavigation } from '../state/navigation';
import { useVault } from '../state/vault-store';

export function GraphSlot() {
  const openPath = useNavigation((s) => (s.route.kind === 'note' ? s.route.path : null));
  const vaultKey = useVault((s) => s.vault?.root ?? null);
  const ready = useVault((s) => s.status === 'ready');
  return (
    <section className="graph-slot" aria-label="Graph">
      <div className="pane-head">
        <h2 className="pane-title">Graph</h2>
      </div>
      <div className="graph-body">
        {vaultKey && (
          <GraphPane key={vaultKey} vaultKey={vaultKey} ready={ready} openPath={openPath} onOpenNote={(path) => navigation.navigate(noteRoute(path))} />
        )}
      </div>
    </section>
  );
}
