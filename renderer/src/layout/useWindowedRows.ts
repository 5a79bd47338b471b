/**
 * Which rows of a long list of fixed-height rows are on screen: a library of thousands of videos,
 * or a folder of 22,000 notes in Files, mounts a few dozen rows, not thousands, and scrolling swaps
 * them. `scroller` is the element that scrolls, `body` the first element of the list (its offset in
 * the scroller is where row 0 starts).
 */
import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/** Rows drawn beyond each edge of the screen, so a fast scroll or a tab into the next row finds one. */
const OVERSCAN = 8;

export interface RowWindow {
  start: number;
  end: number;
}

/**
 * The rows to mount for this scroll position. `prev` stays while it still covers every row on
 * screen, so a steady scroll re-renders the list once every few rows rather than every frame.
 */
export function nextWindow(prev: RowWindow, scrollTop: number, viewHeight: number, listTop: number, rowHeight: number, count: number): RowWindow {
  const first = Math.max(0, Math.min(count, Math.floor((scrollTop - listTop) / rowHeight)));
  const last = Math.max(first, Math.min(count, Math.ceil((scrollTop + viewHeight - listTop) / rowHeight)));
  if (prev.start <= first && prev.end >= last && prev.end <= count) return prev;
  return { start: Math.max(0, first - OVERSCAN), end: Math.min(count, last + OVERSCAN) };
}

export function useWindowedRows(scroller: RefObject<HTMLElement | null>, body: RefObject<HTMLElement | null>, rowHeight: number, count: number): RowWindow {
  const [win, setWin] = useState<RowWindow>({ start: 0, end: Math.min(count, 40) });
  // Measured before paint: a list that just grew (a folder opened) shows its rows in the first frame.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const list = body.current;
      const listTop = list ? list.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop : 0;
      setWin((prev) => nextWindow(prev, el.scrollTop, el.clientHeight, listTop, rowHeight, count));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    // Chromium sends at most one scroll event a frame, just before drawing it: measured there, the
    // rows for the new position are in that frame, not the one after.
    el.addEventListener('scroll', measure, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(el);
    if (body.current) resize.observe(body.current);
    return () => {
      el.removeEventListener('scroll', measure);
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scroller, body, rowHeight, count]);
  // The list may have shrunk since the last measure.
  return win.end <= count ? win : { start: Math.min(win.start, count), end: count };
}
