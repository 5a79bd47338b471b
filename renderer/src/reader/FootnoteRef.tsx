/**
 * A footnote reference (`[^1]` or `^[inline]`) that shows its footnote in a popover while hovered
 * or focused (role tooltip, described-by), and scrolls to it when clicked. The popover holds a copy
 * of the footnote as already rendered, without its back-links; references inside it are plain
 * copies, so a footnote that cites itself or a cycle of footnotes shows one level and stops.
 */
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { flash } from './scroll-target';

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The footnote an `#id` points at; the sanitizer prefixes ids once more than hrefs (`user-content-`). */
function footnoteTarget(from: Element, href: string): HTMLElement | null {
  const id = safeDecode(href.slice(1));
  const scope = from.closest('article, .embed-body, .preview-body') ?? document;
  return (
    scope.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`) ??
    scope.querySelector<HTMLElement>(`[id="${CSS.escape('user-content-' + id)}"]`)
  );
}

export function FootnoteRef({ href, children }: { href: string; children: ReactNode }) {
  const anchor = useRef<HTMLAnchorElement>(null);
  const body = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);
  const [missing, setMissing] = useState(false);
  const popoverId = useId();

  useLayoutEffect(() => {
    const into = body.current;
    if (!open || !into || !anchor.current) return;
    const target = footnoteTarget(anchor.current, href);
    setMissing(!target);
    if (!target) return;
    const copy = target.cloneNode(true) as HTMLElement;
    // Back-links (`↩`) lead back to the text the reader is already looking at.
    copy.querySelectorAll('[data-footnote-backref], a[href*="fnref-"]').forEach((el) => el.remove());
    copy.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'));
    copy.removeAttribute('id');
    into.replaceChildren(...Array.from(copy.childNodes));
  }, [open, href]);

  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    const target = footnoteTarget(e.currentTarget, href);
    if (target) {
      target.scrollIntoView({ block: 'center' });
      flash(target);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') setOpen(false);
  };

  return (
    <span className="footnote-ref" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <a
        ref={anchor}
        href={href}
        data-footnote-ref=""
        onClick={onClick}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        aria-describedby={open ? popoverId : undefined}
      >
        {children}
      </a>
      {open && (
        <span className="footnote-popover" role="tooltip" id={popoverId}>
          {missing ? <span className="footnote-missing">This footnote has no text.</span> : null}
          <span ref={body} className="footnote-popover-body" />
        </span>
      )}
    </span>
  );
}
