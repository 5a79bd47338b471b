/**
 * Says, above the reader, that the vault folder is gone from disk (deleted, moved, unmounted) while
 * what was read stays on screen; it goes away by itself once the host has read the folder again.
 */
import { useVault } from '../state/vault-store';

export function VaultMissingBanner() {
  const missing = useVault((s) => s.missing);
  if (!missing) return null;
  return (
    <div className="banner banner-warning vault-missing" role="alert" aria-label="Vault folder missing">
      <strong>The vault folder is gone.</strong> <code>{missing}</code> was deleted, moved or unmounted. The notes stay
      as they were; Cairn reads the folder again as soon as it is back.
    </div>
  );
}
