/**
 * The toolbar's Sources button: opens the Sources view on every cited video, or closes it.
 */
import { dockStore, useDock } from '../player/dock-store';

export function SourcesToggle() {
  const open = useDock((s) => s.sourcesOpen);
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={open ? 'Hide Sources' : 'Show Sources'}
      title={open ? 'Hide Sources' : 'Sources: every cited video'}
      aria-expanded={open}
      aria-controls="pane-media"
      onClick={() => (open ? dockStore.closeSources() : dockStore.openSources())}
    >
      <span className="icon icon-sources" aria-hidden="true" />
    </button>
  );
}
