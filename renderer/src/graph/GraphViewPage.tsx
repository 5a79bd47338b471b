/**
 * The graph view (a region named "Graph view", at `#/graph`, opened by the toolbar's "Open graph
 * view", Ctrl/Cmd+G or the View menu): the vault's global graph in the reader's place with its
 * settings beside it, while the side pane keeps the local graph. Clicking a note opens it (Back
 * returns here); Shift/Ctrl/Cmd-click shows it in a preview beside the graph instead.
 */
import { useEffect, useState } from 'react';
import { navigation, noteRoute } from '../state/navigation';
import { useVault } from '../state/vault-store';
import { GraphPane } from './GraphPane';
import { NotePreview } from './NotePreview';

export function GraphViewPage() {
  const vaultKey = useVault((s) => s.vault?.root ?? null);
  const ready = useVault((s) => s.status === 'ready');
  const [preview, setPreview] = useState<string | null>(null);
  return (
    <section className="graph-view" aria-label="Graph view">
      <h1 className="sr-only">Graph view</h1>
      <div className="graph-view-stage">
        {vaultKey && (
          <GraphPane
            key={vaultKey}
            variant="view"
            vaultKey={vaultKey}
            ready={ready}
            openPath={preview}
            onOpenNote={(path) => navigation.navigate(noteRoute(path))}
            onPreview={setPreview}
          />
        )}
      </div>
      {preview && <NotePreview path={preview} onClose={() => setPreview(null)} onOpen={() => navigation.navigate(noteRoute(preview))} />}
    </section>
  );
}

/** Ctrl/Cmd+G opens the graph view from anywhere in the window. */
export function useGraphViewShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'g') return;
      e.preventDefault();
      if (navigation.getState().route.kind !== 'graph') navigation.navigate({ kind: 'graph' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
