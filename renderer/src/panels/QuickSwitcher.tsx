/**
 * The quick switcher (Ctrl/Cmd+O): a dialog that finds a note by a few letters of its title, an
 * alias or its path, recent notes first when nothing is typed yet. Matching runs here on the note
 * list the app already holds (the same matcher the host uses while indexing), so it keeps up with
 * every keystroke. Keyboard only: type, arrows, Enter opens, Escape closes.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, ReactNode } from 'react';
import { NameMatcher, type NameMatch } from '../../../main/core/search/name-match';
import { navigation, noteRoute, useNavigation } from '../state/navigation';
import { useVault } from '../state/vault-store';
import '../styles/search.css';

const RECENT_KEY = 'cairn.recent-notes.v1';
const RECENT_MAX = 30;
const LIMIT = 50;

function loadRecent(): string[] {
  try {
    const raw = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

/** Notes opened lately, most recent first, kept across sessions. */
function useRecentNotes(): string[] {
  const route = useNavigation((s) => s.route);
  const [recent, setRecent] = useState<string[]>(loadRecent);
  useEffect(() => {
    if (route.kind !== 'note') return;
    setRecent((prev) => {
      if (prev[0] === route.path) return prev;
      const next = [route.path, ...prev.filter((p) => p !== route.path)].slice(0, RECENT_MAX);
      try {
        localStorage.setItem(RECENT_KEY, JSON.stringify(next));
      } catch {
        // Storage full or disabled: recents last for this session only.
      }
      return next;
    });
  }, [route]);
  return recent;
}

/** `name` with the matched ranges marked. */
function Marked({ match }: { match: NameMatch }) {
  const parts: ReactNode[] = [];
  let last = 0;
  match.ranges.forEach(([a, b], i) => {
    if (a > last) parts.push(match.name.slice(last, a));
    parts.push(<mark key={i}>{match.name.slice(a, b)}</mark>);
    last = b;
  });
  parts.push(match.name.slice(last));
  return <>{parts}</>;
}

export function QuickSwitcher(props: { onOpen?: (path: string) => void }) {
  const { onOpen = (path: string) => navigation.navigate(noteRoute(path)) } = props;
  const notes = useVault((s) => s.notes);
  const recent = useRecentNotes();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const restoreFocus = useRef<HTMLElement | null>(null);
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const matcher = useMemo(() => new NameMatcher(notes.map((n) => ({ path: n.path, title: n.title, aliases: n.aliases }))), [notes]);
  // The note on screen is the least likely one to switch to.
  const current = useNavigation((s) => (s.route.kind === 'note' ? s.route.path : null));
  const matches = useMemo(() => {
    if (!open) return [];
    const found = matcher.match(query, recent, LIMIT + 1);
    return (query.trim() ? found : found.filter((m) => m.path !== current)).slice(0, LIMIT);
  }, [open, matcher, query, recent, current]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        restoreFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setQuery('');
        setActive(0);
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) restoreFocus.current?.focus();
  };
  const choose = (m: NameMatch | undefined) => {
    if (!m) return;
    close(false);
    onOpen(m.path);
  };

  const onKeyDown = (e: ReactKeyboardEvent) => {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (!matches.length) return;
        const step = e.key === 'ArrowDown' ? 1 : -1;
        const next = (active + step + matches.length) % matches.length;
        setActive(next);
        document.getElementById(`${id}-opt-${next}`)?.scrollIntoView({ block: 'nearest' });
        return;
      }
      case 'Enter':
        e.preventDefault();
        choose(matches[active]);
        return;
      case 'Escape':
        e.preventDefault();
        close(true);
        return;
      case 'Tab':
        // The dialog holds one control: keep focus in it.
        e.preventDefault();
        return;
    }
  };

  if (!open) return null;
  const listId = `${id}-list`;
  return (
    <div className="quick-switcher-backdrop" onMouseDown={() => close(true)}>
      <div className="quick-switcher" role="dialog" aria-modal="true" aria-label="Quick switcher" onMouseDown={(e) => e.stopPropagation()} onKeyDown={onKeyDown}>
        <input
          ref={inputRef}
          className="quick-switcher-input"
          role="combobox"
          aria-label="Find a note"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={matches.length ? `${id}-opt-${Math.min(active, matches.length - 1)}` : undefined}
          placeholder="Find a note by title, alias or path"
          value={query}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
        />
        <ul className="quick-switcher-list" role="listbox" id={listId} aria-label={query.trim() ? 'Matching notes' : 'Recent notes'}>
          {matches.map((m, i) => {
            const folder = m.path.includes('/') ? m.path.slice(0, m.path.lastIndexOf('/')) : '';
            return (
              <li
                key={m.path}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className={'quick-switcher-item' + (i === active ? ' is-active' : '')}
                onMouseMove={() => setActive(i)}
                onClick={() => choose(m)}
              >
                <span className="quick-switcher-title">{m.kind === 'title' ? <Marked match={m} /> : m.title}</span>
                {m.kind === 'alias' && (
                  <span className="quick-switcher-alias">
                    alias <Marked match={m} />
                  </span>
                )}
                <span className="quick-switcher-path">{m.kind === 'path' ? <Marked match={m} /> : folder}</span>
              </li>
            );
          })}
          {matches.length === 0 && (
            <li className="quick-switcher-empty" role="option" aria-selected="false" aria-disabled="true">
              {query.trim() ? 'No note matches.' : 'No notes yet.'}
            </li>
          )}
        </ul>
      </div>
    </div>
  );
}
