/**
 * Asks for a vault folder by path and opens it. There is no folder dialog in the API (and none in a
 * browser), so a typed path it is; the host refuses what it may not open and we show why.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../api/client';
import { messageOf, vaultStore } from '../state/vault-store';
import { navigation } from '../state/navigation';

export function OpenVaultForm({ onDone, autoFocus }: { onDone?: () => void; autoFocus?: boolean }) {
  const [root, setRoot] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The folder the host refused as too large: the user may still open it. */
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const open = async (folder: string, force: boolean) => {
    setBusy(true);
    setError(null);
    setTooLarge(null);
    try {
      await vaultStore.openVault(folder, force);
      navigation.navigate({ kind: 'home' }, { replace: true });
      onDone?.();
    } catch (err) {
      setError(messageOf(err));
      if (err instanceof ApiError && err.code === 'too-large') setTooLarge(folder);
    } finally {
      setBusy(false);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!root.trim()) return;
    await open(root.trim(), false);
  };
  return (
    <form className="open-vault" onSubmit={(e) => void submit(e)}>
      <label htmlFor="vault-root">Vault folder</label>
      <div className="open-vault-row">
        <input
          id="vault-root"
          type="text"
          value={root}
          placeholder="/home/me/notes"
          spellCheck={false}
          autoFocus={autoFocus}
          onChange={(e) => setRoot(e.target.value)}
        />
        <button type="submit" className="button primary" disabled={busy || !root.trim()}>
          {busy ? 'Opening…' : 'Open vault…'}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {tooLarge && (
        <p className="form-note">
          Reading it may take minutes and a lot of memory.{' '}
          <button type="button" className="button subtle" disabled={busy} onClick={() => void open(tooLarge, true)}>
            Open anyway
          </button>
        </p>
      )}
    </form>
  );
}
