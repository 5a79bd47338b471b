/** No vault open (or none reachable): say so, and offer to open one. */
import { useVault } from '../state/vault-store';
import { IndexingProgress } from './IndexingProgress';
import { OpenVaultForm } from './OpenVaultForm';

export function EmptyState() {
  const status = useVault((s) => s.status);
  const error = useVault((s) => s.error);
  const progress = useVault((s) => s.progress);
  return (
    <main className="empty-state" aria-label="Reader">
      <div className="empty-card">
        <div className="brand-mark" aria-hidden="true" />
        {status === 'connecting' && (
          <>
            <h1>Cairn</h1>
            <p className="muted" role="status">
              Connecting to the vault…
            </p>
          </>
        )}
        {status === 'error' && (
          <>
            <h1>Cannot reach the vault</h1>
            <p className="form-error">{error}</p>
            <button type="button" className="button" onClick={() => location.reload()}>
              Try again
            </button>
          </>
        )}
        {status === 'indexing' && (
          <>
            <h1>Opening the vault</h1>
            <p className="muted">Reading every note once; later opens start from a cache.</p>
            <IndexingProgress progress={progress} />
          </>
        )}
        {status === 'no-vault' && (
          <>
            <h1>No vault open</h1>
            <p className="muted">A vault is a folder of markdown notes. Cairn reads it; it never changes your files.</p>
            <OpenVaultForm autoFocus />
          </>
        )}
      </div>
    </main>
  );
}
