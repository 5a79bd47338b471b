/** How far the first index of the vault has come: a labelled progress bar with done / total. */
export function IndexingProgress({ progress }: { progress: { done: number; total: number } | null }) {
  const pct = progress && progress.total > 0 ? (100 * progress.done) / progress.total : 0;
  return (
    <span className="status-indexing">
      <span>Indexing{progress ? ` ${progress.done.toLocaleString()} / ${progress.total.toLocaleString()}` : '…'}</span>
      <span
        className="progress"
        role="progressbar"
        aria-label="Indexing"
        aria-valuemin={0}
        aria-valuemax={progress?.total ?? 100}
        aria-valuenow={progress?.done ?? 0}
      >
        <span className="progress-fill" style={{ width: `${pct}%` }} />
      </span>
    </span>
  );
}
