/**
 * The centre of the window: the open note (or the page of an unresolved link, or the vault's home),
 * in a `main` landmark named "Reader" whose only h1 is the note's title. It follows the route,
 * scrolls to the linked heading, block or line, restores the scroll offset on back/forward, and
 * re-renders in place when the note changes on disk.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { RefObject } from 'react';
import { navigation, useNavigation } from '../state/navigation';
import type { Route } from '../state/navigation';
import { useNote } from './note-cache';
import { NoteBody } from './NoteBody';
import { Properties } from './Properties';
import { noteTree, withoutTitleHeading } from './render-note';
import { findTarget, scrollToTarget } from './scroll-target';
import { UnresolvedPage } from './UnresolvedPage';
import { SourcesNoteActions } from '../panels/SourcesNoteActions';
import { HomePage } from './HomePage';

export function Reader() {
  const route = useNavigation((s) => s.route);
  const scrollRef = useRef<HTMLElement>(null);

  useEffect(() => {
    navigation.setScrollProvider(() => scrollRef.current?.scrollTop ?? 0);
  }, []);

  return (
    <main className="reader" aria-label="Reader" ref={scrollRef} tabIndex={-1}>
      <ReaderContent route={route} scrollRef={scrollRef} />
    </main>
  );
}

function ReaderContent({ route, scrollRef }: { route: Route; scrollRef: RefObject<HTMLElement | null> }) {
  switch (route.kind) {
    case 'note':
      return <NoteReader path={route.path} sub={route.sub} line={route.line} scrollRef={scrollRef} />;
    case 'unresolved':
      return <UnresolvedPage target={route.target} scrollRef={scrollRef} />;
    case 'home':
      return <HomePage scrollRef={scrollRef} />;
    case 'videos':
    case 'graph':
      // The shell shows the Videos view or the graph view in the reader's place.
      return null;
  }
}

function NoteReader(props: {
  path: string;
  sub: string | null;
  line: number | null;
  scrollRef: RefObject<HTMLElement | null>;
}) {
  const { path, sub, line, scrollRef } = props;
  const { view, error, errorCode, deleted, loading } = useNote(path);
  const seq = useNavigation((s) => s.seq);
  const articleRef = useRef<HTMLElement>(null);
  const handledSeq = useRef(-1);
  const current = view && view.path === path ? view : null;
  const tree = useMemo(
    () => (current ? withoutTitleHeading(noteTree(current.source), current.title) : null),
    [current],
  );

  useEffect(() => {
    document.title = current ? `${current.title} · Cairn` : 'Cairn';
  }, [current]);

  // Once per navigation, when this note is on screen: land where the route points.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const article = articleRef.current;
    if (!current || !scroller || !article || handledSeq.current === seq) return;
    handledSeq.current = seq;
    const restore = navigation.getState().restoreScroll;
    if (restore !== null) {
      scroller.scrollTop = restore;
    } else {
      const target = sub || line ? findTarget(article, current, sub, line) : null;
      if (target) scrollToTarget(target);
      else scroller.scrollTop = 0;
    }
    // A followed link is gone with the old content; continue the keyboard from the reader. Focus
    // that is elsewhere (the Files tree, the search box) stays where it is.
    if (!document.activeElement || document.activeElement === document.body) scroller.focus({ preventScroll: true });
  }, [current, seq, sub, line, scrollRef]);

  if (!current || !tree) {
    if (errorCode === 'not-found' || (error && !loading)) {
      return (
        <article className="note note-missing">
          <h1>{errorCode === 'not-found' ? 'Note not found' : 'Could not open this note'}</h1>
          <p className="note-path">{path}</p>
          <p>{error}</p>
        </article>
      );
    }
    return (
      <article className="note note-loading" aria-busy="true">
        <h1 className="placeholder-title">{path.split('/').pop()?.replace(/\.md$/i, '')}</h1>
        <p className="muted">Loading…</p>
      </article>
    );
  }

  const folder = current.path.includes('/') ? current.path.slice(0, current.path.lastIndexOf('/')) : null;
  return (
    <article ref={articleRef} className={'note' + (deleted ? ' is-deleted' : '')} data-path={current.path}>
      {deleted && (
        <p className="banner banner-warning" role="status">
          This note was deleted from disk. You are seeing its last content.
        </p>
      )}
      {error && !deleted && (
        <p className="banner banner-warning" role="status">
          Could not refresh this note: {error}
        </p>
      )}
      <header className="note-header">
        {folder && <p className="note-folder">{folder.split('/').join(' / ')}</p>}
        <h1>{current.title}</h1>
        {current.aliases.length > 0 && <p className="note-aliases">Also known as {current.aliases.join(', ')}</p>}
      </header>
      <SourcesNoteActions view={current} />
      <Properties view={current} />
      {current.problems.length > 0 && (
        <details className="note-problems">
          <summary>
            {current.problems.length} problem{current.problems.length === 1 ? '' : 's'} in this note
          </summary>
          <ul>
            {current.problems.map((p, i) => (
              <li key={i}>
                {p.line ? `Line ${p.line}: ` : ''}
                {p.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="markdown">
        <NoteBody view={current} tree={tree} mode="reader" depth={0} chain={[current.path + '#']} />
      </div>
    </article>
  );
}
