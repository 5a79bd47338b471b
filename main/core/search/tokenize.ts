/**
 * Words → index terms, the same way for notes and queries: lowercase, accents folded, a light
 * plural stemmer (`pipelines` → `pipeline`, `studies` → `study`), stop words and junk dropped.
 * The indexing path (`countTerms`) is a char-code scanner over the lowercased text, because
 * MiniSearch's default regex split was the larger half of its build time on seed-shaped notes.
 */

/** Bump when terms change meaning: caches built by another version are rebuilt, never trusted. */
export const TOKENIZER_VERSION = 1;

export const MAX_TERM_LENGTH = 40;

// Function words that carry no meaning on their own. Kept short: a word people search for
// ("data", "new", "how") must never be here.
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her hers him his i if in into is it its ' +
    'me my of on or our ours she so than that the their theirs them then there these they this those to too us was we were ' +
    'what when where which while who whom why will with would you your yours'
  ).split(' '),
);

export function isStopWord(term: string): boolean {
  return STOP_WORDS.has(term);
}

// 1 for code units that are part of a word (letters, marks, digits), built once on first need.
let wordTable: Uint8Array | null = null;

function buildWordTable(): Uint8Array {
  const table = new Uint8Array(65536);
  const word = /[\p{L}\p{M}\p{N}]/u;
  for (let c = 0; c < 65536; c++) {
    // Surrogates stay separators: astral letters are rare in notes and emoji must split words.
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (word.test(String.fromCharCode(c))) table[c] = 1;
  }
  return table;
}

export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  return (wordTable ??= buildWordTable())[c] === 1;
}

/**
 * The index form of one lowercased word: accents folded, plural stripped. Returns the term even
 * for a stop word (phrases need them); `termOf` is the filtering variant.
 */
export function normalizeWord(lower: string): string {
  let w = lower;
  for (let i = 0; i < w.length; i++) {
    if (w.charCodeAt(i) > 127) {
      w = w.normalize('NFKD').replace(/\p{M}+/gu, '');
      break;
    }
  }
  return stem(w);
}

/** A light English plural stemmer (after Harman's S-stemmer), applied alike to notes and queries. */
export function stem(w: string): string {
  const n = w.length;
  if (n < 4 || w.charCodeAt(n - 1) !== 115 /* s */) return w;
  const prev = w.charCodeAt(n - 2);
  if (n >= 5 && prev === 101 /* e */ && w.charCodeAt(n - 3) === 105 /* i */) {
    const before = w.charCodeAt(n - 4);
    if (before !== 101 && before !== 97) return w.slice(0, -3) + 'y';
  }
  // `ss` (class), `us` (status), `is` (analysis) are not plurals.
  if (prev === 115 || prev === 117 || prev === 105) return w;
  return w.slice(0, -1);
}

/** Whether a normalized word is worth indexing: not a stop word, not a single letter, not junk. */
function keep(term: string): boolean {
  const n = term.length;
  if (n === 0 || n > MAX_TERM_LENGTH) return false;
  if (n === 1) return term.charCodeAt(0) > 127 || (term >= '0' && term <= '9');
  if (STOP_WORDS.has(term)) return false;
  // Long digit runs are ids and hashes, not words anyone types.
  if (n > 8 && /^\d+$/.test(term)) return false;
  return true;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A copy of `s` that does not keep a larger string alive. V8 represents a slice of 13+ characters
 * as a view into its parent, so a term or title cut from a note would pin the whole note's text
 * in memory for as long as the index holds it (measured: ~100 MB at 10k notes).
 */
export function detach(s: string): string {
  return s.length < 13 ? s : decoder.decode(encoder.encode(s));
}

/** The term a typed word searches for, or null when it is a stop word or junk. */
export function termOf(word: string): string | null {
  const t = normalizeWord(word.toLowerCase());
  return keep(t) ? t : null;
}

/**
 * Adds each kept term of `text` to `into` with its count; returns how many terms it added
 * (with repeats). The hot path of indexing.
 */
export function countTerms(text: string, into: Map<string, number>): number {
  const s = text.toLowerCase();
  const n = s.length;
  let added = 0;
  let start = -1;
  let ascii = true;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : 32;
    let word: boolean;
    if (c < 128) word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    else word = isWordCode(c);
    if (word) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (c >= 128) ascii = false;
      continue;
    }
    if (start < 0) continue;
    const len = i - start;
    if (len <= MAX_TERM_LENGTH * 2) {
      let t = s.slice(start, i);
      t = ascii ? stem(t) : normalizeWord(t);
      if (keep(t)) {
        into.set(t, (into.get(t) ?? 0) + 1);
        added++;
      }
    }
    start = -1;
  }
  return added;
}

/** The kept terms of `text`, in order (for queries: one typed word can hold several, `data-driven`). */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  eachWord(text, (word) => {
    const t = termOf(word);
    if (t) out.push(t);
  });
  return out;
}

/**
 * Visits every word of `text` with its offsets, for snippets and phrase checks. `term` is the
 * normalized form (stop words included), so a phrase can match word for word.
 */
export function eachWord(text: string, visit: (word: string, start: number, end: number) => void): void {
  const n = text.length;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    if (isWordCode(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) visit(text.slice(start, i), start, i);
    start = -1;
  }
}

/** The normalized form of a word as a phrase sees it (stop words kept). */
export function phraseTermOf(word: string): string {
  return normalizeWord(word.toLowerCase());
}
