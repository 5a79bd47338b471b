import { useEffect } from 'react';
import { navigation } from './navigation';

/**
 * Back and forward from the keyboard (Alt+←/→, and ⌘[ / ⌘] on macOS) and the mouse's side
 * buttons (3 = back, 4 = forward). Electron gives a page none of these for free; in a browser we
 * take them over so both hosts behave alike and scroll positions are remembered.
 */
export function useHistoryShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const back = (e.altKey && e.key === 'ArrowLeft') || (e.metaKey && e.key === '[');
      const forward = (e.altKey && e.key === 'ArrowRight') || (e.metaKey && e.key === ']');
      if (!back && !forward) return;
      // Alt+arrows inside a text field move by word on some systems; leave them there.
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) return;
      e.preventDefault();
      if (back) navigation.back();
      else navigation.forward();
    };
    const swallow = (e: MouseEvent) => {
      if (e.button === 3 || e.button === 4) e.preventDefault();
    };
    const onMouseUp = (e: MouseEvent) => {
      if (e.button === 3) navigation.back();
      else if (e.button === 4) navigation.forward();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', swallow);
    window.addEventListener('mouseup', onMouseUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', swallow);
      window.removeEventListener('mouseup', onMouseUp);
    };
  }, []);
}
