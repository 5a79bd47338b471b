/**
 * The highlight reel (a region named "Highlight reel"), under the Player while one plays: which
 * moment is up and of how many, its quotes and their notes, previous/next (buttons, and `p`/`n` or
 * `[`/`]` while the reel has focus), a progress strip of every moment, the length of a moment, and
 * "Copy reel as list". Says what it left out (stamps past the end) and where its moments came from.
 */
import { useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { formatTimeLabel } from '../../../main/core/syntax/time';
import { navigation, formatRoute, noteRoute } from '../state/navigation';
import { copyText } from './copy-text';
import { pastEndNotice, reelAsList, REEL_WINDOW } from './reel-model';
import type { ReelMoment } from './reel-model';
import { reelStore, useReel } from './reel-store';
import type { ReelOrigin } from './reel-store';
import '../styles/reel.css';

/** More moments than this share strip segments, so the strip stays a strip (and cheap) at any count. */
const STRIP_SEGMENTS = 240;
/** Quotes shown for one moment; a second cited by thousands of notes lists the first ones. */
const QUOTES_SHOWN = 20;

export function HighlightReel() {
  const active = useReel((s) => s.active);
  const state = useReel((s) => s);
  const [copied, setCopied] = useState<string | null>(null);
  if (!active) return null;
  const { reel, index, loading, finished, error, title, videoId, origin, duration } = state;
  const moments = reel.moments;
  const moment = moments[index] ?? null;
  const skipped = pastEndNotice(reel, duration);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || (e.target instanceof HTMLInputElement && e.target.type !== 'button')) return;
    const key = e.key.toLowerCase();
    const action = key === 'n' || key === ']' ? () => reelStore.next() : key === 'p' || key === '[' ? () => reelStore.previous() : null;
    if (!action) return;
    // Ahead of the window-wide player keys, where `[`/`]` walk the note's own stamps.
    e.preventDefault();
    e.stopPropagation();
    action();
  };

  const copy = async () => {
    const ok = await copyText(reelAsList(reel, videoId));
    setCopied(ok ? `Copied ${moments.length} ${moments.length === 1 ? 'moment' : 'moments'}.` : 'Could not copy to the clipboard.');
  };

  return (
    <section className="reel" aria-label="Highlight reel" tabIndex={-1} onKeyDown={onKeyDown}>
      <header className="reel-head">
        <div className="reel-titles">
          <h2 className="reel-title">Highlight reel</h2>
          <p className="reel-from">{originText(origin, title ?? videoId ?? 'this recording')}</p>
        </div>
        <button type="button" className="icon-button" aria-label="Close highlight reel" title="Close highlight reel" onClick={() => reelStore.close()}>
          <span className="icon icon-close" aria-hidden="true" />
        </button>
      </header>
      {loading && <p className="panel-empty">Gathering the cited moments…</p>}
      {error && <p className="panel-error">{error}</p>}
      {!loading && !error && moments.length === 0 && <p className="panel-empty">No cited moment to play.</p>}
      {skipped && <p className="reel-notice">{skipped}</p>}
      {moment && (
        <>
          <p className="reel-position" aria-live="polite" aria-label="Reel position">
            {finished ? 'End of the reel. ' : ''}Moment {index + 1} of {moments.length} · {moment.label}
            <span className="muted">
              {' '}
              ({formatTimeLabel(Math.floor(moment.start))}–{formatTimeLabel(Math.ceil(moment.end))})
            </span>
          </p>
          <ul className="reel-quotes" aria-label="Quotes of this moment">
            {moment.citations.slice(0, QUOTES_SHOWN).map((c) => (
              <li key={`${c.path}:${c.line}`} className="reel-quote">
                <blockquote>{c.text || '(no sentence around this timestamp)'}</blockquote>
                <a className="citation-note" href={formatRoute(noteRoute(c.path, null, c.line))} onClick={(e) => go(e, c.path, c.line)}>
                  {c.title}
                </a>
              </li>
            ))}
            {moment.citations.length > QUOTES_SHOWN && <li className="muted">and {moment.citations.length - QUOTES_SHOWN} more notes cite this second</li>}
          </ul>
          <div className="reel-controls" role="group" aria-label="Reel controls">
            <button type="button" className="button subtle" aria-label="Previous moment" title="Previous moment (p or [)" disabled={index === 0} onClick={() => reelStore.previous()}>
              <span className="icon icon-prev-stamp" aria-hidden="true" /> Previous
            </button>
            <button
              type="button"
              className="button subtle"
              aria-label="Next moment"
              title="Next moment, skipping the rest of this one (n or ])"
              disabled={index >= moments.length - 1}
              onClick={() => reelStore.next()}
            >
              Next <span className="icon icon-next-stamp" aria-hidden="true" />
            </button>
            {finished && (
              <button type="button" className="button subtle" onClick={() => reelStore.go(0)}>
                Play again
              </button>
            )}
            <button type="button" className="button subtle" onClick={() => void copy()}>
              Copy reel as list
            </button>
            <label className="reel-window">
              Moment length
              <input
                type="number"
                min={REEL_WINDOW.min}
                max={REEL_WINDOW.max}
                step={1}
                value={state.window}
                onChange={(e) => {
                  const v = Number(e.target.value);
                  if (v >= REEL_WINDOW.min && v <= REEL_WINDOW.max) reelStore.setWindow(v);
                }}
              />
              s
            </label>
          </div>
          {copied && (
            <p className="reel-copied" role="status">
              {copied}
            </p>
          )}
          <ReelStrip moments={moments} index={index} />
        </>
      )}
    </section>
  );
}

/** Every moment as a segment, the one playing marked; a click plays it. */
function ReelStrip({ moments, index }: { moments: readonly ReelMoment[]; index: number }) {
  const per = Math.ceil(moments.length / STRIP_SEGMENTS);
  const segments: Array<{ first: number; last: number }> = [];
  for (let first = 0; first < moments.length; first += per) segments.push({ first, last: Math.min(moments.length, first + per) - 1 });
  return (
    <ol className="reel-strip" aria-label="Reel moments">
      {segments.map(({ first, last }) => {
        const current = index >= first && index <= last;
        const m = moments[first]!;
        const name = first === last ? `Moment ${first + 1}: ${m.label}` : `Moments ${first + 1}–${last + 1}: from ${m.label}`;
        return (
          <li key={first}>
            <button
              type="button"
              className={'reel-segment' + (current ? ' is-current' : '') + (first < index && !current ? ' is-done' : '')}
              aria-label={name}
              title={name}
              aria-current={current ? 'step' : undefined}
              onClick={() => reelStore.go(first)}
            />
          </li>
        );
      })}
    </ol>
  );
}

function originText(origin: ReelOrigin | null, video: string): string {
  if (!origin) return video;
  switch (origin.kind) {
    case 'note':
      return `Every cited moment of ${video}, across all notes citing it (started from ${origin.title}).`;
    case 'sources':
      return `Every cited moment of ${video}, across all notes citing it.`;
    case 'search': {
      const notes = `${origin.notes} ${origin.notes === 1 ? 'note' : 'notes'}`;
      const choice = origin.videos > 1 ? ` (the video most of the hits cite, of ${origin.videos})` : '';
      return `Moments of ${video} cited in ${notes} matching “${origin.query}”${choice}.`;
    }
  }
}

function go(e: MouseEvent, path: string, line: number | null) {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigation.navigate(noteRoute(path, null, line));
}
