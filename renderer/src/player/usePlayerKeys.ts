/**
 * Player keys, anywhere in the window while something is loaded, unless the person is typing or a
 * widget uses the key itself (the Files tree's type-ahead, a text field): K play/pause, J/L back
 * and forward 5 s, [ and ] previous and next timestamp of the note. Inside the Player, Space and
 * ←/→ too. With focus inside the YouTube frame, YouTube's own keys apply.
 */
import { useEffect } from 'react';
import { playerStore } from './player-store';

export const PLAYER_KEYS = { toggle: 'K', back: 'J', forward: 'L', previous: '[', next: ']' } as const;

function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="tree"], [role="listbox"], [role="dialog"]') !== null;
}

export function usePlayerKeys(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || ownsKeys(e.target)) return;
      const target = e.target instanceof Element ? e.target : null;
      const inPlayer = Boolean(target?.closest('section.player'));
      // The <video>'s own controls take Space and arrows; a focused button or link takes Space.
      const video = target?.matches('video') ?? false;
      const pressable = target?.matches('button, a') ?? false;
      let action: (() => void) | null = null;
      switch (e.key.length === 1 ? e.key.toLowerCase() : e.key) {
        case 'k':
          action = () => playerStore.togglePlay();
          break;
        case 'j':
          action = () => playerStore.back();
          break;
        case 'l':
          action = () => playerStore.forward();
          break;
        case '[':
          action = () => playerStore.previousStamp();
          break;
        case ']':
          action = () => playerStore.nextStamp();
          break;
        case ' ':
          if (inPlayer && !video && !pressable) action = () => playerStore.togglePlay();
          break;
        case 'ArrowLeft':
          if (inPlayer && !video) action = () => playerStore.back();
          break;
        case 'ArrowRight':
          if (inPlayer && !video) action = () => playerStore.forward();
          break;
      }
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
