/**
 * The open note's headings, indented by level; the one being read is marked as the reader
 * scrolls, and clicking one scrolls there (and records it in the URL, so a reload lands there).
 */
import { useEffect, useState } from 'react';
import type { MouseEvent } from 'react';
import { Panel } from '../layout/Panel';
import { formatRoute, navigation, noteRoute, useNavigation } from '../state/navigation';
import { useNote } from '../reader/note-cache';

export function Outline() {
  const path = useNavigation((s) => (s.route.kind === 'note' ? s.route.path : null));
  const { view } = useNote(path);
  const headings = view && view.path === path ? view.headings : [];
  const active = useActiveHeading(headings.length > 0 ? view : null);
  const minLevel = headings.reduce((m, h) => Math.min(m, h.level), 6);

  const go = (e: MouseEvent, text: string) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || !path) return;
    e.preventDefault();
    navigation.navigate(noteRoute(path, text), { replace: true });
  };

  return (
    <Panel name="outline" title="Outline" as="nav" count={path ? headings.length : null}>
      {!path && <p className="panel-empty">Open a note to see its headings.</p>}
      {path && view && headings.length === 0 && <p className="panel-empty">This note has no headings.</p>}
      {headings.length > 0 && path && (
        <ol className="outline">
          {headings.map((h) => (
            <li key={h.line} style={{ paddingInlineStart: `${(h.level - minLevel) * 0.9}rem` }}>
              <a
                href={formatRoute(noteRoute(path, h.text))}
                onClick={(e) => go(e, h.text)}
                aria-current={active === h.line ? 'location' : undefined}
              >
                {plainHeading(h.text)}
              </a>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}

/** Heading source without markdown punctuation, for a compact list. */
function plainHeading(text: string): string {
  return text
    .replace(/\[\[([^\]|]*)\|([^\]]*)\]\]/g, '$2')
    .replace(/\[\[([^\]]*)\]\]/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/[*_`~]/g, '');
}

/** The line of the last heading scrolled past the top of the reader. */
function useActiveHeading(view: unknown): number | null {
  const [active, setActive] = useState<number | null>(null);
  useEffect(() => {
    const reader = document.querySelector<HTMLElement>('main.reader');
    if (!reader || !view) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const box = reader.getBoundingClientRect();
      // At the very end the last headings cannot reach the top: the lowest one in view is current.
      const atEnd = reader.scrollTop > 0 && reader.scrollTop + reader.clientHeight >= reader.scrollHeight - 2;
      const limit = atEnd ? box.bottom - 24 : box.top + 96;
      let line: number | null = null;
      for (const h of reader.querySelectorAll<HTMLElement>('article > .markdown :is(h1,h2,h3,h4,h5,h6)[data-line]')) {
        if (h.closest('.embed-note')) continue;
        if (h.getBoundingClientRect().top <= limit) line = Number(h.dataset.line);
        else break;
      }
      setActive(line);
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    reader.addEventListener('scroll', onScroll, { passive: true });
    update();
    return () => {
      reader.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [view]);
  return active;
}
