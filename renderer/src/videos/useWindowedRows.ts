/**
 * Which rows of a long list of fixed-height rows are on screen: a library of thousands of videos
 * mounts a few dozen rows, not thousands, and scrolling swaps them. `scroller` is the element that
 * scrolls, `body` the first element of the list (its offset in the scroller is where row 0 starts).
 */
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** Rows drawn beyond each edge of the screen, so a fast scroll or a tab into the next row finds one. */
const OVERSCAN = 8;

export interface RowWindow {
  start: number;
  end: number;
}

export function visibleRows(scrollTop: number, viewHeight: number, listTop: number, rowHeight: number, count: number): RowWindow {
  const first = Math.floor((scrollTop - listTop) / rowHeight);
  const last = Math.ceil((scrollTop + viewHeight - listTop) / rowHeight);
  const start = Math.max(0, Math.min(count, first - OVERSCAN));
  const end = Math.max(start, Math.min(count, last + OVERSCAN));
  return { start, end };
}

export function useWindowedRows(scroller: RefObject<HTMLElement | null>, body: RefObject<HTMLElement | null>, rowHeight: number, count: number): RowWindow {
  const [win, setWin] = useState<RowWindow>({ start: 0, end: Math.min(count, 40) });
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const list = body.current;
      const listTop = list ? list.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop : 0;
      const next = visibleRows(el.scrollTop, el.clientHeight, listTop, rowHeight, count);
      setWin((prev) => (prev.start === next.start && prev.end === next.end ? prev : next));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    el.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(el);
    if (body.current) resize.observe(body.current);
    return () => {
      el.removeEventListener('scroll', schedule);
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scroller, body, rowHeight, count]);
  return win;
}
