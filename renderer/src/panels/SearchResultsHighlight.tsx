/**
 * After a search result opens a note, the matched words are highlighted in the reader with the CSS
 * Custom Highlight API: ranges over the rendered text, no DOM changes, so React's tree is never
 * touched. The reader needs no wiring: its note is `article.note[data-path]` inside the landmark
 * named "Reader", and highlights are (re)applied whenever that article renders, until the reader
 * leaves the note.
 */
import { useEffect } from 'react';
import { navigation } from '../state/navigation';

export const HIGHLIGHT_NAME = 'cairn-search';

interface Target {
  path: string;
  terms: readonly string[];
}

let active: { target: Target; stop: () => void } | null = null;

function readerArticle(path: string): HTMLElement | null {
  const reader = document.querySelector<HTMLElement>('main[aria-label="Reader"]');
  if (!reader) return null;
  for (const el of reader.querySelectorAll<HTMLElement>('article.note[data-path]')) if (el.dataset.path === path) return el;
  return null;
}

/** Word-boundary, case-insensitive pattern for the terms (longest first, so `streams` wins over `stream`). */
export function termPattern(terms: readonly string[]): RegExp | null {
  const words = [...new Set(terms.map((t) => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!words.length) return null;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

function paint(root: HTMLElement, terms: readonly string[]): number {
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  if (!registry || typeof Highlight === 'undefined') return 0;
  const pattern = termPattern(terms);
  if (!pattern) {
    registry.delete(HIGHLIGHT_NAME);
    return 0;
  }
  const scope = root.querySelector<HTMLElement>('.markdown') ?? root;
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (!text.trim() || node.parentElement?.closest('script, style')) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      ranges.push(range);
    }
  }
  registry.set(HIGHLIGHT_NAME, new Highlight(...ranges));
  return ranges.length;
}

/** Removes the search highlight from the reader. */
export function clearReaderHighlight(): void {
  active?.stop();
  active = null;
  if (typeof CSS !== 'undefined') CSS.highlights?.delete(HIGHLIGHT_NAME);
}

/**
 * Highlights `terms` in the reader once it shows `path`, and again whenever it re-renders that
 * note; stops when the reader moves to another note.
 */
export function highlightInReader(path: string, terms: readonly string[]): void {
  clearReaderHighlight();
  if (!terms.length) return;
  let observer: MutationObserver | null = null;
  let frame = 0;
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const current = readerArticle(path);
      if (current) paint(current, terms);
    });
  };
  // The reader swaps its article when the note loads or changes on disk: watch the landmark.
  const reader = document.querySelector<HTMLElement>('main[aria-label="Reader"]');
  if (reader) {
    observer = new MutationObserver(schedule);
    observer.observe(reader, { childList: true, subtree: true, characterData: true });
  }
  schedule();
  const unsubscribe = navigation.subscribe(() => {
    const route = navigation.getState().route;
    if (route.kind !== 'note' || route.path !== path) clearReaderHighlight();
  });
  const stop = () => {
    observer?.disconnect();
    if (frame) cancelAnimationFrame(frame);
    unsubscribe();
  };
  active = { target: { path, terms }, stop };
}

/** Drops the highlight when the component that owns search unmounts (the vault closed). */
export function useClearHighlightOnUnmount(): void {
  useEffect(() => clearReaderHighlight, []);
}
