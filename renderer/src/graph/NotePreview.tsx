/**
 * A note shown beside the graph view without leaving it (Shift/Ctrl/Cmd-click on a node): its
 * opening, rendered as the link previews render it, with a way to open it in the reader.
 */
import { useEffect, useState } from 'react';
import type { NoteView } from '../../../main/api';
import { fetchNote } from '../reader/note-cache';
import { MAX_EMBED_DEPTH } from '../reader/note-context';
import { NoteBody } from '../reader/NoteBody';
import { noteTree, withoutTitleHeading } from '../reader/render-note';
import { messageOf } from '../state/vault-store';

export function NotePreview(props: { path: string; onClose(): void; onOpen(): void }) {
  const { path, onClose, onOpen } = props;
  const [view, setView] = useState<NoteView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setView(null);
    setError(null);
    fetchNote(path).then(
      (v) => live && setView(v),
      (err: unknown) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [path]);

  const title = view?.title ?? path;
  return (
    <aside className="graph-preview" aria-label="Note preview">
      <header className="graph-preview-head">
        <h2>{title}</h2>
        <button type="button" className="button subtle" onClick={onOpen}>
          Open note
        </button>
        <button type="button" className="icon-button" aria-label="Close preview" title="Close preview" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="graph-preview-body markdown">
        {error ? (
          <p className="preview-message">{error}</p>
        ) : !view ? (
          <p className="preview-message">Loading…</p>
        ) : (
          <NoteBody view={view} tree={withoutTitleHeading(noteTree(view.source), view.title)} mode="preview" depth={MAX_EMBED_DEPTH} chain={[view.path]} />
        )}
      </div>
    </aside>
  );
}
