/**
 * Where a hit matched: the note's plain-text lines scored against the query, the best few kept as
 * snippets with their source line numbers, and the words to highlight. Runs on the top hits only,
 * from the note's current source, so the index never has to hold note text.
 *
 * Converting a whole 11 KB note to plain text costs more than ranking the vault, so lines are
 * first picked from the raw source by substring (every line that can match contains one of the
 * query's stems) and only those are converted and tokenized.
 */
import { hideComments } from '../syntax/comments';
import { locateFrontMatter } from '../syntax/front-matter';
import { searchText } from '../syntax/plain-text';
import { eachWord, isWordCode, normalizeWord } from './tokenize';

export interface BodyLine {
  /** 1-based file line. */
  line: number;
  text: string;
}

export interface TermMatcher {
  /** Which query clause this serves (lines matching more clauses rank higher). */
  clause: number;
  term: string;
  prefix: boolean;
  /** Indexed terms within the query term's edit distance, when it was searched fuzzily. */
  fuzzy: ReadonlySet<string> | null;
}

export interface PhraseMatcher {
  clause: number;
  /** Normalized words, stop words included. */
  words: string[];
}

export interface QueryMatchers {
  terms: TermMatcher[];
  phrases: PhraseMatcher[];
}

export interface Snippet {
  line: number;
  text: string;
}

export interface NoteMatches {
  snippets: Snippet[];
  /** Lines that match at all. */
  matches: number;
  /** Distinct matched words as written (lowercased), for highlighting. */
  terms: string[];
}

const SNIPPET_CHARS = 200;

const LEAD_CHARS = 60;

/** One note's source, converted to plain text line by line on demand. */
export class NoteText {
  private starts: number[] | null = null;
  private bodyStart = -1;
  private lowered: string | null | undefined = undefined;
  private readonly plain = new Map<number, string>();
  private all: BodyLine[] | null = null;
  private tags: number[] | null = null;

  private readonly source: string;
  /** The note may hold comments, blanked to runs of spaces that shown lines squeeze to one. */
  private readonly blanked: boolean;

  constructor(note: string) {
    // Comments are blanked (same length, so offsets and lines hold): snippets never show what the reader hides.
    const body = note.indexOf('%%') < 0 ? -1 : (locateFrontMatter(note)?.bodyOffset ?? 0);
    this.blanked = body >= 0;
    this.source = body < 0 ? note : note.slice(0, body) + hideComments(note.slice(body));
  }

  private shown(text: string): string {
    return this.blanked ? text.replace(/[ \t]{2,}/g, ' ') : text;
  }

  /** Offsets where lines start (0-based lines). */
  private get lineStarts(): number[] {
    if (!this.starts) {
      const bodyOffset = locateFrontMatter(this.source)?.bodyOffset ?? 0;
      const starts = [0];
      let body = 0;
      for (let i = this.source.indexOf('\n'); i >= 0; i = this.source.indexOf('\n', i + 1)) {
        starts.push(i + 1);
        if (i < bodyOffset) body++;
      }
      this.starts = starts;
      this.bodyStart = body;
    }
    return this.starts;
  }

  /** The 0-based line where the body starts (after front matter). */
  private get bodyLine(): number {
    void this.lineStarts;
    return this.bodyStart;
  }

  /** Lowercased source for substring search; null when lowercasing or accents make that unsafe. */
  private get lower(): string | null {
    if (this.lowered === undefined) {
      const lower = this.source.toLowerCase();
      let safe = lower.length === this.source.length;
      // Accented letters are folded when tokenizing, so a stem may not be a substring of the source.
      for (let i = 0; safe && i < lower.length; i++) {
        const c = lower.charCodeAt(i);
        if (c >= 0xc0 && c < 0x2000) safe = false;
      }
      this.lowered = safe ? lower : null;
    }
    return this.lowered;
  }

  /**
   * The best `max` matching lines. Lines are ranked from the raw source (only the query's stems
   * are looked at, each occurrence checked as a whole word outside tags), then only the best few
   * are converted to plain text, re-checked and cut into snippets.
   */
  matches(matchers: QueryMatchers, max: number): NoteMatches {
    const lower = this.lower;
    if (!lower) return rankLines(this.allLines(), matchers, max);
    const from = this.lineStarts[this.bodyLine] ?? 0;
    const lines = new Map<number, { clauses: Set<number>; hits: number }>();
    const surface = new Set<string>();
    const hit = (idx: number, clause: number, word: string) => {
      let l = lines.get(idx);
      if (!l) lines.set(idx, (l = { clauses: new Set(), hits: 0 }));
      l.clauses.add(clause);
      l.hits++;
      if (surface.size < 24) surface.add(word);
    };
    for (const needle of needlesOf({ terms: matchers.terms, phrases: [] })) {
      for (let i = lower.indexOf(needle, from); i >= 0; i = lower.indexOf(needle, i + needle.length)) {
        // The stem must start a word, outside any tag.
        if (i > 0 && isWordCode(lower.charCodeAt(i - 1))) continue;
        let b = i + needle.length;
        while (b < lower.length && isWordCode(lower.charCodeAt(b))) b++;
        if (this.insideTag(i)) continue;
        const a = i;
        const word = lower.slice(a, b);
        const norm = normalizeWord(word);
        const m = matchers.terms.find((t) => termMatches(t, norm));
        if (m) hit(this.lineOf(a), m.clause, word);
      }
    }
    for (const p of matchers.phrases) {
      const re = phraseRegex(p.words);
      if (!re) return rankLines(this.allLines(), matchers, max);
      re.lastIndex = from;
      for (let m = re.exec(lower); m; m = re.exec(lower)) {
        hit(this.lineOf(m.index), p.clause, m[0]);
      }
    }
    // Raw matches may hide in markup (a link destination): the best lines are checked as plain text.
    const ranked = [...lines].sort((x, y) => y[1].clauses.size - x[1].clauses.size || y[1].hits - x[1].hits || x[0] - y[0]);
    const snippets: Snippet[] = [];
    const seen = new Set<string>();
    for (const [idx] of ranked) {
      if (snippets.length >= max) break;
      const text = this.plainLine(idx);
      const m = text ? matchLine(text, matchers, seen) : null;
      if (m) snippets.push({ line: idx + 1, text: window(text, m.first) });
    }
    return { snippets, matches: lines.size, terms: [...surface] };
  }

  /** Whether the phrase (normalized words) occurs in the body. */
  hasPhrase(words: readonly string[]): boolean {
    const re = this.lower ? phraseRegex(words) : null;
    if (re && this.lower) {
      re.lastIndex = this.lineStarts[this.bodyLine] ?? 0;
      return re.test(this.lower);
    }
    for (const l of this.allLines()) if (indexOfSequence(wordsOf(l.text), words) >= 0) return true;
    return false;
  }

  /** Whether an offset falls inside an HTML tag (`<a … data-t="…">`), by binary search over the tags. */
  private insideTag(offset: number): boolean {
    const tags = this.tagSpans;
    let lo = 0;
    let hi = tags.length / 2;
    // The last tag starting at or before the offset.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tags[mid * 2]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && offset < tags[(lo - 1) * 2 + 1]!;
  }

  /** `[start, end)` of every `<…>` on one line, flattened. */
  private get tagSpans(): number[] {
    if (!this.tags) {
      const spans: number[] = [];
      const src = this.source;
      for (let open = src.indexOf('<'); open >= 0; open = src.indexOf('<', open + 1)) {
        const close = src.indexOf('>', open + 1);
        const newline = src.indexOf('\n', open + 1);
        if (close < 0) break;
        if (newline >= 0 && newline < close) continue;
        spans.push(open, close + 1);
        open = close;
      }
      this.tags = spans;
    }
    return this.tags;
  }

  /** The first non-blank body line, for a note that matched by name only. */
  firstLine(): BodyLine | null {
    for (let idx = this.bodyLine; idx < this.lineStarts.length; idx++) {
      const text = this.plainLine(idx);
      if (text) return { line: idx + 1, text };
    }
    return null;
  }

  private allLines(): BodyLine[] {
    if (this.all) return this.all;
    const text = searchText(this.source, this.lineStarts[this.bodyLine] ?? 0);
    const out: BodyLine[] = [];
    let line = this.bodyLine + 1;
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && text.charCodeAt(i) !== 10) continue;
      const content = this.shown(text.slice(start, i).trim());
      if (content) out.push({ line, text: content });
      line++;
      start = i + 1;
    }
    this.all = out;
    return out;
  }

  private plainLine(idx: number): string {
    let text = this.plain.get(idx);
    if (text === undefined) {
      const start = this.lineStarts[idx]!;
      const end = idx + 1 < this.lineStarts.length ? this.lineStarts[idx + 1]! - 1 : this.source.length;
      text = this.shown(searchText(this.source.slice(start, end), 0).trim());
      this.plain.set(idx, text);
    }
    return text;
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

interface Word {
  norm: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  eachWord(text, (word, start, end) => out.push({ norm: normalizeWord(word.toLowerCase()), start, end }));
  return out;
}

function termMatches(m: TermMatcher, norm: string): boolean {
  return norm === m.term || (m.prefix && norm.startsWith(m.term)) || (m.fuzzy !== null && m.fuzzy.has(norm));
}

function indexOfSequence(words: readonly Word[], seq: readonly string[], from = 0): number {
  outer: for (let i = from; i + seq.length <= words.length; i++) {
    for (let k = 0; k < seq.length; k++) if (words[i + k]!.norm !== seq[k]) continue outer;
    return i;
  }
  return -1;
}

/** A substring of every word a stem stands for: `study` is not in `studies`, `stud` is. */
function needleOf(term: string): string {
  return term.length > 3 && term.endsWith('y') ? term.slice(0, -1) : term;
}

/** Substrings every matching line must contain one of, so most lines are never converted. */
export function needlesOf(matchers: QueryMatchers): string[] {
  const needles = new Set<string>();
  for (const m of matchers.terms) {
    needles.add(needleOf(m.term));
    if (m.fuzzy) for (const t of m.fuzzy) needles.add(needleOf(t));
  }
  for (const p of matchers.phrases) needles.add(phraseNeedle(p.words));
  return [...needles];
}

/** The phrase's longest word: any line holding the phrase holds it. */
function phraseNeedle(words: readonly string[]): string {
  return needleOf(words.reduce((a, w) => (w.length > a.length ? w : a), ''));
}

/** Whether the phrase occurs in the note (within a line). */
export function containsPhrase(note: NoteText, words: readonly string[]): boolean {
  return note.hasPhrase(words);
}

/** The best `max` matching lines as snippets, how many lines match, and the words to highlight. */
export function findMatches(note: NoteText, matchers: QueryMatchers, max = 3): NoteMatches {
  return note.matches(matchers, max);
}

/** Scores plain-text lines by clauses matched, then matched words; keeps the best `max`. */
function rankLines(lines: readonly BodyLine[], matchers: QueryMatchers, max: number): NoteMatches {
  const scored: Array<{ line: BodyLine; score: number; first: number; order: number }> = [];
  const surface = new Set<string>();
  for (let li = 0; li < lines.length; li++) {
    const l = lines[li]!;
    const hit = matchLine(l.text, matchers, surface);
    if (hit) scored.push({ line: l, score: hit.score, first: hit.first, order: li });
  }
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return {
    snippets: scored.slice(0, max).map((s) => ({ line: s.line.line, text: window(s.line.text, s.first) })),
    matches: scored.length,
    terms: [...surface],
  };
}

/** How well one plain-text line matches: null when it does not. */
function matchLine(text: string, matchers: QueryMatchers, surface: Set<string>): { score: number; first: number } | null {
  const words = wordsOf(text);
  const clauses = new Set<number>();
  let hits = 0;
  let first = -1;
  const mark = (w: Word) => {
    hits++;
    if (first < 0 || w.start < first) first = w.start;
    if (surface.size < 24) surface.add(text.slice(w.start, w.end).toLowerCase());
  };
  for (const w of words) {
    for (const m of matchers.terms) {
      if (!termMatches(m, w.norm)) continue;
      clauses.add(m.clause);
      mark(w);
      break;
    }
  }
  for (const p of matchers.phrases) {
    for (let at = indexOfSequence(words, p.words); at >= 0; at = indexOfSequence(words, p.words, at + 1)) {
      clauses.add(p.clause);
      for (let k = 0; k < p.words.length; k++) mark(words[at + k]!);
    }
  }
  return hits ? { score: clauses.size * 100 + Math.min(hits, 20), first } : null;
}

/**
 * A regex for a phrase over lowercased raw markdown: its words with their plural forms, separated
 * by anything that is not a word (HTML tags included), so `**kafka** [[pipelines]]` matches.
 */
function phraseRegex(words: readonly string[]): RegExp | null {
  if (!words.every((w) => /^[a-z0-9]+$/.test(w))) return null;
  const forms = words.map((w) => (w.length > 3 && w.endsWith('y') ? `${w.slice(0, -1)}(?:y|ies)` : `${w}s?`));
  return new RegExp(`(?<![a-z0-9])${forms.join('(?:[^a-z0-9<\\n]|<[^>\\n]*>)+')}(?![a-z0-9])`, 'g');
}

/** A line cut to about `SNIPPET_CHARS` around its first match, at word boundaries. */
export function window(text: string, at: number): string {
  if (text.length <= SNIPPET_CHARS) return text;
  let from = Math.max(0, at - LEAD_CHARS);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < at ? space + 1 : from;
  }
  let to = Math.min(text.length, from + SNIPPET_CHARS);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > at) to = space;
  }
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}
