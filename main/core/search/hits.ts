/**
 * Search results as the engine returns them. Structurally the same as `SearchHit`/`SearchHits` in
 * `main/api.ts` (which the core cannot import), so the service passes them through unchanged.
 */
import type { VaultPath } from '../model';

export interface EngineSnippet {
  line: number;
  text: string;
}

export interface EngineHit {
  path: VaultPath;
  title: string;
  score: number;
  /** The best matching line's plain text (cut around the match), or the note's first line. */
  snippet: string;
  /** 1-based line of the best match, when it is in the body. */
  line: number | null;
  /** Matched words as written in the note (lowercased), for highlighting. */
  terms: string[];
  /** The best few matching lines, best first (the first is `snippet`/`line`). */
  snippets: EngineSnippet[];
  /** How many lines of the note match. */
  matches: number;
}

export interface EngineHits {
  hits: EngineHit[];
  ms: number;
  indexing: boolean;
  error: string | null;
  /** How many notes match in all; `hits` holds the best `limit` of them. */
  total: number;
}
