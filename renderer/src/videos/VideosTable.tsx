/**
 * The Videos view's table: one row a video, in two groups (with a local copy, then cited with none),
 * sortable by its column headers. Rows have one height, so only those on screen are mounted
 * (`useWindowedRows`) and the table states its full size to assistive technology with
 * `aria-rowcount`/`aria-rowindex`.
 */
import { useMemo, useRef } from 'react';
import type { RefObject } from 'react';
import type { VideoEntry } from '../../../main/api';
import { formatTimeLabel } from '../../../main/core/syntax/time';
import { openSources } from '../player/dock-store';
import { defaultDir, formatBytes } from './videos-model';
import type { SortKey, VideoGroups, VideoSort } from './videos-model';
import { useWindowedRows } from '../layout/useWindowedRows';

export const ROW_HEIGHT = 52;

type Row = { kind: 'group'; id: string; label: string; count: number } | { kind: 'video'; video: VideoEntry };

const COLUMNS: { key: SortKey | null; label: string; className: string }[] = [
  { key: 'title', label: 'Title', className: 'col-title' },
  { key: 'citations', label: 'Moments', className: 'col-num col-moments' },
  { key: 'notes', label: 'Notes', className: 'col-num col-notes' },
  { key: 'size', label: 'Local copy', className: 'col-local' },
  { key: null, label: 'Captions', className: 'col-captions' },
  { key: 'duration', label: 'Length', className: 'col-num col-length' },
  { key: 'uploaded', label: 'Uploaded', className: 'col-date' },
];

export function VideosTable(props: { groups: VideoGroups; sort: VideoSort; onSort(sort: VideoSort): void; scroller: RefObject<HTMLElement | null> }) {
  const { groups, sort, onSort, scroller } = props;
  const rows = useMemo(() => {
    const out: Row[] = [];
    if (groups.local.length) out.push({ kind: 'group', id: 'local', label: 'With a local copy', count: groups.local.length });
    for (const video of groups.local) out.push({ kind: 'video', video });
    if (groups.missing.length) out.push({ kind: 'group', id: 'missing', label: 'No local copy', count: groups.missing.length });
    for (const video of groups.missing) out.push({ kind: 'video', video });
    return out;
  }, [groups]);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const { start, end } = useWindowedRows(scroller, bodyRef, ROW_HEIGHT, rows.length);

  const sortBy = (key: SortKey) => onSort(sort.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: defaultDir(key) });

  return (
    <table className="videos-table" aria-label="Cited videos" aria-rowcount={rows.length + 1}>
      <thead>
        <tr aria-rowindex={1}>
          {COLUMNS.map((c) => (
            <th
              key={c.label}
              scope="col"
              className={c.className}
              aria-sort={c.key && sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              {c.key ? (
                <button type="button" className="sort-button" onClick={() => sortBy(c.key!)}>
                  {c.label}
                  <span className="sort-mark" aria-hidden="true">
                    {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              ) : (
                c.label
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={bodyRef}>
        {start > 0 && <tr className="videos-spacer" aria-hidden="true" style={{ height: start * ROW_HEIGHT }} />}
        {rows.slice(start, end).map((row, i) =>
          row.kind === 'group' ? (
            <tr key={`group-${row.id}`} className="videos-group" aria-rowindex={start + i + 2} style={{ height: ROW_HEIGHT }}>
              <th scope="colgroup" colSpan={COLUMNS.length}>
                {row.label} <span className="count">{row.count}</span>
              </th>
            </tr>
          ) : (
            <VideoRow key={row.video.videoId} video={row.video} index={start + i + 2} />
          ),
        )}
        {end < rows.length && <tr className="videos-spacer" aria-hidden="true" style={{ height: (rows.length - end) * ROW_HEIGHT }} />}
      </tbody>
    </table>
  );
}

function VideoRow({ video: v, index }: { video: VideoEntry; index: number }) {
  const name = v.title ?? v.videoId;
  return (
    <tr className="video-row" aria-rowindex={index} style={{ height: ROW_HEIGHT }} data-video-id={v.videoId}>
      <th scope="row" className="col-title">
        <button type="button" className="video-open" title={`${name}: open its quotes in Sources`} onClick={() => openSources(v.videoId)}>
          {name}
        </button>
        <span className="video-sub">
          {v.channel && <span className="video-channel">{v.channel}</span>}
          <span className="video-id">{v.videoId}</span>
          {v.problems.length > 0 && (
            <span className="video-problems" title={v.problems.join('\n')}>
              {v.problems.length} {v.problems.length === 1 ? 'problem' : 'problems'}
            </span>
          )}
        </span>
      </th>
      <td className="col-num">{v.citations}</td>
      <td className="col-num">{v.notes}</td>
      <td className="col-local">
        <LocalCell video={v} />
      </td>
      <td className="col-captions">{v.captions.length ? [...new Set(v.captions.map((c) => c.lang))].join(', ') : <span className="muted">none</span>}</td>
      <td className="col-num col-length">{v.duration !== null ? formatTimeLabel(Math.round(v.duration)) : <span className="muted">?</span>}</td>
      <td className="col-date">{v.uploadDate ?? <span className="muted">?</span>}</td>
    </tr>
  );
}

function LocalCell({ video: v }: { video: VideoEntry }) {
  const copy = v.local;
  if (copy) {
    const others = v.copies.length - 1;
    return (
      <>
        <span className="local-facts" title={copy.path}>
          Yes · {formatBytes(copy.bytes)} · {copy.format}
          {others > 0 && ` · ${others} more ${others === 1 ? 'copy' : 'copies'}`}
        </span>
        <span className={'local-state' + (copy.playable ? ' is-playable' : ' is-unplayable')}>{copy.playable ? 'Playable' : (copy.reason ?? 'Not playable')}</span>
      </>
    );
  }
  if (v.noteMedia) {
    return (
      <>
        <span className="local-facts">Yes · the note’s file</span>
        <span className="local-state" title={v.noteMedia}>
          {v.noteMedia}
        </span>
      </>
    );
  }
  return <span className="local-facts is-none">No</span>;
}
