/**
 * The media library's settings: the folders it looks in (the vault, `--media` folders for this run,
 * folders added here and kept with the vault), each with its state, and a field to add one by path.
 * A typed path, because the web host cannot show a native folder picker and the Electron app has
 * none in its API either. The host refuses a folder it may not scan (too large, not a folder) and
 * we show why; "too large" can be overridden, as opening a vault can.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { MediaRoot } from '../../../main/api';
import { ApiError, client } from '../api/client';
import { messageOf } from '../state/vault-store';

const ORIGIN: Record<MediaRoot['origin'], string> = {
  vault: 'The vault',
  'command-line': 'Command line (this run)',
  settings: 'Added here',
};

function stateOf(root: MediaRoot): { text: string; kind: 'ok' | 'busy' | 'bad' } {
  if (root.missing) return { text: 'Missing: looked for again when it comes back', kind: 'bad' };
  if (root.problem) return { text: root.problem, kind: 'bad' };
  if (root.scanning) return { text: 'Scanning…', kind: 'busy' };
  return { text: `${root.files.toLocaleString()} ${root.files === 1 ? 'file' : 'files'}`, kind: 'ok' };
}

export function MediaFolders({ roots, onRoots }: { roots: readonly MediaRoot[]; onRoots(roots: MediaRoot[]): void }) {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The folder the host refused as too large: the user may still add it. */
  const [tooLarge, setTooLarge] = useState<string | null>(null);

  const add = async (folder: string, force: boolean) => {
    setBusy(true);
    setError(null);
    setTooLarge(null);
    try {
      onRoots(await client.addMediaFolder({ path: folder, force }));
      setPath('');
    } catch (err) {
      setError(messageOf(err));
      if (err instanceof ApiError && err.code === 'too-large') setTooLarge(folder);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (root: MediaRoot) => {
    setError(null);
    try {
      onRoots(await client.removeMediaFolder({ id: root.id }));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim()) void add(path.trim(), false);
  };

  return (
    <section className="media-folders" aria-labelledby="media-folders-title">
      <h2 id="media-folders-title">Media folders</h2>
      <p className="muted">
        Where Cairn looks for your copies of cited videos (yt-dlp’s <code>Title [ID].webm</code> and its captions, <code>.info.json</code> and thumbnail).
      </p>
      <table className="media-roots" aria-label="Media folders">
        <thead>
          <tr>
            <th scope="col">Folder</th>
            <th scope="col">From</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {roots.map((root) => {
            const state = stateOf(root);
            return (
              <tr key={root.id} data-root={root.id}>
                <th scope="row" className="media-root-path" title={root.path}>
                  {root.path}
                </th>
                <td>{ORIGIN[root.origin]}</td>
                <td className={`media-root-state is-${state.kind}`}>{state.text}</td>
                <td>
                  {root.origin === 'settings' && (
                    <button type="button" className="button subtle" aria-label={`Remove media folder ${root.path}`} onClick={() => void remove(root)}>
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form className="media-add" onSubmit={submit}>
        <label htmlFor="media-folder-path">Add a folder</label>
        <div className="media-add-row">
          <input
            id="media-folder-path"
            type="text"
            value={path}
            placeholder="/home/me/Videos/yt"
            spellCheck={false}
            onChange={(e) => setPath(e.target.value)}
          />
          <button type="submit" className="button primary" disabled={busy || !path.trim()}>
            {busy ? 'Adding…' : 'Add folder'}
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {tooLarge && (
          <p className="form-note">
            Scanning it may take long and use a lot of memory.{' '}
            <button type="button" className="button subtle" disabled={busy} onClick={() => void add(tooLarge, true)}>
              Add anyway
            </button>
          </p>
        )}
      </form>
    </section>
  );
}
