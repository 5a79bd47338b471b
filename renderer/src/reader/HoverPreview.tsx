/**
 * The preview that appears after resting the pointer on a link for ~300 ms: the linked note's
 * opening (or the linked heading's section), rendered like the reader but without nested previews.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { NoteView } from '../../../main/api';
import { messageOf } from '../state/vault-store';
import { fetchNote } from './note-cache';
import { MAX_EMBED_DEPTH } from './note-context';
import { NoteBody } from './NoteBody';
import {
  blockSection,
  findHeading,
  headingSection,
  noteTree,
  openingSection,
  withoutTitleHeading,
} from './render-note';

const SHOW_DELAY = 300;
const HIDE_DELAY = 200;

export interface PreviewTarget {
  path: string;
  sub: string | null;
  /** A remark shown in the header, e.g. that the link matched only by a similar name. */
  hint?: string | null;
}

/** Hover handlers for a link and, while open, the popover to render next to it. */
export function useHoverPreview(anchorRef: RefObject<HTMLElement | null>, target: PreviewTarget | null) {
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);
  const show = useCallback(() => {
    clear();
    timer.current = setTimeout(() => setOpen(true), SHOW_DELAY);
  }, [clear]);
  const hide = useCallback(() => {
    clear();
    timer.current = setTimeout(() => setOpen(false), HIDE_DELAY);
  }, [clear]);
  const close = useCallback(() => {
    clear();
    setOpen(false);
  }, [clear]);
  useEffect(() => clear, [clear]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    // Navigating away or scrolling the reader leaves the preview behind.
    window.addEventListener('hashchange', close);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('hashchange', close);
    };
  }, [open, close]);

  const popover =
    open && target && anchorRef.current ? (
      <PreviewPopover anchor={anchorRef.current} target={target} onEnter={clear} onLeave={hide} />
    ) : null;
  return { handlers: target ? { onMouseEnter: show, onMouseLeave: hide, onClick: close } : {}, popover };
}

function PreviewPopover(props: {
  anchor: HTMLElement;
  target: PreviewTarget;
  onEnter: () => void;
  onLeave: () => void;
}) {
  const { anchor, target, onEnter, onLeave } = props;
  const [view, setView] = useState<NoteView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);

  useEffect(() => {
    let live = true;
    fetchNote(target.path).then(
      (v) => live && setView(v),
      (err: unknown) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [target.path]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const a = anchor.getBoundingClientRect();
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const margin = 8;
    const left = Math.max(margin, Math.min(a.left, window.innerWidth - w - margin));
    const below = a.bottom + 6;
    const top = below + h + margin <= window.innerHeight ? below : Math.max(margin, a.top - h - 6);
    setPos({ left, top });
  }, [anchor, view, error]);

  let body: ReactNode;
  if (error) body = <p className="preview-message">{error}</p>;
  else if (!view) body = <p className="preview-message">Loading…</p>;
  else {
    const tree = noteTree(view.source);
    let section = openingSection(withoutTitleHeading(tree, view.title));
    if (target.sub) {
      const sub = target.sub.startsWith('^')
        ? blockSection(tree, target.sub.slice(1))
        : (() => {
            const h = findHeading(view.headings, target.sub);
            return h ? headingSection(tree, h) : null;
          })();
      if (sub) section = sub;
    }
    body =
      section.children.length > 0 ? (
        <NoteBody view={view} tree={section} mode="preview" depth={MAX_EMBED_DEPTH} chain={[view.path]} />
      ) : (
        <p className="preview-message">This note is empty.</p>
      );
  }

  return createPortal(
    <div
      ref={ref}
      className="preview-popover"
      role="dialog"
      aria-label={`Preview of ${view?.title ?? target.path}`}
      style={{ left: pos?.left ?? -9999, top: pos?.top ?? -9999 }}
      onMouseEnter={onEnter}
      onMouseLeave={onLeave}
    >
      <div className="preview-header">
        <span className="preview-title">{view?.title ?? target.path}</span>
        {target.sub && <span className="preview-sub">› {target.sub}</span>}
        {target.hint && <span className="preview-hint">{target.hint}</span>}
      </div>
      <div className="preview-body markdown">{body}</div>
    </div>,
    document.body,
  );
}
