/**
 * Full-text search over a vault: relevance-ranked (BM25+ over title, aliases, headings, tags and
 * body, names boosted), typo-tolerant (fuzzy only where exact and prefix find little), with the
 * query operators of `query.ts`, snippets from the best lines, and incremental updates. Synchronous,
 * so the CLI and tests use it in-process; the app runs it on a worker (`search-worker.ts`).
 */
import type { VaultPath } from '../model';
import { basename } from '../paths';
import { ColumnBuilder } from './build-columns';
import { DEFAULT_TIERS, FIELD_COUNT, retier, type IndexColumns, type TierOptions } from './columns';
import { decodeColumns, encodeColumns } from './codec';
import type { EngineHit, EngineHits } from './hits';
import { NameMatcher, type NameEntry, type NameMatch } from './name-match';
import { parseQuery, type Filter, type ParsedQuery } from './query';
import { fieldTexts, type SearchDoc } from './search-doc';
import { containsPhrase, findMatches, NoteText, window, type QueryMatchers } from './snippets';
import { TermIndex } from './term-index';
import { countTerms, detach, phraseTermOf, termOf, eachWord } from './tokenize';

export interface EngineOptions {
  /** A note's current source, for snippets and phrase checks; null when it cannot be read. */
  readSource?: (path: VaultPath) => string | null;
  /** Where (term, field) pairs move to compact rows (tests lower it to exercise both tiers on small vaults). */
  tiers?: TierOptions;
}

export interface SearchOptions {
  limit?: number;
}

/** Field boosts: a word in a note's name says far more about it than the same word in its body. */
export const BOOST = { title: 5, aliases: 4, headings: 2, tags: 2, body: 1 };
/** Below this many notes a cold build adds them one by one; above, it builds columns. */
const BULK_MIN = 200;
const MIN_PREFIX = 2;
/** Phrase checks read notes; past this many in one query the rest are counted (an upper bound), not read. */
const MAX_PHRASE_CHECKS = 150;

interface DocMeta {
  path: VaultPath;
  title: string;
  aliases: string[];
  tags: string[];
  videoIds: string[];
  sortKey: string;
  /** Lowercased, for the operators. */
  tagKeys: string[];
  pathKey: string;
  fileKey: string;
}

interface CTerm {
  term: string;
  prefix: boolean;
  /** Max edit distance; 0 for exact. */
  fuzzy: number;
  /** The indexed terms it stands for, with their weights (see `TermIndex.expand`). */
  expansions: Map<string, number>;
}

type TermsAlt = { kind: 'terms'; terms: CTerm[] };
type PhraseAlt = { kind: 'phrase'; terms: CTerm[]; words: string[] };
type CAlt = TermsAlt | PhraseAlt | { kind: 'filter'; filter: Filter };

interface Plan {
  clauses: CAlt[][];
  excluded: CAlt[];
  matchers: QueryMatchers;
  /** Whether any clause scores (else results are ordered by title). */
  scored: boolean;
}

export class SearchEngine {
  private index = new TermIndex();
  private meta: Array<DocMeta | undefined> = [];
  private readonly names = new NameMatcher();
  private readonly readSource: ((path: VaultPath) => string | null) | null;
  private readonly tiers: TierOptions;
  private scratch: Scratch | null = null;
  private live: Int32Array | null = null;

  constructor(options: EngineOptions = {}) {
    this.readSource = options.readSource ?? null;
    this.tiers = options.tiers ?? DEFAULT_TIERS;
  }

  /** An engine from a finished cold build (see `ColumnBuilder`). */
  static fromBuilder(builder: ColumnBuilder, options: EngineOptions = {}): SearchEngine {
    const engine = new SearchEngine(options);
    engine.load(retier(builder.finish(), engine.tiers));
    return engine;
  }

  static deserialize(bytes: Uint8Array, options: EngineOptions = {}): SearchEngine {
    const engine = new SearchEngine(options);
    engine.load(decodeColumns(bytes));
    return engine;
  }

  get size(): number {
    return this.index.documentCount;
  }

  has(path: VaultPath): boolean {
    return this.index.shortIdOf(path) !== undefined;
  }

  nameOf(path: VaultPath): NameEntry | undefined {
    return this.names.get(path);
  }

  paths(): VaultPath[] {
    return this.meta.filter((m): m is DocMeta => m !== undefined).map((m) => m.path);
  }

  /** Adds or replaces notes. Many notes into an empty engine take the columnar bulk path. */
  upsert(docs: readonly SearchDoc[]): void {
    if (this.size === 0 && docs.length >= BULK_MIN) {
      const builder = new ColumnBuilder();
      // The last version of a path wins, as it would one by one.
      const latest = new Map(docs.map((d) => [d.path, d]));
      for (const doc of latest.values()) builder.add(doc);
      this.load(retier(builder.finish(), this.tiers));
      return;
    }
    for (const doc of docs) {
      this.discard(doc.path);
      const fields = fieldTexts(doc).map((text) => {
        const counts = new Map<string, number>();
        countTerms(text, counts);
        return counts;
      });
      const m = metaOf(doc.path, doc.title, doc.aliases, doc.tags, doc.videoIds);
      const short = this.index.addDocument(m.path, fields);
      this.live = null;
      this.meta[short] = m;
      this.names.set({ path: m.path, title: m.title, aliases: m.aliases });
    }
    this.maybeCompact();
  }

  remove(paths: readonly VaultPath[]): void {
    for (const path of paths) this.discard(path);
    this.maybeCompact();
  }

  /** Fuzzy note names for the quick switcher: titles, aliases and paths; `recent` first when the query is empty. */
  quickSwitch(query: string, recent: readonly VaultPath[], limit: number): NameMatch[] {
    return this.names.match(query, recent, limit);
  }

  /** The current index in the compact cache format (see `codec.ts`). */
  serialize(): Uint8Array {
    return encodeColumns(this.columns());
  }

  /** The live index as columns with today's tiers. */
  private columns(): IndexColumns {
    const order = this.index.liveIds();
    const { fieldLengths, ...rest } = this.index.toColumns(order);
    const metas = order.map((s) => this.meta[s]!);
    const columns: IndexColumns = {
      docs: {
        paths: metas.map((m) => m.path),
        titles: metas.map((m) => m.title),
        aliases: metas.map((m) => m.aliases),
        tags: metas.map((m) => m.tags),
        videoIds: metas.map((m) => m.videoIds),
        fieldLengths,
      },
      ...rest,
    };
    return retier(columns, this.tiers);
  }

  /**
   * Rows keep removed notes' postings (skipped, but still counted in their frequencies) until the
   * index is rebuilt from its own columns: done once enough of the vault has changed.
   */
  private maybeCompact(): void {
    if (this.size >= 1000 && this.index.staleness > 0.2) this.load(this.columns());
  }

  search(query: string, options: SearchOptions = {}): EngineHits {
    const started = performance.now();
    const limit = Math.max(1, options.limit ?? 50);
    const done = (hits: EngineHit[], total: number, error: string | null = null): EngineHits => ({ hits, ms: performance.now() - started, indexing: false, error, total });
    const parsed = parseQuery(query);
    if (!parsed.ok) return done([], 0, parsed.error);
    if (parsed.query.clauses.length === 0) return done([], 0);
    const plan = this.compile(parsed.query);
    if ('error' in plan) return done([], 0, plan.error);
    const scratch = this.scratchFor(this.index.idSpace);
    const { ranked, total, lines, scores } = this.evaluate(plan, limit, scratch);
    const hits = ranked.map((s) => this.hitOf(s, scores[s]!, plan, lines));
    scratch.release(scores);
    return done(hits, total);
  }

  /**
   * Every note matching `query`, unranked and uncapped (phrases are checked in every candidate),
   * for the graph's query groups and lit search hits. Same language and matching as `search`.
   */
  matchAll(query: string): { paths: VaultPath[]; error: string | null } {
    const parsed = parseQuery(query);
    if (!parsed.ok) return { paths: [], error: parsed.error };
    if (parsed.query.clauses.length === 0) return { paths: [], error: null };
    const plan = this.compile(parsed.query);
    if ('error' in plan) return { paths: [], error: plan.error };
    const scratch = this.scratchFor(this.index.idSpace);
    const { ranked, scores } = this.evaluate(plan, Infinity, scratch, true);
    scratch.release(scores);
    return { paths: ranked.map((s) => this.meta[s]!.path), error: null };
  }

  private scratchFor(size: number): Scratch {
    if (!this.scratch || this.scratch.size !== size) this.scratch = new Scratch(size);
    return this.scratch;
  }

  private load(columns: IndexColumns): void {
    this.index = TermIndex.fromColumns(columns);
    this.live = null;
    const { docs } = columns;
    this.meta = docs.paths.map((p, i) => metaOf(p as VaultPath, docs.titles[i]!, docs.aliases[i]!, docs.tags[i]!, docs.videoIds[i]!));
    for (const m of this.meta) if (m) this.names.set({ path: m.path, title: m.title, aliases: m.aliases });
    if (docs.fieldLengths.length !== docs.paths.length * FIELD_COUNT) throw new Error('search index columns are inconsistent');
  }

  private discard(path: VaultPath): void {
    const short = this.index.discardDocument(path);
    if (short === undefined) return;
    this.live = null;
    this.meta[short] = undefined;
    this.names.delete(path);
  }

  private compile(query: ParsedQuery): Plan | { error: string } {
    const matchers: QueryMatchers = { terms: [], phrases: [] };
    const ignored: string[] = [];
    const clauses: CAlt[][] = [];
    let scored = false;
    for (const clause of query.clauses) {
      const alts: CAlt[] = [];
      const ci = clauses.length;
      for (const alt of clause.alternatives) {
        if (alt.kind === 'filter') {
          alts.push(alt);
          continue;
        }
        const compiled = alt.kind === 'word' ? this.compileWord(alt.text, alt.prefix) : this.compilePhrase(alt.text);
        if (compiled === null) {
          ignored.push(alt.text);
          continue;
        }
        if ('error' in compiled) return compiled;
        alts.push(compiled);
        scored = true;
        if (compiled.kind === 'phrase') matchers.phrases.push({ clause: ci, words: compiled.words });
        else
          for (const t of compiled.terms) {
            matchers.terms.push({ clause: ci, term: t.term, prefix: t.prefix, fuzzy: t.fuzzy ? new Set(t.expansions.keys()) : null });
          }
      }
      // A clause of only common words matches everything, so it is left out.
      if (alts.length) clauses.push(alts);
    }
    if (clauses.length === 0) {
      return { error: `Only common words (${ignored.map((w) => `"${w}"`).join(', ')}): add a more specific word.` };
    }
    const excluded: CAlt[] = [];
    for (const alt of query.excluded) {
      if (alt.kind === 'filter') excluded.push(alt);
      else {
        const compiled = alt.kind === 'word' ? this.compileWord(alt.text, false, true) : this.compilePhrase(alt.text);
        if (compiled && !('error' in compiled)) excluded.push(compiled);
      }
    }
    return { clauses, excluded, matchers, scored };
  }

  /** A typed word: its terms (a word like `data-driven` has two, all required), prefix on the last, fuzzy where needed. */
  private compileWord(text: string, prefix: boolean, exact = false): TermsAlt | null {
    const words: string[] = [];
    eachWord(text, (w) => words.push(w));
    const terms: CTerm[] = [];
    words.forEach((w, i) => {
      const term = termOf(w);
      if (!term) return;
      const isPrefix = !exact && prefix && i === words.length - 1 && term.length >= MIN_PREFIX;
      const fuzzy = exact ? 0 : this.fuzzinessOf(term, isPrefix);
      terms.push({ term, prefix: isPrefix, fuzzy, expansions: this.index.expand(term, isPrefix, fuzzy) });
    });
    return terms.length ? { kind: 'terms', terms } : null;
  }

  private compilePhrase(text: string): TermsAlt | PhraseAlt | { error: string } | null {
    const words: string[] = [];
    eachWord(text, (w) => words.push(phraseTermOf(w)));
    const terms: CTerm[] = [];
    const seen = new Set<string>();
    eachWord(text, (w) => {
      const term = termOf(w);
      if (term && !seen.has(term)) {
        seen.add(term);
        terms.push({ term, prefix: false, fuzzy: 0, expansions: this.index.expand(term, false, 0) });
      }
    });
    if (words.length === 0) return null;
    if (terms.length === 0) return { error: `The phrase "${text}" has only common words: add a rarer one.` };
    if (words.length === 1) return { kind: 'terms', terms };
    return { kind: 'phrase', terms, words };
  }

  /**
   * Fuzzy matching costs time and precision, so only where the word as typed finds (almost)
   * nothing: one edit from four letters, two from eight. Never on numbers.
   */
  private fuzzinessOf(term: string, prefix: boolean): number {
    if (term.length < 4 || /^\d+$/.test(term)) return 0;
    const distance = term.length >= 8 ? 2 : 1;
    if (prefix && this.index.hasPrefix(term)) return 0;
    if (!this.index.hasTerm(term)) return distance;
    return term.length >= 5 && this.index.docFrequency(term) < 3 ? distance : 0;
  }

  /** `exhaustive`: every match in id order, each phrase checked (no ranking, no cap on reads). */
  private evaluate(plan: Plan, limit: number, scratch: Scratch, exhaustive = false): { ranked: number[]; total: number; lines: Map<number, NoteText | null>; scores: Float64Array } {
    const N = this.index.idSpace;
    const total = scratch.f64();
    const lines = new Map<number, NoteText | null>();
    // Per note, for each clause it satisfies only through a phrase: the phrases to check.
    const pending = new Map<number, PhraseAlt[][]>();
    let cand: Int32Array = this.liveList();
    let pruned = false;
    const mask = scratch.u8();

    const order = [...plan.clauses].sort((a, b) => this.estimate(a, N) - this.estimate(b, N));
    for (const clause of order) {
      const clauseScore = scratch.f64();
      const solid = scratch.u8();
      let tentative: Map<number, PhraseAlt[]> | null = null;
      for (const alt of clause) {
        if (alt.kind === 'filter') {
          for (let i = 0; i < cand.length; i++) if (this.passes(cand[i]!, alt.filter)) solid[cand[i]!] = 1;
          continue;
        }
        const scores = this.evalAll(alt.terms, cand, pruned ? mask : null, scratch);
        for (let i = 0; i < cand.length; i++) {
          const s = cand[i]!;
          const v = scores[s]!;
          if (v <= 0) continue;
          clauseScore[s] = clauseScore[s]! + v;
          if (alt.kind === 'terms') solid[s] = 1;
          else {
            tentative ??= new Map();
            const list = tentative.get(s);
            if (list) list.push(alt);
            else tentative.set(s, [alt]);
          }
        }
        scratch.release(scores);
      }
      let kept = 0;
      const next = new Int32Array(cand.length);
      for (let i = 0; i < cand.length; i++) {
        const s = cand[i]!;
        const maybe = tentative?.get(s);
        if (!solid[s] && !maybe) continue;
        next[kept++] = s;
        total[s] = total[s]! + clauseScore[s]!;
        if (!solid[s]) {
          const list = pending.get(s);
          if (list) list.push(maybe!);
          else pending.set(s, [maybe!]);
        }
      }
      scratch.release(clauseScore);
      scratch.release(solid);
      if (pruned) for (let i = 0; i < cand.length; i++) mask[cand[i]!] = 0;
      cand = next.subarray(0, kept);
      for (let i = 0; i < cand.length; i++) mask[cand[i]!] = 1;
      pruned = true;
      if (cand.length === 0) break;
    }

    // Exclusions: words and filters at once; phrases once read.
    let excludedPhrases: Map<number, PhraseAlt[]> | null = null;
    for (const alt of plan.excluded) {
      if (cand.length === 0) break;
      if (alt.kind === 'filter') {
        for (let i = 0; i < cand.length; i++) if (this.passes(cand[i]!, alt.filter)) mask[cand[i]!] = 0;
        continue;
      }
      const scores = this.evalAll(alt.terms, cand, mask, scratch);
      for (let i = 0; i < cand.length; i++) {
        const s = cand[i]!;
        if (!mask[s] || scores[s]! <= 0) continue;
        if (alt.kind === 'terms') mask[s] = 0;
        else {
          excludedPhrases ??= new Map();
          excludedPhrases.set(s, [...(excludedPhrases.get(s) ?? []), alt]);
        }
      }
      scratch.release(scores);
    }
    const live: number[] = [];
    for (let i = 0; i < cand.length; i++) {
      const s = cand[i]!;
      if (mask[s]) live.push(s);
      mask[s] = 0;
    }
    scratch.release(mask);

    const meta = this.meta as DocMeta[];
    const better = plan.scored
      ? (a: number, b: number) => {
          // Scores that differ only by summation order are a tie, broken by title then path.
          const x = total[a]!;
          const y = total[b]!;
          if (Math.abs(x - y) > 1e-9 * Math.max(x, y)) return x > y;
          return meta[a]!.sortKey < meta[b]!.sortKey || (meta[a]!.sortKey === meta[b]!.sortKey && meta[a]!.path < meta[b]!.path);
        }
      : (a: number, b: number) => meta[a]!.sortKey < meta[b]!.sortKey || (meta[a]!.sortKey === meta[b]!.sortKey && meta[a]!.path < meta[b]!.path);

    if (pending.size === 0 && !excludedPhrases) return { ranked: exhaustive ? live : topK(live, limit, better), total: live.length, lines, scores: total };

    // Phrases: walk the ranking, reading notes to check them, until the page is full. At most
    // MAX_PHRASE_CHECKS notes are read, so only that many past the page can ever be needed.
    const ranked: number[] = [];
    let rejected = 0;
    let checked = 0;
    for (const s of exhaustive ? live : topK(live, limit + MAX_PHRASE_CHECKS, better)) {
      if (ranked.length >= limit) break;
      const needs = pending.get(s);
      const against = excludedPhrases?.get(s);
      if (!needs && !against) {
        ranked.push(s);
        continue;
      }
      if (!exhaustive && checked++ >= MAX_PHRASE_CHECKS) break;
      // One note at a time: an exhaustive walk must not keep every note it read.
      const note = exhaustive ? this.linesOf(s, new Map()) : this.linesOf(s, lines);
      const ok = (alt: PhraseAlt) => nameHasPhrase(meta[s]!, alt.words) || (note !== null && containsPhrase(note, alt.words));
      if ((!needs || needs.every((alts) => alts.some(ok))) && !(against && against.some(ok))) ranked.push(s);
      else rejected++;
    }
    return { ranked, total: live.length - rejected, lines, scores: total };
  }

  /** Short ids of live notes, ascending; cached until the next change. */
  private liveList(): Int32Array {
    if (!this.live) {
      const ids: number[] = [];
      for (let s = 0; s < this.meta.length; s++) if (this.meta[s]) ids.push(s);
      this.live = Int32Array.from(ids);
    }
    return this.live;
  }

  /** A rough cost of a clause, to evaluate selective clauses first and prune with them. */
  private estimate(clause: CAlt[], N: number): number {
    let sum = 0;
    for (const alt of clause) {
      if (alt.kind === 'filter') return -1; // filters are cheap scans: always first
      let min = Infinity;
      for (const t of alt.terms) min = Math.min(min, this.index.docFrequency(t.term) + (t.prefix ? N / 4 : 0) + (t.fuzzy ? N / 8 : 0));
      sum += min;
    }
    return sum;
  }

  /** Scores of notes matching every term (0 for the rest), in a scratch array the caller releases. */
  private evalAll(terms: CTerm[], cand: Int32Array, mask: Uint8Array | null, scratch: Scratch): Float64Array {
    const acc = scratch.f64();
    this.index.score(terms[0]!.expansions, BOOST, acc, mask);
    if (terms.length === 1) return acc;
    let within: Int32Array = cand;
    for (let i = 1; i < terms.length; i++) {
      within = within.filter((s) => acc[s]! > 0);
      const subMask = scratch.u8();
      for (const s of within) subMask[s] = 1;
      const next = scratch.f64();
      this.index.score(terms[i]!.expansions, BOOST, next, subMask);
      for (const s of within) acc[s] = next[s]! > 0 ? acc[s]! + next[s]! : 0;
      scratch.release(next);
      scratch.release(subMask);
    }
    // Notes that missed a later term keep no score.
    const keep = scratch.u8();
    for (const s of within) if (acc[s]! > 0) keep[s] = 1;
    for (let s = 0; s < acc.length; s++) if (!keep[s]) acc[s] = 0;
    scratch.release(keep);
    return acc;
  }

  private passes(s: number, filter: Filter): boolean {
    const m = this.meta[s];
    if (!m) return false;
    switch (filter.kind) {
      case 'tag': {
        const value = filter.value.toLowerCase();
        return m.tagKeys.some((tag) => tag === value || (tag.length > value.length && tag.startsWith(value) && tag[value.length] === '/'));
      }
      case 'path':
        return m.pathKey.includes(filter.value.toLowerCase());
      case 'file':
        return m.fileKey.includes(filter.value.toLowerCase());
      case 'video':
        return m.videoIds.includes(filter.value);
    }
  }

  private linesOf(s: number, cache: Map<number, NoteText | null>): NoteText | null {
    if (cache.has(s)) return cache.get(s)!;
    let note: NoteText | null = null;
    const path = this.meta[s]?.path;
    if (path && this.readSource) {
      const source = this.readSource(path);
      note = source === null ? null : new NoteText(source);
    }
    cache.set(s, note);
    return note;
  }

  private hitOf(s: number, score: number, plan: Plan, cache: Map<number, NoteText | null>): EngineHit {
    const m = this.meta[s]!;
    const body = this.linesOf(s, cache);
    const base = { path: m.path, title: m.title, score: round(score) };
    if (!body) return { ...base, snippet: '', line: null, terms: [], snippets: [], matches: 0 };
    const found = findMatches(body, plan.matchers);
    const best = found.snippets[0];
    if (!best) {
      const first = body.firstLine();
      return { ...base, snippet: first ? window(first.text, 0) : '', line: null, terms: [], snippets: [], matches: 0 };
    }
    return { ...base, snippet: best.text, line: best.line, terms: found.terms, snippets: found.snippets, matches: found.matches };
  }
}

/** Per-note arrays reused across queries (at 100k notes each is most of a megabyte); released zeroed. */
class Scratch {
  private readonly floats: Float64Array[] = [];
  private readonly bytes: Uint8Array[] = [];

  constructor(readonly size: number) {}

  f64(): Float64Array {
    return this.floats.pop() ?? new Float64Array(this.size);
  }

  u8(): Uint8Array {
    return this.bytes.pop() ?? new Uint8Array(this.size);
  }

  release(a: Float64Array | Uint8Array): void {
    if (a.length !== this.size) return;
    a.fill(0);
    if (a instanceof Float64Array) this.floats.push(a);
    else this.bytes.push(a);
  }
}

/** Whether a phrase is in the note's title, file name or an alias (those are not in its body). */
function nameHasPhrase(m: DocMeta, words: readonly string[]): boolean {
  for (const name of [m.title, basename(m.path).replace(/\.md$/i, ''), ...m.aliases]) {
    const seq: string[] = [];
    eachWord(name, (w) => seq.push(phraseTermOf(w)));
    outer: for (let i = 0; i + words.length <= seq.length; i++) {
      for (let k = 0; k < words.length; k++) if (seq[i + k] !== words[k]) continue outer;
      return true;
    }
  }
  return false;
}

function metaOf(rawPath: VaultPath, rawTitle: string, rawAliases: string[], rawTags: string[], rawVideoIds: string[]): DocMeta {
  // Owned copies: these strings may be slices of the note's whole source.
  const path = detach(rawPath) as VaultPath;
  const title = detach(rawTitle);
  const aliases = rawAliases.map(detach);
  const tags = rawTags.map(detach);
  const videoIds = rawVideoIds.map(detach);
  const pathKey = path.toLowerCase();
  return { path, title, aliases, tags, videoIds, sortKey: title.toLowerCase(), tagKeys: tags.map((t) => t.toLowerCase()), pathKey, fileKey: basename(pathKey) };
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** The best `k` of `items` under `better`, best first, without sorting them all. */
export function topK(items: readonly number[], k: number, better: (a: number, b: number) => boolean): number[] {
  if (items.length <= k) return [...items].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  // A heap whose root is the worst item kept.
  const heap: number[] = [];
  const worse = (a: number, b: number) => better(b, a);
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && worse(heap[l]!, heap[w]!)) w = l;
      if (r < heap.length && worse(heap[r]!, heap[w]!)) w = r;
      if (w === i) return;
      [heap[i], heap[w]] = [heap[w]!, heap[i]!];
      i = w;
    }
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      up(heap.length - 1);
    } else if (better(item, heap[0]!)) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}
