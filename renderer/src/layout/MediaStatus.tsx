/**
 * The media library in the status bar: its folders' first scans ("Scanning videos… N files") and a
 * folder gone from disk, shown like a missing vault and cleared when it comes back.
 */
import type { MediaRoot } from '../../../main/api';

export function MediaStatus({ roots }: { roots: readonly MediaRoot[] }) {
  const scanning = roots.filter((r) => r.scanning && !r.missing);
  const missing = roots.filter((r) => r.missing);
  const files = scanning.reduce((sum, r) => sum + r.files, 0);
  return (
    <>
      {scanning.length > 0 && (
        <span className="status-media muted" role="status" title={scanning.map((r) => r.path).join('\n')}>
          Scanning videos… {files.toLocaleString()} {files === 1 ? 'file' : 'files'}
        </span>
      )}
      {missing.length > 0 && (
        <span className="status-warning" title={missing.map((r) => r.path).join('\n')}>
          {missing.length === 1 ? 'Media folder missing' : `${missing.length} media folders missing`}
        </span>
      )}
    </>
  );
}
