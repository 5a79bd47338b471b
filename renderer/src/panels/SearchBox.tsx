/**
 * The search field and its results, as you type. Arrow keys move through the matching lines,
 * Enter opens the note at that line with the words highlighted in the reader, Escape closes the
 * results (and a second Escape clears the field). While the host is still building the full-text
 * index, results come from note names and say so. Ctrl/Cmd+Shift+F focuses the field.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { SearchHits } from '../../../main/api';
import { client } from '../api/client';
import { requestPlay } from '../player/player-store';
import { setActiveSearch } from '../state/active-search';
import { navigation, noteRoute } from '../state/navigation';
import '../styles/search.css';
import { SearchReelButton } from './SearchReelButton';
import { resultEntries, SearchResults, type ResultEntry } from './SearchResults';
import { highlightInReader, useClearHighlightOnUnmount } from './SearchResultsHighlight';

export interface SearchOpenTarget {
  path: string;
  /** 1-based source line of the match, or null to open at the top. */
  line: number | null;
  /** Words to highlight in the reader, as written in the note. */
  terms: string[];
}

/** The default: open the note at the line (the route's `line`) and highlight the words in the reader. */
export function openSearchResult(target: SearchOpenTarget): void {
  navigation.navigate(noteRoute(target.path, null, target.line));
  highlightInReader(target.path, target.terms);
}

const LIMIT = 30;
const DEBOUNCE_MS = 70;

export function SearchBox(props: { onOpen?: (target: SearchOpenTarget) => void; limit?: number }) {
  const { onOpen = openSearchResult, limit = LIMIT } = props;
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchHits | null>(null);
  const [open, setOpen] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const seq = useRef(0);
  const idPrefix = `search-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const listId = `${idPrefix}-results`;
  useClearHighlightOnUnmount();

  const run = useCallback(
    async (q: string) => {
      const mine = ++seq.current;
      if (!q.trim()) {
        setResult(null);
        setFailure(null);
        return;
      }
      try {
        const r = await client.search({ query: q, limit });
        if (mine !== seq.current) return; // a later keystroke already asked again
        setResult(r);
        setFailure(null);
        setActiveId((prev) => {
          const entries = resultEntries(r, idPrefix);
          return entries.some((e) => e.id === prev) ? prev : (entries[0]?.id ?? null);
        });
      } catch (err) {
        if (mine === seq.current) setFailure(err instanceof Error ? err.message : String(err));
      }
    },
    [limit, idPrefix],
  );

  useEffect(() => {
    const timer = setTimeout(() => {
      void run(query);
      setActiveSearch(query);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, run]);

  // When full text catches up, the names-only answer on screen is replaced.
  useEffect(
    () =>
      client.onEvent((e) => {
        if (e.type === 'search-ready' || e.type === 'changed' || e.type === 'transcripts-ready') void run(inputRef.current?.value ?? '');
      }),
    [run],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const entries = resultEntries(result, idPrefix);
  const openEntry = (entry: ResultEntry) => {
    setOpen(false);
    if (entry.kind === 'note') onOpen({ path: entry.path, line: entry.line, terms: entry.terms });
    else {
      // Spoken words open the player there; no note is involved.
      const { hit } = entry;
      requestPlay({ notePath: null, videoId: hit.videoId, media: null, seconds: hit.seconds, title: hit.title });
    }
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    const index = entries.findIndex((x) => x.id === activeId);
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!entries.length) return;
        e.preventDefault();
        setOpen(true);
        const step = e.key === 'ArrowDown' ? 1 : -1;
        const next = index < 0 ? (step > 0 ? 0 : entries.length - 1) : (index + step + entries.length) % entries.length;
        setActiveId(entries[next]!.id);
        document.getElementById(entries[next]!.id)?.scrollIntoView({ block: 'nearest' });
        return;
      }
      case 'Enter': {
        const entry = entries[index] ?? entries[0];
        if (!entry) return;
        e.preventDefault();
        openEntry(entry);
        return;
      }
      case 'Escape':
        e.preventDefault();
        if (open && query) setOpen(false);
        else {
          setQuery('');
          setOpen(false);
        }
        return;
    }
  };

  const showPanel = open && query.trim() !== '' && (result !== null || failure !== null);
  const total = result?.total ?? result?.hits.length ?? 0;
  const said = result?.said?.length ?? 0;
  return (
    <div className="search-box" role="search">
      <input
        ref={inputRef}
        type="search"
        className="search-input"
        aria-label="Search notes"
        placeholder="Search notes"
        title="Search notes (Ctrl+Shift+F). Operators: &quot;phrase&quot;, -word, OR, tag:, path:, file:, video:"
        value={query}
        spellCheck={false}
        autoComplete="off"
        aria-controls={listId}
        aria-expanded={showPanel}
        aria-activedescendant={showPanel && activeId ? activeId : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showPanel && (
        <div className="search-panel" id={listId}>
          {failure && (
            <p className="search-message search-error" role="alert">
              Search failed: {failure}
            </p>
          )}
          {result?.error && (
            <p className="search-message search-error" role="alert">
              {result.error}
            </p>
          )}
          {result?.indexing && (
            <p className="search-message search-indexing" role="status">
              Search is still indexing: showing matches in note names only.
            </p>
          )}
          {result && !result.error && (
            <p className="search-summary" role="status">
              {result.hits.length === 0
                ? 'No notes match.'
                : `${total} note${total === 1 ? '' : 's'}${total > result.hits.length ? `, best ${result.hits.length} shown` : ''} · ${Math.max(1, Math.round(result.ms))} ms`}
              {said > 0 && ` · said ${said} ${said === 1 ? 'time' : 'times'} in videos`}
            </p>
          )}
          {result && !result.error && <SearchReelButton result={result} query={query} />}
          {result && (result.hits.length > 0 || said > 0) && <SearchResults result={result} idPrefix={idPrefix} activeId={activeId} onOpen={openEntry} onActivate={setActiveId} />}
        </div>
      )}
    </div>
  );
}
