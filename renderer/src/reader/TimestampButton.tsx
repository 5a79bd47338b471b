/**
 * A cited moment of a video: a button named `Play <label>` (label canonical, e.g. `Play 01:10:00`).
 * The video is the anchor's own YouTube link, else the note's `videoId`. Hovered or focused for a
 * moment, it shows (role tooltip, described-by) the chapter it falls in and what was said around
 * it, asked of the host then and not before: a note may carry hundreds of stamps.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { parseTimeLabel } from '../../../main/core/syntax/time';
import { noteStamps, useActiveTimestamp } from '../player/useActiveTimestamp';
import { StampContext } from './StampContext';
import { useNoteContext } from './note-context';
import { canPlay, playTimestamp } from './play';

/** How long a pointer or focus rests on a stamp before its context is asked for. */
const CONTEXT_DELAY_MS = 300;
/** The quote kept in view when the moment cannot play: the block the stamp sits in, this long at most. */
const QUOTE_MAX = 280;

export function TimestampButton(props: {
  seconds: number;
  label: string;
  videoId: string | null;
  children?: ReactNode;
}) {
  const { seconds, label, children } = props;
  const { view } = useNoteContext();
  // player: the note's `media:` is a copy of the note's own video only, not of an anchor's other one.
  const own = props.videoId === null || props.videoId === view.videoId;
  const videoId = props.videoId ?? view.videoId;
  const note = {
    path: view.path,
    title: view.title,
    videoId,
    media: own ? view.media : null,
    stamps: noteStamps(view.timestamps, videoId),
    ...(own ? { videoTitle: view.title } : {}),
  };
  const playable = canPlay(note);
  // player: follow-along, the quote playing now is marked `aria-current="time"`.
  const active = useActiveTimestamp(view, props.videoId, seconds);
  const context = useRestingOn(playable && videoId !== null);
  const [shown, setShown] = useState(false);
  const tooltipId = useId();

  const onClick = (e: MouseEvent<HTMLButtonElement>) => playTimestamp(note, seconds, quoteAround(e.currentTarget));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') context.dismiss();
  };

  return (
    <span className="timestamp-anchor" onMouseEnter={context.enter} onMouseLeave={context.leave}>
      <button
        type="button"
        className="timestamp"
        aria-label={`Play ${label}`}
        title={playable ? undefined : 'No video for this note'}
        disabled={!playable}
        data-seconds={seconds}
        aria-current={active ? 'time' : undefined}
        aria-describedby={context.open && shown ? tooltipId : undefined}
        onClick={onClick}
        onFocus={context.enter}
        onBlur={context.leave}
        onKeyDown={onKeyDown}
      >
        <span className="timestamp-icon" aria-hidden="true" />
        {children ?? label}
      </button>
      {context.open && videoId && <StampContext id={tooltipId} videoId={videoId} seconds={seconds} onShown={setShown} />}
    </span>
  );
}

/** Open after the pointer or focus has rested a moment; closed when it leaves or Escape is pressed. */
function useRestingOn(enabled: boolean) {
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stop, []);
  return {
    open: enabled && open,
    enter: () => {
      if (!enabled || timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        setOpen(true);
      }, CONTEXT_DELAY_MS);
    },
    leave: () => {
      stop();
      setOpen(false);
    },
    dismiss: () => {
      stop();
      setOpen(false);
    },
  };
}

/** The words a stamp is cited for, as rendered: the list item, paragraph or cell it sits in. */
function quoteAround(button: HTMLElement): string | null {
  const block = button.closest('li, p, td, th, blockquote, dd');
  const text = block?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  if (!text) return null;
  return text.length > QUOTE_MAX ? text.slice(0, QUOTE_MAX - 1) + '…' : text;
}

/** The label of an anchor's `data-t`, or null when it is not a time (the anchor then renders as text). */
export function timeOf(dataT: unknown): { seconds: number; label: string } | null {
  return typeof dataT === 'string' ? parseTimeLabel(dataT) : null;
}
