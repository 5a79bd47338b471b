/**
 * Fuzzy matching of note names (titles, aliases, paths): the quick switcher, and what search
 * answers with while the full-text index is still being built. Pure and DOM-free: the renderer's
 * quick switcher runs it on the note list it already has, so typing never waits on the host.
 *
 * A name matches when the query is a prefix, a substring, or a subsequence of it (`kfk` finds
 * `Kafka`), or, for queries of four letters or more, when a word of it is one typo away
 * (`kafak`). Earlier, tighter and word-start matches score higher; titles beat aliases, aliases
 * beat paths; recently opened notes get a nudge.
 */

export interface NameEntry {
  path: string;
  title: string;
  aliases: readonly string[];
}

export type NameKind = 'title' | 'alias' | 'path';

export interface NameMatch {
  path: string;
  title: string;
  /** The name that matched (the title, an alias, or the path). */
  name: string;
  kind: NameKind;
  score: number;
  /** Matched character ranges in `name`, `[start, end)`, for highlighting. */
  ranges: Array<[number, number]>;
}

const KIND_WEIGHT: Record<NameKind, number> = { title: 1, alias: 0.95, path: 0.8 };

/** Lowercase with accents folded, keeping string length so ranges map back onto the name. */
export function foldName(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) {
    // Keep one code unit per input unit so positions stay aligned with the name.
    const lower = ch.toLowerCase();
    const c = lower.length === ch.length ? lower : ch;
    const folded = c.normalize('NFKD').replace(/\p{M}+/gu, '');
    out += folded.length === c.length ? folded : c;
  }
  return out;
}

function isBoundary(name: string, i: number): boolean {
  if (i === 0) return true;
  const prev = name[i - 1]!;
  return /[\s/_\-.()[\]]/.test(prev) || (/[a-z]/.test(prev) && /[A-Z]/.test(name[i] ?? ''));
}

/** Scores `query` (already folded) against one name; 0 when it does not match. */
export function scoreName(query: string, name: string, key: string = foldName(name)): { score: number; ranges: Array<[number, number]> } {
  const q = query.trim();
  if (!q) return { score: 0, ranges: [] };
  if (key === q) return { score: 1000, ranges: [[0, name.length]] };
  if (key.startsWith(q)) return { score: 900 - Math.min(100, key.length - q.length), ranges: [[0, q.length]] };
  // Substring, preferring a word start.
  let at = key.indexOf(q);
  let best = -1;
  while (at >= 0) {
    if (isBoundary(name, at)) {
      best = at;
      break;
    }
    if (best < 0) best = at;
    at = key.indexOf(q, at + 1);
  }
  if (best >= 0) {
    const base = isBoundary(name, best) ? 800 : 700;
    return { score: base - Math.min(100, best), ranges: [[best, best + q.length]] };
  }
  // Words of the query each as a prefix of some word of the name, in any order (`stack data`).
  const words = q.split(/\s+/).filter(Boolean);
  if (words.length > 1) {
    const ranges: Array<[number, number]> = [];
    let ok = true;
    for (const w of words) {
      let found = -1;
      for (let i = key.indexOf(w); i >= 0; i = key.indexOf(w, i + 1)) {
        if (isBoundary(name, i)) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      ranges.push([found, found + w.length]);
    }
    if (ok) return { score: 650 - Math.min(100, ranges[0]![0]), ranges: mergeRanges(ranges) };
  }
  const sub = subsequence(q.replace(/\s+/g, ''), key, name);
  if (sub) return sub;
  if (q.length >= 4) {
    const typo = oneTypoWord(q, key);
    if (typo) return { score: 300, ranges: [typo] };
  }
  return { score: 0, ranges: [] };
}

/** Greedy subsequence match, scored by word-start hits and contiguity. */
function subsequence(q: string, key: string, name: string): { score: number; ranges: Array<[number, number]> } | null {
  if (!q) return null;
  const ranges: Array<[number, number]> = [];
  let qi = 0;
  let score = 0;
  let last = -2;
  for (let i = 0; i < key.length && qi < q.length; i++) {
    if (key[i] !== q[qi]) continue;
    if (isBoundary(name, i)) score += 8;
    if (i === last + 1) {
      score += 5;
      ranges[ranges.length - 1]![1] = i + 1;
    } else {
      ranges.push([i, i + 1]);
    }
    last = i;
    qi++;
  }
  if (qi < q.length) return null;
  // Scattered matches over a long name are weak evidence.
  const spread = ranges[ranges.length - 1]![1] - ranges[0]![0];
  const value = 400 + score - Math.min(150, spread - q.length) - ranges.length * 6;
  return value > 200 ? { score: Math.min(600, value), ranges } : null;
}

/** A word of `key` (or its start) within one edit of `q`. */
function oneTypoWord(q: string, key: string): [number, number] | null {
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(key); m; m = re.exec(key)) {
    const word = m[0];
    for (const len of [q.length - 1, q.length, q.length + 1]) {
      if (len < 3 || len > word.length) continue;
      if (withinOneEdit(q, word.slice(0, len))) return [m.index, m.index + len];
    }
  }
  return null;
}

/** Damerau-style: one substitution, insertion, deletion or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const prev = out[out.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

interface Keyed extends NameEntry {
  /** Folded title, aliases, path (without `.md`), in that order. */
  keys: string[];
}

/** Note names with their folded forms kept, so a keystroke costs only the matching. */
export class NameMatcher {
  private readonly entries = new Map<string, Keyed>();

  constructor(entries: Iterable<NameEntry> = []) {
    for (const e of entries) this.set(e);
  }

  get size(): number {
    return this.entries.size;
  }

  set(entry: NameEntry): void {
    const path = entry.path.replace(/\.md$/i, '');
    this.entries.set(entry.path, { ...entry, keys: [foldName(entry.title), ...entry.aliases.map(foldName), foldName(path)] });
  }

  delete(path: string): void {
    this.entries.delete(path);
  }

  get(path: string): NameEntry | undefined {
    return this.entries.get(path);
  }

  /**
   * The best `limit` notes for `query`. With an empty query: `recent` first (most recent first),
   * then the rest by title.
   */
  match(query: string, recent: readonly string[], limit: number): NameMatch[] {
    const q = foldName(query).trim();
    const recency = new Map<string, number>();
    recent.forEach((p, i) => {
      if (!recency.has(p)) recency.set(p, i);
    });
    if (!q) return this.recentFirst(recency, limit);
    const out: NameMatch[] = [];
    for (const e of this.entries.values()) {
      let best: NameMatch | null = null;
      const names = [e.title, ...e.aliases, e.path.replace(/\.md$/i, '')];
      for (let i = 0; i < names.length; i++) {
        const kind: NameKind = i === 0 ? 'title' : i === names.length - 1 ? 'path' : 'alias';
        const { score, ranges } = scoreName(q, names[i]!, e.keys[i]);
        if (!score) continue;
        const weighted = score * KIND_WEIGHT[kind];
        if (!best || weighted > best.score) best = { path: e.path, title: e.title, name: names[i]!, kind, score: weighted, ranges };
      }
      if (!best) continue;
      const r = recency.get(e.path);
      // A nudge, not an override: a recent note wins ties and near-ties only.
      if (r !== undefined) best.score += Math.max(5, 40 - r * 2);
      out.push(best);
    }
    out.sort((a, b) => b.score - a.score || a.title.length - b.title.length || a.path.localeCompare(b.path));
    return out.slice(0, limit);
  }

  private recentFirst(recency: Map<string, number>, limit: number): NameMatch[] {
    const out: NameMatch[] = [];
    const plain = (e: NameEntry): NameMatch => ({ path: e.path, title: e.title, name: e.title, kind: 'title', score: 0, ranges: [] });
    for (const p of recency.keys()) {
      if (out.length >= limit) return out;
      const e = this.entries.get(p);
      if (e) out.push(plain(e));
    }
    const rest = [...this.entries.values()].filter((e) => !recency.has(e.path));
    rest.sort((a, b) => a.title.localeCompare(b.title) || a.path.localeCompare(b.path));
    for (const e of rest) {
      if (out.length >= limit) break;
      out.push(plain(e));
    }
    return out;
  }
}
