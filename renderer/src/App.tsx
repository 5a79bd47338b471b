import { useEffect } from 'react';
import { EmptyState } from './layout/EmptyState';
import { Shell } from './layout/Shell';
import { useHistoryShortcuts } from './state/useHistoryShortcuts';
import { useVault, vaultStore } from './state/vault-store';

export function App() {
  const hasVault = useVault((s) => s.vault !== null);
  useEffect(() => vaultStore.start(), []);
  useHistoryShortcuts();
  return hasVault ? <Shell /> : <EmptyState />;
}
