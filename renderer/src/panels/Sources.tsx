/**
 * Sources (a `section` landmark named "Sources"): every video the vault cites, with its title (from
 * the notes) and channel (from a `From:` link), and its citations across all notes in time order,
 * each with the sentence it supports. A citation plays that moment and opens its note there.
 * Filterable by text; suspicious stamps (past the end, minutes written as hours) are flagged. What
 * the media library knows adds the thumbnail as a poster, chapters on a timeline and beside each
 * moment, the captions around a moment, and whether a local copy exists.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import type { Chapter, Citation, VideoCitations } from '../../../main/api';
import { formatTimeLabel } from '../../../main/core/syntax/time';
import { isVideoId } from '../../../main/core/syntax/youtube';
import { client } from '../api/client';
import { dockStore, useDock } from '../player/dock-store';
import { rememberDuration, useDurations } from '../player/durations';
import { requestPlay, usePlayer } from '../player/player-store';
import { startReel } from '../player/reel-store';
import { mediaCandidates, videoKey } from '../player/source';
import { filterSources } from '../player/sources-model';
import { flagMoments } from '../player/suspicious';
import type { VideoFlags } from '../player/suspicious';
import { activeStamp } from '../player/timeline';
import { formatRoute, navigation, noteRoute } from '../state/navigation';
import { useVault } from '../state/vault-store';
import { useLibrary } from '../videos/library-store';
import { chapterAt } from './chapters';
import { MomentTranscript } from './MomentTranscript';
import { SourcesTimeline } from './SourcesTimeline';
import { useDebouncedFetch } from './useDebouncedFetch';
import '../styles/player.css';

const PAGE = 100;
const NO_CHAPTERS: readonly Chapter[] = [];
const OPEN_UP_TO = 400;

/** When the list was last scrolled or used by hand: the playing citation stays put for a while after. */
let touchedAt = -Infinity;
const touched = () => {
  touchedAt = performance.now();
};
const HANDS_OFF_MS = 4000;

export function SourcesView() {
  const changeSeq = useVault((s) => s.changeSeq);
  const focus = useDock((s) => s.sourcesVideo);
  const query = useDock((s) => s.sourcesQuery);
  const { value, error } = useDebouncedFetch('all', changeSeq, () => client.citations({}));
  const durations = useDurations();
  const filterRef = useRef<HTMLInputElement>(null);

  const videos = useMemo(() => {
    const all = value?.videos ?? [];
    return focus ? all.filter((v) => v.videoId === focus) : all;
  }, [value, focus]);
  const list = useMemo(() => filterSources(videos, query), [videos, query]);
  useLocalDurations(videos, durations);

  // Opened (or pointed at one video) from elsewhere: the keyboard lands in the filter.
  useEffect(() => {
    filterRef.current?.focus({ preventScroll: true });
  }, [focus]);

  const { total, shown } = list;
  return (
    <section className="sources" aria-label="Sources">
      <header className="sources-head">
        <div className="sources-titles">
          <h2 className="sources-title">{focus ? 'Quotes from this video' : 'Sources'}</h2>
          {value && (
            <p className="sources-counts">
              {!focus && `${plural(total.videos, 'video')} · `}
              {plural(total.citations, 'citation')} · {plural(total.notes, 'note')}
            </p>
          )}
        </div>
        <button type="button" className="icon-button" aria-label="Close Sources" title="Close Sources" onClick={() => dockStore.closeSources()}>
          <span className="icon icon-close" aria-hidden="true" />
        </button>
      </header>
      {focus && (
        <button type="button" className="button subtle sources-all" onClick={() => dockStore.showAllSources()}>
          <span className="icon icon-back" aria-hidden="true" />
          All sources
        </button>
      )}
      <div className="sources-filter">
        <input
          ref={filterRef}
          type="search"
          aria-label="Filter sources"
          placeholder={focus ? 'Filter these quotes…' : 'Filter by title, channel, quote or note…'}
          value={query}
          onChange={(e) => dockStore.setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query) {
              e.preventDefault();
              dockStore.setQuery('');
            }
          }}
        />
      </div>
      <div className="sources-body" onWheel={touched} onTouchMove={touched} onKeyDown={touched} onPointerDown={touched}>
        {error && <p className="panel-error">{error}</p>}
        {!value && !error && <p className="panel-empty">Loading…</p>}
        {value && query.trim() && (
          <p className="sources-shown" role="status">
            {shown.citations === 0 ? 'No citation matches.' : `Showing ${shown.citations} of ${plural(total.citations, 'citation')}`}
          </p>
        )}
        {value && total.videos === 0 && (
          <p className="panel-empty">
            {focus ? `No note cites ${focus} any more.` : 'No note cites a video yet. Timestamps in notes with a videoId: show up here.'}
          </p>
        )}
        <ol className="sources-videos">
          {list.videos.map(({ video, citations }) => (
            <SourceVideo
              key={video.videoId}
              video={video}
              citations={citations}
              duration={durations[video.videoId] ?? null}
              // Everything open while it is short to read, or narrowed (one video, a filter).
              open={focus !== null || query.trim() !== '' || total.citations <= OPEN_UP_TO}
            />
          ))}
        </ol>
      </div>
    </section>
  );
}

function SourceVideo(props: { video: VideoCitations; citations: readonly Citation[]; duration: number | null; open: boolean }) {
  const { video, citations, duration } = props;
  const [toggled, setOpen] = useState<boolean | null>(null);
  const open = toggled ?? props.open;
  const [shown, setShown] = useState(PAGE);
  const flags = useMemo(() => flagMoments(video.citations, duration), [video.citations, duration]);
  const flagOf = useMemo(() => new Map(video.citations.map((c, i) => [c, flags.moments[i] ?? null])), [video.citations, flags]);
  const key = videoKey(video.videoId, video.media);
  const playingSecond = usePlayer((s) =>
    s.video?.key === key && (s.status === 'ready' || s.status === 'loading') ? activeStamp(uniqueSeconds(video.citations), s.time) : null,
  );
  const entry = useLibrary((s) => s.byId.get(video.videoId) ?? null);
  const chapters = entry?.chapters ?? NO_CHAPTERS;
  const moments = useMemo(() => uniqueSeconds(video.citations), [video.citations]);
  const notes = new Set(video.citations.map((c) => c.path)).size;
  const headId = `source-${video.videoId}`;
  const name = video.title ?? entry?.title ?? video.videoId;
  // The note's own `media:` file plays first, then the library's copy, then YouTube.
  const kind = video.media ? 'Local file' : video.local ? 'Local copy' : isVideoId(video.videoId) ? 'YouTube' : 'No player';
  const length = entry?.duration ?? duration;

  return (
    <li className="source-video">
      <article aria-labelledby={headId}>
        <header className="source-head">
          <button
            type="button"
            className="disclosure"
            aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} citations of ${video.title ?? video.videoId}`}
            onClick={() => setOpen(!open)}
          />
          {entry?.thumbnail && <img className="source-poster" src={client.mediaUrl(entry.thumbnail)} alt={`Thumbnail of ${name}`} loading="lazy" decoding="async" />}
          <div className="source-titles">
            <h3 className="source-title" id={headId}>
              {video.title ?? video.videoId}
            </h3>
            <p className="source-meta">
              {(video.channel ?? entry?.channel) && <span className="source-channel">{video.channel ?? entry?.channel}</span>}
              <span
                className={`player-kind kind-${video.media || video.local ? 'media' : 'youtube'}`}
                title={video.local && !video.media ? `${video.local.name}${video.local.playable ? '' : `: ${video.local.reason ?? 'not playable'}`}` : undefined}
              >
                {kind}
              </span>
              {length !== null && <span>{formatTimeLabel(Math.round(length))}</span>}
              <span>
                {plural(video.citations.length, 'citation')} in {plural(notes, 'note')}
              </span>
            </p>
          </div>
          <button
            type="button"
            className="icon-button source-reel"
            aria-label="Play highlight reel"
            title={`Play highlight reel: every cited moment of ${name}, in time order`}
            onClick={() => startReel({ videoId: video.videoId, media: video.media, title: video.title ?? entry?.title ?? null, citations: video.citations, origin: { kind: 'sources' } })}
          >
            <span className="icon icon-play" aria-hidden="true" />
          </button>
          {flags.count > 0 && (
            <span className="source-flag-count" title="Timestamps that look wrong">
              {flags.count} suspicious
            </span>
          )}
        </header>
        <SourcesTimeline title={name} chapters={chapters} moments={moments} duration={length} active={playingSecond} />
        {open && (
          <>
            <NoteWarnings flags={flags} citations={video.citations} />
            <ol className="source-citations" aria-label={`Citations of ${video.title ?? video.videoId}`}>
              {citations.slice(0, shown).map((c) => (
                <CitationItem
                  key={`${c.path}:${c.line}:${c.seconds}`}
                  video={video}
                  citation={c}
                  flag={flagOf.get(c) ?? null}
                  active={playingSecond === c.seconds}
                  chapters={chapters}
                  captions={(entry?.captions.length ?? 0) > 0}
                />
              ))}
            </ol>
            {citations.length > shown && (
              <button type="button" className="button subtle show-more" onClick={() => setShown(shown + PAGE)}>
                Show {Math.min(PAGE, citations.length - shown)} more of {citations.length - shown}
              </button>
            )}
          </>
        )}
      </article>
    </li>
  );
}

function NoteWarnings({ flags, citations }: { flags: VideoFlags; citations: readonly Citation[] }) {
  if (flags.notes.size === 0) return null;
  return (
    <ul className="source-warnings">
      {[...flags.notes].map(([path, flag]) => (
        <li key={path} className="source-warning">
          <a className="citation-note" href={formatRoute(noteRoute(path))} onClick={(e) => go(e, path, null)}>
            {citations.find((c) => c.path === path)?.title ?? path}
          </a>
          : {flag.message}
        </li>
      ))}
    </ul>
  );
}

function CitationItem(props: {
  video: VideoCitations;
  citation: Citation;
  flag: ReturnType<typeof flagMoments>['moments'][number];
  active: boolean;
  chapters: readonly Chapter[];
  /** Whether the video has captions to show around the moment. */
  captions: boolean;
}) {
  const { video, citation: c, flag, active, chapters, captions } = props;
  const chapter = chapterAt(chapters, c.seconds);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (active && performance.now() - touchedAt > HANDS_OFF_MS) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [active]);
  const play = () => {
    requestPlay({
      notePath: c.path,
      videoId: video.videoId,
      media: video.media,
      seconds: c.seconds,
      stamps: video.citations.filter((x) => x.path === c.path).map((x) => x.seconds),
      title: video.title,
      channel: video.channel,
    });
    // The reader follows along, so show the quote there (staying put when it is already open).
    const route = navigation.getState().route;
    if (route.kind !== 'note' || route.path !== c.path) navigation.navigate(noteRoute(c.path, null, c.line));
  };
  return (
    <li ref={ref} className={'citation' + (active ? ' is-active' : '') + (flag ? ' is-flagged' : '')} aria-current={active ? 'time' : undefined}>
      <button type="button" className="citation-play" onClick={play}>
        <span className="citation-time">{c.label}</span>
        {chapter && <span className="citation-chapter">{chapter.title}</span>}
        <span className="citation-text">{c.text || '(no sentence around this timestamp)'}</span>
      </button>
      <p className="citation-foot">
        <a className="citation-note" href={formatRoute(noteRoute(c.path, null, c.line))} onClick={(e) => go(e, c.path, c.line)}>
          {c.title}
        </a>
        {flag && <span className={'citation-flag' + (flag.kind === 'hours-as-minutes' && !flag.certain ? ' is-unsure' : '')}>{flag.message}</span>}
      </p>
      {captions && <MomentTranscript videoId={video.videoId} seconds={c.seconds} label={c.label} />}
    </li>
  );
}

function go(e: MouseEvent, path: string, line: number | null) {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigation.navigate(noteRoute(path, null, line));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function uniqueSeconds(citations: readonly Citation[]): number[] {
  return [...new Set(citations.map((c) => c.seconds))].sort((a, b) => a - b);
}

/**
 * Local recordings tell their length without playing: read each one's metadata once, so stamps
 * past the end are flagged before anyone clicks them. YouTube lengths come from the player.
 */
function useLocalDurations(videos: readonly VideoCitations[], known: Readonly<Record<string, number>>) {
  const probes = useRef(new Map<string, () => void>());
  useEffect(() => {
    for (const v of videos) {
      const key = videoKey(v.videoId, v.media);
      if (!v.media || !key || known[key] !== undefined || probes.current.has(key)) continue;
      const paths = mediaCandidates(v.media, v.citations[0]?.path ?? null);
      const probe = document.createElement('video');
      probe.preload = 'metadata';
      probe.muted = true;
      let i = 0;
      const stop = () => {
        probe.removeEventListener('error', next);
        probe.removeAttribute('src');
        probe.load();
      };
      probes.current.set(key, stop);
      const next = () => {
        const path = paths[i++];
        if (path) probe.src = client.assetUrl(path);
        else stop();
      };
      probe.addEventListener(
        'loadedmetadata',
        () => {
          rememberDuration(key, probe.duration);
          stop();
        },
        { once: true },
      );
      probe.addEventListener('error', next);
      next();
    }
  }, [videos, known]);
  useEffect(() => {
    const all = probes.current;
    return () => {
      for (const stop of all.values()) stop();
    };
  }, []);
}
