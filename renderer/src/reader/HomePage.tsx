/** What the reader shows before a note is chosen: the vault at a glance and where to start. */
import { useEffect } from 'react';
import type { MouseEvent, RefObject } from 'react';
import { formatRoute, navigation, noteRoute } from '../state/navigation';
import { useVault } from '../state/vault-store';
import { useScrollOnNavigate } from './useScrollOnNavigate';

const STARTS = /^(index|home|readme|start here|welcome)\.md$/i;

export function HomePage({ scrollRef }: { scrollRef: RefObject<HTMLElement | null> }) {
  const vault = useVault((s) => s.vault);
  const notes = useVault((s) => s.notes);
  const progress = useVault((s) => s.progress);
  useScrollOnNavigate(scrollRef, true);
  useEffect(() => {
    document.title = 'Cairn';
  }, []);
  if (!vault) return null;

  const starts = notes.filter((n) => STARTS.test(n.path.slice(n.path.lastIndexOf('/') + 1))).slice(0, 5);
  const withVideo = notes.filter((n) => n.videoId).length;
  const open = (e: MouseEvent, path: string) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigation.navigate(noteRoute(path));
  };
  return (
    <article className="note home-page">
      <header className="note-header">
        <p className="note-folder">Vault</p>
        <h1>{vault.name}</h1>
      </header>
      {!vault.ready ? (
        <p className="lede">
          Opening the vault
          {progress ? `: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} notes read` : '…'}. Notes
          appear here and in Files when it is done.
        </p>
      ) : (
        <p className="lede">
          {vault.notes.toLocaleString()} notes{withVideo > 0 && <> · {withVideo.toLocaleString()} citing a video</>}.
          Pick a note in Files to start reading.
        </p>
      )}
      {starts.length > 0 && (
        <ul className="home-starts">
          {starts.map((n) => (
            <li key={n.path}>
              <a href={formatRoute(noteRoute(n.path))} onClick={(e) => open(e, n.path)}>
                {n.title}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p className="muted home-root">{vault.root}</p>
    </article>
  );
}
