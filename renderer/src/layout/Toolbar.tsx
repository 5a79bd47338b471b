/**
 * The strip above the panes: back and forward, where you are, and the pane toggles. The search box
 * mounts in `.toolbar-search`.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { SourcesToggle } from '../panels/SourcesToggle';
import { layoutStore, useLayout } from '../state/layout';
import { navigation, useNavigation } from '../state/navigation';
import { useVault } from '../state/vault-store';
import { OpenVaultForm } from './OpenVaultForm';

export function Toolbar({ search }: { search?: ReactNode }) {
  const canBack = useNavigation((s) => s.index > 0);
  const canForward = useNavigation((s) => s.index < s.length - 1);
  const route = useNavigation((s) => s.route);
  const title = useVault((s) => (route.kind === 'note' ? (s.notesByPath.get(route.path)?.title ?? null) : null));
  const canOpenOther = useVault((s) => s.vault?.canOpenOther ?? false);
  const filesOpen = useLayout((s) => s.filesOpen);
  const rightOpen = useLayout((s) => s.rightOpen);
  const graphOpen = useLayout((s) => s.graphOpen);
  const [opening, setOpening] = useState(false);

  let crumbs: string[] = [];
  if (route.kind === 'note') {
    const parts = route.path.split('/');
    crumbs = [...parts.slice(0, -1), title ?? parts[parts.length - 1]!.replace(/\.md$/i, '')];
  } else if (route.kind === 'unresolved') crumbs = ['Unresolved', route.target];
  else if (route.kind === 'videos') crumbs = ['Videos'];
  else if (route.kind === 'graph') crumbs = ['Graph view'];

  return (
    <header className="toolbar">
      <div className="toolbar-group">
        <ToggleButton
          label="Files"
          open={filesOpen}
          controls="pane-files"
          onClick={() => layoutStore.toggle('filesOpen')}
          icon="sidebar-left"
        />
        <button
          type="button"
          className="icon-button"
          aria-label="Back"
          title="Back (Alt+←)"
          disabled={!canBack}
          onClick={() => navigation.back()}
        >
          <span className="icon icon-back" aria-hidden="true" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Forward"
          title="Forward (Alt+→)"
          disabled={!canForward}
          onClick={() => navigation.forward()}
        >
          <span className="icon icon-forward" aria-hidden="true" />
        </button>
      </div>
      <p className="crumbs">
        {crumbs.map((c, i) => (
          <span key={i} className={i === crumbs.length - 1 ? 'crumb current' : 'crumb'}>
            {c}
          </span>
        ))}
      </p>
      <div className="toolbar-search">{search}</div>
      <div className="toolbar-group">
        {canOpenOther && (
          <div className="popover-anchor">
            <button
              type="button"
              className="button subtle"
              aria-expanded={opening}
              onClick={() => setOpening(!opening)}
            >
              Open vault…
            </button>
            {opening && (
              <div className="popover" role="dialog" aria-label="Open vault">
                <OpenVaultForm autoFocus onDone={() => setOpening(false)} />
              </div>
            )}
          </div>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label="Open videos"
          title="Videos: every cited video, its local copy and captions"
          aria-current={route.kind === 'videos' ? 'page' : undefined}
          onClick={() => route.kind !== 'videos' && navigation.navigate({ kind: 'videos' })}
        >
          <span className="icon icon-videos" aria-hidden="true" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Open graph view"
          title="Graph view: the whole vault's graph in the main area (Ctrl+G)"
          aria-current={route.kind === 'graph' ? 'page' : undefined}
          onClick={() => route.kind !== 'graph' && navigation.navigate({ kind: 'graph' })}
        >
          <span className="icon icon-graph" aria-hidden="true" />
        </button>
        <SourcesToggle />
        <ToggleButton
          label="Graph"
          open={graphOpen}
          controls="pane-graph"
          onClick={() => layoutStore.toggle('graphOpen')}
          icon="graph"
        />
        <ToggleButton
          label="Side panels"
          open={rightOpen}
          controls="pane-right"
          onClick={() => layoutStore.toggle('rightOpen')}
          icon="sidebar-right"
        />
      </div>
    </header>
  );
}

function ToggleButton(props: { label: string; open: boolean; controls: string; icon: string; onClick(): void }) {
  const { label, open, controls, icon, onClick } = props;
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={`${open ? 'Hide' : 'Show'} ${label}`}
      title={`${open ? 'Hide' : 'Show'} ${label}`}
      aria-expanded={open}
      aria-controls={controls}
      onClick={onClick}
    >
      <span className={`icon icon-${icon}`} aria-hidden="true" />
    </button>
  );
}
