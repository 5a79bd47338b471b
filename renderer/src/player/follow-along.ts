/**
 * Keeps the quote being played in view in the reader, unless the reader has been scrolled by hand
 * in the last few seconds (then the person is reading elsewhere, and the highlight alone follows).
 * Only input that scrolls counts as "by hand": wheel, touch, scroll keys, the scrollbar; scrolling
 * done by code (a followed link, this module) does not.
 */
import { playerStore } from './player-store';

const HANDS_OFF_MS = 4000;
const READER = 'main.reader';
const ACTIVE = 'button.timestamp[aria-current="time"]';
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

export function startFollowAlong(): () => void {
  let lastManual = -Infinity;
  let lastActive: Element | null = null;
  let frame = 0;

  const inReader = (target: EventTarget | null) => target instanceof Element && target.closest(READER) !== null;
  const manual = () => {
    lastManual = performance.now();
  };
  const onKey = (e: KeyboardEvent) => {
    if (SCROLL_KEYS.has(e.key) && inReader(e.target)) manual();
  };
  const onPointer = (e: PointerEvent) => {
    // A press on the scroller itself (not on its content) is a press on its scrollbar.
    if (e.target instanceof Element && e.target.matches(READER)) manual();
  };
  const onWheel = (e: Event) => {
    if (inReader(e.target)) manual();
  };

  const check = () => {
    frame = 0;
    const reader = document.querySelector<HTMLElement>(READER);
    const active = reader?.querySelector<HTMLElement>(ACTIVE) ?? null;
    if (!reader || !active || active === lastActive) {
      lastActive = active;
      return;
    }
    lastActive = active;
    if (performance.now() - lastManual < HANDS_OFF_MS) return;
    const box = reader.getBoundingClientRect();
    const at = active.getBoundingClientRect();
    const margin = Math.min(80, box.height / 5);
    if (at.top >= box.top + margin && at.bottom <= box.bottom - margin) return;
    active.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  // After React has re-rendered the buttons for the new time.
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(check);
  };

  const unsubscribe = playerStore.subscribe(schedule);
  window.addEventListener('wheel', onWheel, { passive: true, capture: true });
  window.addEventListener('touchmove', onWheel, { passive: true, capture: true });
  window.addEventListener('keydown', onKey, true);
  window.addEventListener('pointerdown', onPointer, true);
  return () => {
    unsubscribe();
    if (frame) cancelAnimationFrame(frame);
    window.removeEventListener('wheel', onWheel, true);
    window.removeEventListener('touchmove', onWheel, true);
    window.removeEventListener('keydown', onKey, true);
    window.removeEventListener('pointerdown', onPointer, true);
  };
}
