/**
 * The Videos view (a region named "Videos", at `#/videos`, opened by the toolbar's "Open videos"):
 * every video the vault cites with what the media library knows of it, the cited videos with no
 * local copy as a list of watch URLs to hand a downloader, and the media folders. The library store
 * asks the host again when notes or the library change.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { copyText } from '../player/copy-text';
import { useVault } from '../state/vault-store';
import { libraryStore, useLibrary } from './library-store';
import { MediaFolders } from './MediaFolders';
import { groupVideos, watchUrls } from './videos-model';
import type { VideoSort } from './videos-model';
import { VideosTable } from './VideosTable';
import '../styles/videos.css';

export function VideosView() {
  const value = useLibrary((s) => s.view);
  const error = useLibrary((s) => s.error);
  const liveRoots = useLibrary((s) => s.roots);
  const vaultRoots = useVault((s) => s.vault?.media ?? null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<VideoSort>({ key: 'title', dir: 'asc' });
  const [copied, setCopied] = useState<string | null>(null);
  const scrollRef = useRef<HTMLElement>(null);

  const groups = useMemo(() => groupVideos(value?.videos ?? [], query, sort), [value, query, sort]);
  const urls = useMemo(() => watchUrls(groups.missing), [groups]);
  const urlCount = urls ? urls.split('\n').length : 0;
  const roots = liveRoots ?? value?.roots ?? vaultRoots ?? [];
  const localCount = groups.local.length;
  const shown = groups.local.length + groups.missing.length;

  useEffect(() => setCopied(null), [urls]);

  const copy = async () => {
    const ok = await copyText(urls);
    setCopied(ok ? `Copied ${urlCount} watch ${urlCount === 1 ? 'URL' : 'URLs'}` : 'Could not reach the clipboard');
  };

  return (
    <section className="videos-view" aria-label="Videos" ref={scrollRef} tabIndex={-1}>
      <header className="videos-head">
        <h1>Videos</h1>
        {value && (
          <p className="videos-counts">
            {groups.total} cited {groups.total === 1 ? 'video' : 'videos'}
            {query.trim() ? ` · ${shown} shown` : ''} · {localCount} with a local copy · {groups.missing.length} with none
            {value.scanning && ' · scanning media folders…'}
          </p>
        )}
      </header>
      <MediaFolders
        roots={roots}
        onRoots={(next) => libraryStore.setRoots(next)}
      />
      <div className="videos-tools">
        <input
          type="search"
          aria-label="Filter videos"
          placeholder="Filter by title, channel, id, file or caption language…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query) {
              e.preventDefault();
              setQuery('');
            }
          }}
        />
        <span className="videos-missing">
          <button type="button" className="button subtle" disabled={urlCount === 0} title="One https://www.youtube.com/watch?v=… a line, to give yt-dlp" onClick={() => void copy()}>
            <span className="icon icon-copy" aria-hidden="true" />
            Copy watch URLs
          </button>
          <span className="muted" role="status">
            {copied ?? (urlCount ? `${urlCount} to download from YouTube` : '')}
          </span>
        </span>
      </div>
      {error && <p className="panel-error">{error}</p>}
      {!value && !error && <p className="panel-empty">Loading…</p>}
      {value && groups.total === 0 && <p className="panel-empty">No note cites a video yet. Notes with a videoId: and timestamps show up here.</p>}
      {value && groups.total > 0 && shown === 0 && <p className="panel-empty">No video matches.</p>}
      {shown > 0 && <VideosTable groups={groups} sort={sort} onSort={setSort} scroller={scrollRef} />}
    </section>
  );
}
