/**
 * Searching what was said: the note search's query language and tokenizer (so a query finds the
 * same words in notes and in transcripts), evaluated over cues. A hit is a moment: a cue holding
 * one clause's words, with every other clause's words in it or in the cue on either side (a
 * sentence often runs over two caption lines). Operators that only notes have (`tag:`, `path:`,
 * `file:`, `video:`) make the query one that transcripts cannot answer, so it finds nothing here.
 */
import { parseQuery, type Alternative } from '../search/query';
import { eachWord, phraseTermOf, termOf, termsOf } from '../search/tokenize';
import { cueText, type Track, type TranscriptStore } from './transcript-store';

export interface TranscriptMatch {
  videoId: string;
  lang: string;
  seconds: number;
  label: string;
  text: string;
  score: number;
  terms: string[];
}

/** How many moments one video may take of the hits, so one long video cannot crowd out the rest. */
export const HITS_PER_VIDEO = 5;
/** Prefix expansions of the word being typed. */
const MAX_EXPANSIONS = 50;
const MIN_PREFIX = 2;
/** The hit's text is cut to about this many characters around the first match. */
const TEXT_CHARS = 160;
/** Cues on either side that may hold the other words of a match. */
const NEAR = 1;

interface Unit {
  /** Terms that stand for this alternative, each with its weight (prefix expansions weigh less). */
  terms: Map<string, number>;
  /** For a phrase (or a word that splits into several, `data-driven`): the words in order. */
  phrase: string[] | null;
}

type CompiledClause = Unit[];

export function searchTranscripts(store: TranscriptStore, query: string, limit: number): TranscriptMatch[] {
  const parsed = parseQuery(query);
  if (!parsed.ok) return [];
  const { clauses, excluded } = parsed.query;
  if ([...clauses.flatMap((c) => c.alternatives), ...excluded].some((a) => a.kind === 'filter')) return [];
  const compiled = clauses.map((c) => c.alternatives.map((a) => compile(store, a)).filter((u): u is Unit => u !== null)).filter((c) => c.length > 0);
  const without = excluded.map((a) => compile(store, a)).filter((u): u is Unit => u !== null);
  if (compiled.length === 0 || store.cueCount === 0) return [];

  // The clause with the fewest cues drives; the others are checked around each of its cues.
  const cost = (c: CompiledClause) => c.reduce((sum, u) => sum + [...u.terms.keys()].reduce((s, t) => s + store.frequency(t), 0), 0);
  const order = compiled.map((c, i) => ({ c, i, cost: cost(c) })).sort((a, b) => a.cost - b.cost);
  const driver = order[0]!.c;
  const rest = order.slice(1).map((o) => o.c);
  const total = store.cueCount;
  const idf = (term: string) => {
    const df = store.frequency(term);
    return Math.log(1 + (total - df + 0.5) / (df + 0.5));
  };

  const candidates = new Set<number>();
  for (const unit of driver) {
    for (const term of unit.terms.keys()) {
      const p = store.postingsOf(term);
      if (p) for (let k = 0; k < p.n; k++) candidates.add(p.ids[k]!);
    }
  }

  const scored: Array<{ id: number; track: Track; score: number }> = [];
  for (const id of candidates) {
    const track = store.trackOf(id);
    if (!track) continue;
    const local = id - track.first;
    const lo = track.first + Math.max(0, local - NEAR);
    const hi = track.first + Math.min(track.starts.length - 1, local + NEAR);
    const own = bestIn(store, track, driver, id, id);
    if (own === 0) continue;
    let score = own;
    let ok = true;
    for (const clause of rest) {
      const here = bestIn(store, track, clause, id, id);
      const near = here > 0 ? here : bestIn(store, track, clause, lo, hi) * 0.6;
      if (near === 0) {
        ok = false;
        break;
      }
      score += near;
    }
    if (!ok) continue;
    if (without.some((u) => unitIn(store, track, u, lo, hi) > 0)) continue;
    scored.push({ id, track, score });
  }
  scored.sort((a, b) => b.score - a.score || a.id - b.id);

  const hits: TranscriptMatch[] = [];
  const perVideo = new Map<string, number>();
  const taken = new Map<Track, number[]>();
  const wanted = new Set(compiled.flatMap((c) => c.flatMap((u) => [...u.terms.keys(), ...(u.phrase ?? [])])));
  for (const { id, track, score } of scored) {
    if (hits.length >= limit) break;
    const count = perVideo.get(track.videoId) ?? 0;
    if (count >= HITS_PER_VIDEO) continue;
    // The cues next to a hit usually match the same words: one moment, not three.
    const near = taken.get(track) ?? [];
    if (near.some((other) => Math.abs(other - id) <= NEAR)) continue;
    near.push(id);
    taken.set(track, near);
    perVideo.set(track.videoId, count + 1);
    const local = id - track.first;
    const { text, terms } = excerpt(cueText(track, local), wanted);
    hits.push({ videoId: track.videoId, lang: track.lang, seconds: track.starts[local]!, label: clockLabel(track.starts[local]!), text, score: Math.round(score * 1000) / 1000, terms });
  }
  return hits;

  function bestIn(s: TranscriptStore, track: Track, clause: CompiledClause, from: number, to: number): number {
    let best = 0;
    for (const unit of clause) best = Math.max(best, unitIn(s, track, unit, from, to, idf));
    return best;
  }
}

/** The weight of `unit` in cues [from, to] of `track` (global numbers), 0 when it is not there. */
function unitIn(store: TranscriptStore, track: Track, unit: Unit, from: number, to: number, idf: (t: string) => number = () => 1): number {
  let best = 0;
  let found = false;
  for (const [term, weight] of unit.terms) {
    if (!store.postingsOf(term)?.hasIn(from, to)) continue;
    found = true;
    best = Math.max(best, idf(term) * weight);
  }
  if (!found) return 0;
  if (unit.phrase) {
    // The words of a phrase must stand together; a phrase may run over into the cue on either side.
    const parts: string[] = [];
    const first = Math.max(track.first, from - 1);
    const last = Math.min(track.first + track.starts.length - 1, to + 1);
    for (let id = first; id <= last; id++) parts.push(cueText(track, id - track.first));
    if (!holdsPhrase(parts.join(' '), unit.phrase)) return 0;
    return best * 1.5;
  }
  return best;
}

function compile(store: TranscriptStore, alt: Alternative): Unit | null {
  if (alt.kind === 'filter') return null;
  const words: string[] = [];
  eachWord(alt.text, (w) => words.push(phraseTermOf(w)));
  const kept = termsOf(alt.text);
  if (kept.length === 0) return null;
  if (alt.kind === 'phrase' || kept.length > 1) {
    // Any of its indexed words finds the candidate cues; the phrase check then decides.
    const rarest = kept.reduce((a, b) => (store.frequency(b) < store.frequency(a) ? b : a));
    return { terms: new Map([[rarest, 1]]), phrase: words };
  }
  const term = kept[0]!;
  const terms = new Map([[term, 1]]);
  if (alt.prefix && term.length >= MIN_PREFIX) {
    // The typed word may be unfinished; the stemmer may have cut a trailing `s` the prefix needs.
    const typed = termOf(alt.text) ?? term;
    for (const t of store.expand(typed, MAX_EXPANSIONS)) if (!terms.has(t)) terms.set(t, 0.8);
  }
  return { terms, phrase: null };
}

function holdsPhrase(text: string, phrase: readonly string[]): boolean {
  const words: string[] = [];
  eachWord(text, (w) => words.push(phraseTermOf(w)));
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** The cue's text cut around its first matched word, and the matched words as written (lowercased). */
function excerpt(text: string, wanted: ReadonlySet<string>): { text: string; terms: string[] } {
  const terms = new Set<string>();
  let first = -1;
  eachWord(text, (word, start) => {
    if (!wanted.has(phraseTermOf(word))) return;
    terms.add(word.toLowerCase());
    if (first < 0) first = start;
  });
  if (text.length <= TEXT_CHARS) return { text, terms: [...terms] };
  const from = Math.max(0, Math.min(first - TEXT_CHARS / 3, text.length - TEXT_CHARS));
  const cut = text.slice(Math.floor(from), Math.floor(from) + TEXT_CHARS).trim();
  return { text: (from > 0 ? '…' : '') + cut + (from + TEXT_CHARS < text.length ? '…' : ''), terms: [...terms] };
}

/** `754` → `12:34`, `4200` → `01:10:00`: the form the seed's `yt-timestamp` labels take. */
export function clockLabel(seconds: number): string {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (x: number) => String(x).padStart(2, '0');
  return h > 0 ? `${two(h)}:${two(m)}:${two(s % 60)}` : `${two(m)}:${two(s % 60)}`;
}
