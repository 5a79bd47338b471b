/**
 * Search results grouped by note: the note's title and folder, how many lines match, and its best
 * lines with the matched words marked; then what was said in videos ("said in <video> at 12:34"),
 * from their captions. Every line (or the note itself, when only its name matched) and every
 * spoken match is one entry of a flat list that the search box moves through with the arrow keys.
 */
import type { SearchHit, SearchHits, TranscriptHit } from '../../../main/api';
import { termPattern } from './SearchResultsHighlight';

export type ResultEntry =
  | { kind: 'note'; id: string; path: string; line: number | null; terms: string[] }
  | { kind: 'said'; id: string; hit: TranscriptHit };

function linesOf(hit: SearchHit): Array<{ line: number | null; text: string }> {
  if (hit.snippets && hit.snippets.length) return hit.snippets;
  return [{ line: hit.line, text: hit.snippet }];
}

/** The entries in display order, for keyboard navigation. */
export function resultEntries(result: SearchHits | null, idPrefix: string): ResultEntry[] {
  if (!result) return [];
  const out: ResultEntry[] = [];
  result.hits.forEach((hit, h) => {
    linesOf(hit).forEach((l, k) => out.push({ kind: 'note', id: `${idPrefix}-${h}-${k}`, path: hit.path, line: l.line, terms: hit.terms }));
  });
  result.said?.forEach((hit, k) => out.push({ kind: 'said', id: `${idPrefix}-said-${k}`, hit }));
  return out;
}

/** `text` with the words in `terms` wrapped in <mark>. */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  const pattern = termPattern(terms);
  if (!pattern || !text) return <>{text}</>;
  const parts: Array<string | { mark: string }> = [];
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push({ mark: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts.map((p, i) => (typeof p === 'string' ? p : <mark key={i}>{p.mark}</mark>))}</>;
}

export function SearchResults(props: {
  result: SearchHits;
  idPrefix: string;
  activeId: string | null;
  onOpen: (entry: ResultEntry) => void;
  onActivate: (id: string) => void;
}) {
  const { result, idPrefix, activeId, onOpen, onActivate } = props;
  const entries = resultEntries(result, idPrefix);
  let next = 0;
  return (
    <ul className="search-results" aria-label="Search results">
      {result.hits.map((hit) => {
        const folder = hit.path.includes('/') ? hit.path.slice(0, hit.path.lastIndexOf('/')) : '';
        const lines = linesOf(hit);
        const matches = hit.matches ?? 0;
        return (
          <li key={hit.path} className="search-note">
            <div className="search-note-head">
              <span className="search-note-title">
                <Highlighted text={hit.title} terms={hit.terms} />
              </span>
              {folder && <span className="search-note-folder">{folder}</span>}
              {matches > 0 && (
                <span className="count" aria-label={`${matches} matching line${matches === 1 ? '' : 's'}`}>
                  {matches}
                </span>
              )}
            </div>
            <ul className="search-lines">
              {lines.map((l) => {
                const entry = entries[next++]!;
                const active = entry.id === activeId;
                return (
                  <li key={entry.id}>
                    <button
                      type="button"
                      id={entry.id}
                      className={'search-line' + (active ? ' is-active' : '')}
                      tabIndex={-1}
                      aria-label={`${hit.title}${l.line ? `, line ${l.line}` : ''}: ${l.text || 'open note'}`}
                      onMouseDown={(e) => e.preventDefault()}
                      onMouseEnter={() => onActivate(entry.id)}
                      onClick={() => onOpen(entry)}
                    >
                      {l.line !== null && <span className="search-line-number">{l.line}</span>}
                      <span className="search-line-text">{l.text ? <Highlighted text={l.text} terms={hit.terms} /> : <em>Matched by name</em>}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
      {result.said && result.said.length > 0 && (
        <li className="search-note search-said">
          <div className="search-note-head">
            <span className="search-note-title" id={`${idPrefix}-said`}>
              Said in videos
            </span>
          </div>
          <ul className="search-lines" aria-labelledby={`${idPrefix}-said`}>
            {entries.slice(next).map((entry) => {
              if (entry.kind !== 'said') return null;
              const { hit } = entry;
              const title = hit.title ?? hit.videoId;
              return (
                <li key={entry.id}>
                  <button
                    type="button"
                    id={entry.id}
                    className={'search-line' + (entry.id === activeId ? ' is-active' : '')}
                    tabIndex={-1}
                    aria-label={`Said in ${title} at ${hit.label}: ${hit.text}`}
                    onMouseDown={(e) => e.preventDefault()}
                    onMouseEnter={() => onActivate(entry.id)}
                    onClick={() => onOpen(entry)}
                  >
                    <span className="search-line-number search-said-time">{hit.label}</span>
                    <span className="search-line-text">
                      <span className="search-said-where">
                        said in <cite>{title}</cite> at {hit.label}
                      </span>
                      <Highlighted text={hit.text} terms={hit.terms} />
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </li>
      )}
    </ul>
  );
}
