/**
 * Who links to the open note: linked mentions grouped by note, with counts and the lines around
 * each link (a line opens that note scrolled to it); then plain-text mentions that are not links.
 */
import { useState } from 'react';
import { client } from '../api/client';
import { Panel } from '../layout/Panel';
import { useNavigation } from '../state/navigation';
import { useVault } from '../state/vault-store';
import { MentionGroups } from './MentionGroups';
import { useDebouncedFetch } from './useDebouncedFetch';

export function Backlinks() {
  const path = useNavigation((s) => (s.route.kind === 'note' ? s.route.path : null));
  const changeSeq = useVault((s) => s.changeSeq);
  // Unlinked mentions come from full-text search: ask again once it is ready.
  const searchReady = useVault((s) => s.vault?.searchReady ?? false);
  const summary = useVault((s) => (path ? s.notesByPath.get(path) : undefined));
  const { value, error } = useDebouncedFetch(path, `${changeSeq}:${searchReady}`, () =>
    client.backlinks({ path: path! }),
  );
  const [showUnlinked, setShowUnlinked] = useState(false);

  const base = path ? path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '') : '';
  const names = summary ? [summary.title, base, ...summary.aliases] : [base];
  const linked = value?.linked ?? [];
  const unlinked = value?.unlinked ?? [];
  // The host caps one answer; what it left out still counts.
  const moreLinked = value?.moreLinked ?? 0;
  const linkedNotes = linked.length + moreLinked;
  const linkedCount = linked.reduce((n, g) => n + g.contexts.length + (g.moreContexts ?? 0), 0);
  const unlinkedCount = unlinked.reduce((n, g) => n + g.contexts.length + (g.moreContexts ?? 0), 0);

  return (
    <Panel name="backlinks" title="Backlinks" as="aside" count={path && value ? linkedNotes : null}>
      {!path && <p className="panel-empty">Open a note to see what links to it.</p>}
      {path && error && <p className="panel-error">{error}</p>}
      {path && !value && !error && <p className="panel-empty">Loading…</p>}
      {path && value && (
        <>
          <h3 className="subhead">
            Linked mentions{' '}
            <span className="muted">
              {linkedNotes} {linkedNotes === 1 ? 'note' : 'notes'}
              {linkedCount > linkedNotes && ` · ${linkedCount}`}
            </span>
          </h3>
          {linked.length === 0 ? (
            <p className="panel-empty">No notes link here.</p>
          ) : (
            <MentionGroups groups={linked} names={names} label="Linked mentions" more={moreLinked} />
          )}
          <h3 className="subhead">
            <button
              type="button"
              className="subhead-toggle"
              aria-expanded={showUnlinked}
              onClick={() => setShowUnlinked(!showUnlinked)}
            >
              <span className="chevron" aria-hidden="true" />
              Unlinked mentions{' '}
              <span className="muted">
                {unlinked.length} {unlinked.length === 1 ? 'note' : 'notes'}
                {unlinkedCount > unlinked.length && ` · ${unlinkedCount}`}
              </span>
            </button>
          </h3>
          {showUnlinked &&
            (unlinked.length === 0 ? (
              <p className="panel-empty">
                {searchReady ? 'No plain-text mentions.' : 'Plain-text mentions appear once search has read the vault.'}
              </p>
            ) : (
              <MentionGroups groups={unlinked} names={names} label="Unlinked mentions" />
            ))}
        </>
      )}
    </Panel>
  );
}
