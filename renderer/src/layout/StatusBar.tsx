/** The bottom line: which vault, how many notes, indexing progress, and anything that went wrong. */
import { useState } from 'react';
import { useVault, vaultStore } from '../state/vault-store';
import { IndexingProgress } from './IndexingProgress';
import { MediaStatus } from './MediaStatus';

export function StatusBar() {
  const vault = useVault((s) => s.vault);
  const status = useVault((s) => s.status);
  const progress = useVault((s) => s.progress);
  const noteCount = useVault((s) => s.notes.length);
  const missing = useVault((s) => s.missing);
  const problems = useVault((s) => s.problems);
  const media = useVault((s) => s.media);
  const [showProblems, setShowProblems] = useState(false);

  const indexing = status === 'indexing' || (progress !== null && progress.done < progress.total);
  return (
    <footer className="statusbar">
      <span className="status-vault" title={vault?.root}>
        {vault?.name ?? 'No vault'}
      </span>
      <span className="status-count">
        {(vault ? Math.max(noteCount, indexing ? 0 : vault.notes) : 0).toLocaleString()} notes
      </span>
      {indexing && <IndexingProgress progress={progress} />}
      {vault && !indexing && !vault.searchReady && <span className="muted">Building search index…</span>}
      {missing && <span className="status-warning">Vault folder missing</span>}
      <MediaStatus roots={media} />
      <span className="status-spacer" />
      {problems.length > 0 && (
        <span className="popover-anchor up">
          <button
            type="button"
            className="status-problems"
            aria-expanded={showProblems}
            onClick={() => setShowProblems(!showProblems)}
          >
            {problems.length} {problems.length === 1 ? 'problem' : 'problems'}
          </button>
          {showProblems && (
            <div className="popover" role="dialog" aria-label="Problems">
              <ul>
                {problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
              <button
                type="button"
                className="button subtle"
                onClick={() => {
                  vaultStore.dismissProblems();
                  setShowProblems(false);
                }}
              >
                Dismiss
              </button>
            </div>
          )}
        </span>
      )}
    </footer>
  );
}
