/**
 * Finding what a route points at inside the rendered note (a heading, a `^block`, a source line),
 * scrolling it into view and flashing it so the eye finds it.
 */
import type { NoteView } from '../../../main/api';
import { findHeading } from './render-note';

/** The rendered element for `sub` (`Heading`, `A#B`, `^block-id`) or for a source `line`. */
export function findTarget(
  root: HTMLElement,
  view: NoteView,
  sub: string | null,
  line: number | null,
): HTMLElement | null {
  if (sub) {
    if (sub.startsWith('^')) {
      const id = sub.slice(1);
      const el = root.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(id)}"]`);
      if (el) return el;
      const block = view.blocks.find((b) => b.id.toLowerCase() === id.toLowerCase());
      if (block) return elementAtLine(root, block.line);
      return null;
    }
    const heading = findHeading(view.headings, sub);
    if (heading) {
      const el = root.querySelector<HTMLElement>(`:is(h1,h2,h3,h4,h5,h6)[data-line="${heading.line}"]`);
      return el ?? elementAtLine(root, heading.line);
    }
    return null;
  }
  if (line) return elementAtLine(root, line);
  return null;
}

/** The innermost rendered block whose source lines include `line` (else the nearest one before it). */
export function elementAtLine(root: HTMLElement, line: number): HTMLElement | null {
  let best: HTMLElement | null = null;
  let bestSpan = Infinity;
  let before: HTMLElement | null = null;
  let beforeLine = -Infinity;
  for (const el of root.querySelectorAll<HTMLElement>('[data-line]')) {
    // Embedded notes carry their own line numbers; only this note's own blocks count.
    if (el.closest('.embed-note') && !root.matches('.embed-note')) continue;
    const start = Number(el.dataset.line);
    const end = Number(el.dataset.lineEnd ?? start);
    if (start <= line && line <= end && end - start < bestSpan) {
      best = el;
      bestSpan = end - start;
    }
    if (start <= line && start > beforeLine) {
      before = el;
      beforeLine = start;
    }
  }
  return best ?? before;
}

export function scrollToTarget(el: HTMLElement): void {
  el.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
  // The flash fades; the mark stays on the element the last jump landed on (tests and styles use it).
  el.ownerDocument.querySelector('[data-jump-target]')?.removeAttribute('data-jump-target');
  el.setAttribute('data-jump-target', '');
  flash(el);
}

export function flash(el: HTMLElement): void {
  el.classList.remove('flash');
  // Restart the animation when the same element is targeted twice in a row.
  void el.offsetWidth;
  el.classList.add('flash');
  el.addEventListener('animationend', () => el.classList.remove('flash'), { once: true });
}
