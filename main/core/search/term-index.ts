/**
 * MiniSearch with three things layered on through its protected state (its designed extension
 * point):
 * - loading and saving as flat columns, instead of adding notes one at a time or going through JSON;
 * - compact rows for (term, field) pairs found in many notes: doc ids and frequencies in typed
 *   arrays, scored in a tight loop with MiniSearch's own BM25+ formula and parameters;
 * - bounded query expansion: prefix and fuzzy variants are picked here (the most frequent few, plus
 *   adjacent-letter swaps, which Levenshtein counts as two edits) and scored by MiniSearch as exact
 *   terms weighted the way MiniSearch weights its own expansions.
 * Everything else is MiniSearch's: its radix tree of terms, scoring of sparse postings, discard
 * and vacuum.
 */
import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { FIELD_COUNT, FIELDS, type IndexColumns } from './columns';
import { detach } from './tokenize';

/** MiniSearch's defaults, which row scoring must match. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
export const WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
/** A prefix like `da` can stand for thousands of terms: the most frequent are scored, up to a count and a number of postings. */
const MAX_PREFIX_EXPANSIONS = 24;
const PREFIX_BUDGET = 60_000;
const MAX_PREFIX_SCAN = 400;
const MAX_FUZZY_EXPANSIONS = 24;
const MIN_SCORE = 1e-6;

/** A (term, field) pair's postings, ascending by short id; a removed note's stay until compaction. */
interface Row {
  docs: Uint32Array;
  tfs: Uint16Array;
  len: number;
  df: number;
}

type FieldTermData = Map<number, Map<number, number>>;

export type Boosts = Record<(typeof FIELDS)[number], number>;

export class TermIndex extends MiniSearch<never> {
  private rows: Array<Map<string, Row>> = FIELDS.map(() => new Map());
  private rowVocab: string[] | null = null;
  private vocabDf: Int32Array | null = null;
  private rowTree: SearchableMap<true> | null = null;
  /** 1 for live short ids: rows are not edited on removal, only skipped. */
  private alive = new Uint8Array(1024);
  /** Unique terms per field, by short id: MiniSearch's field lengths, as arrays for the row loop. */
  private fieldLen: Float64Array[] = FIELDS.map(() => new Float64Array(1024));
  private capacity = 1024;
  /** Notes removed since the rows were built: their postings are still in rows. */
  private removedSinceLoad = 0;

  constructor() {
    // Notes never go through MiniSearch's own tokenizer: terms arrive counted, queries processed.
    super({ fields: [...FIELDS], tokenize: (s: string) => [s], processTerm: (t: string) => t });
  }

  static fromColumns(columns: IndexColumns): TermIndex {
    const index = new TermIndex();
    const { docs } = columns;
    const n = docs.paths.length;
    index.ensureCapacity(n);
    const sums = new Array<number>(FIELD_COUNT).fill(0);
    for (let d = 0; d < n; d++) {
      const path = docs.paths[d]!;
      index._documentIds.set(d, path);
      index._idToShortId.set(path, d);
      index.alive[d] = 1;
      const lens: number[] = [];
      for (let f = 0; f < FIELD_COUNT; f++) {
        const len = docs.fieldLengths[d * FIELD_COUNT + f]!;
        lens.push(len);
        sums[f] = sums[f]! + len;
        index.fieldLen[f]![d] = len;
      }
      index._fieldLength.set(d, lens);
    }
    index._documentCount = n;
    index._nextId = n;
    index._avgFieldLength = sums.map((s) => (n ? s / n : 0));

    let p = 0;
    const { terms, fieldPostings, postDocs, postTfs, compact } = columns;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      let data: FieldTermData | null = null;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const count = fieldPostings[t * FIELD_COUNT + f]!;
        if (!count) continue;
        if (compact[t * FIELD_COUNT + f]) {
          const cap = Math.max(8, count + (count >> 3));
          const row: Row = { docs: new Uint32Array(cap), tfs: new Uint16Array(cap), len: count, df: count };
          row.docs.set(postDocs.subarray(p, p + count));
          row.tfs.set(postTfs.subarray(p, p + count));
          index.rows[f]!.set(term, row);
          p += count;
          continue;
        }
        const docsOfField = new Map<number, number>();
        for (const end = p + count; p < end; p++) docsOfField.set(postDocs[p]!, postTfs[p]!);
        (data ??= new Map()).set(f, docsOfField);
      }
      if (data) index._index.set(term, data);
    }
    return index;
  }

  /**
   * The live notes as columns, renumbered in `order` (short ids); removed notes' postings dropped.
   * Doc fields other than `fieldLengths` are the caller's to fill; `compact` keeps today's tiers.
   */
  toColumns(order: readonly number[]): Omit<IndexColumns, 'docs'> & { fieldLengths: Uint32Array } {
    const n = order.length;
    const newOf = new Int32Array(this._nextId).fill(-1);
    order.forEach((s, i) => (newOf[s] = i));
    const fieldLengths = new Uint32Array(n * FIELD_COUNT);
    order.forEach((s, i) => {
      const lens = this._fieldLength.get(s) ?? [];
      for (let f = 0; f < FIELD_COUNT; f++) fieldLengths[i * FIELD_COUNT + f] = lens[f] ?? 0;
    });

    const terms: string[] = [];
    const counts: number[] = [];
    const compact: number[] = [];
    let postDocs = new Uint32Array(1 << 16);
    let postTfs = new Uint16Array(1 << 16);
    let used = 0;
    const reserve = (extra: number) => {
      if (used + extra <= postDocs.length) return;
      const size = Math.max(postDocs.length * 2, used + extra);
      const d2 = new Uint32Array(size);
      d2.set(postDocs);
      postDocs = d2;
      const t2 = new Uint16Array(size);
      t2.set(postTfs);
      postTfs = t2;
    };
    const emit = (term: string, data: FieldTermData | undefined) => {
      const start = used;
      const perField = new Array<number>(FIELD_COUNT).fill(0);
      const flags = new Array<number>(FIELD_COUNT).fill(0);
      for (let f = 0; f < FIELD_COUNT; f++) {
        const row = this.rows[f]!.get(term);
        if (row) {
          reserve(row.len);
          flags[f] = 1;
          for (let i = 0; i < row.len; i++) {
            const d = newOf[row.docs[i]!] ?? -1;
            if (d < 0 || !row.tfs[i]) continue;
            postDocs[used] = d;
            postTfs[used] = row.tfs[i]!;
            used++;
            perField[f]!++;
          }
          continue;
        }
        const docs = data?.get(f);
        if (!docs) continue;
        reserve(docs.size);
        for (const [s, tf] of docs) {
          const d = newOf[s] ?? -1;
          if (d < 0) continue;
          postDocs[used] = d;
          postTfs[used] = tf;
          used++;
          perField[f]!++;
        }
      }
      if (used === start) return;
      terms.push(term);
      for (let f = 0; f < FIELD_COUNT; f++) {
        counts.push(perField[f]!);
        compact.push(perField[f] ? flags[f]! : 0);
      }
    };
    for (const [term, data] of this._index as unknown as Iterable<[string, FieldTermData]>) emit(term, data);
    for (const term of this.vocab()) if (!this._index.has(term)) emit(term, undefined);
    return {
      terms,
      fieldPostings: Uint32Array.from(counts),
      postDocs: postDocs.slice(0, used),
      postTfs: postTfs.slice(0, used),
      compact: Uint8Array.from(compact),
      fieldLengths,
    };
  }

  /** Adds one note from its per-field term counts (in `FIELDS` order); returns its short id. */
  addDocument(path: string, fields: ReadonlyArray<ReadonlyMap<string, number>>): number {
    const short = this._nextId++;
    this._idToShortId.set(path, short);
    this._documentIds.set(short, path);
    this._documentCount += 1;
    this.ensureCapacity(this._nextId);
    this.alive[short] = 1;
    const lens: number[] = [];
    for (let f = 0; f < FIELD_COUNT; f++) {
      const counts = fields[f]!;
      lens.push(counts.size);
      this.fieldLen[f]![short] = counts.size;
      const avg = this._avgFieldLength[f] ?? 0;
      this._avgFieldLength[f] = (avg * (this._documentCount - 1) + counts.size) / this._documentCount;
      const rows = this.rows[f]!;
      for (const [term, tf] of counts) {
        const row = rows.get(term);
        if (row) {
          appendTo(row, short, tf);
          continue;
        }
        let data = this._index.get(term) as FieldTermData | undefined;
        // The radix tree keeps slices of the keys it inserts: give it a term that pins no note text.
        if (!data) this._index.set(detach(term), (data = new Map()));
        let docs = data.get(f);
        if (!docs) data.set(f, (docs = new Map()));
        docs.set(short, tf);
      }
    }
    this._fieldLength.set(short, lens);
    return short;
  }

  /** Forgets a note: MiniSearch's discard for its postings, a cleared flag for rows. */
  discardDocument(path: string): number | undefined {
    const short = this._idToShortId.get(path);
    if (short === undefined) return undefined;
    this.discard(path);
    this.alive[short] = 0;
    this.removedSinceLoad++;
    return short;
  }

  /**
   * Share of notes removed since the rows were built; their postings still weigh on row
   * frequencies, so past a tenth or so the owner rebuilds from `toColumns`.
   */
  get staleness(): number {
    return this.removedSinceLoad / Math.max(1, this._documentCount);
  }

  shortIdOf(path: string): number | undefined {
    return this._idToShortId.get(path);
  }

  /** One past the largest short id ever given: the size of per-note arrays. */
  get idSpace(): number {
    return this._nextId;
  }

  /** Short ids of live notes, ascending. */
  liveIds(): number[] {
    return [...this._documentIds.keys()].sort((a, b) => a - b);
  }

  hasTerm(term: string): boolean {
    return this._index.has(term) || this.rows.some((m) => m.has(term));
  }

  /** Whether some indexed term starts with `prefix`. */
  hasPrefix(prefix: string): boolean {
    if (this._index.atPrefix(prefix).keys().next().done === false) return true;
    const vocab = this.vocab();
    return vocab[lowerBound(vocab, prefix)]?.startsWith(prefix) ?? false;
  }

  /** Notes containing `term`, summed over fields (an upper bound; good enough to order clauses). */
  docFrequency(term: string): number {
    let n = this.rowDf(term);
    const data = this._index.get(term) as FieldTermData | undefined;
    if (data) for (const docs of data.values()) n += docs.size;
    return n;
  }

  /**
   * The indexed terms a query term stands for, with MiniSearch's weights: itself (1), prefix
   * completions (0.375, less the longer they run), fuzzy neighbours (0.45, less the further off).
   */
  expand(term: string, prefix: boolean, fuzzy: number): Map<string, number> {
    const out = new Map<string, number>();
    if (this.hasTerm(term)) out.set(term, 1);
    if (prefix) {
      // Frequent completions first: they have rows, found by binary search in a sorted list.
      const found = new Map<string, number>();
      const vocab = this.vocab();
      const dfs = this.vocabDf!;
      for (let i = lowerBound(vocab, term); i < vocab.length && vocab[i]!.startsWith(term); i++) {
        const t = vocab[i]!;
        if (t !== term) found.set(t, dfs[i]!);
      }
      // MiniSearch's own terms are rare (under the row threshold) and may number thousands under a
      // short prefix: a bounded walk of its radix tree finds enough of them.
      let scanned = 0;
      for (const [t, data] of this._index.atPrefix(term) as unknown as Iterable<[string, FieldTermData]>) {
        if (found.size >= MAX_PREFIX_EXPANSIONS * 2 || ++scanned > MAX_PREFIX_SCAN) break;
        if (t === term) continue;
        let df = found.get(t) ?? 0;
        for (const docs of data.values()) df += docs.size;
        found.set(t, df);
      }
      // The most frequent completions first, within a budget of postings to score.
      const ranked = [...found].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length);
      let spent = 0;
      for (const [t, df] of ranked) {
        if (out.size >= MAX_PREFIX_EXPANSIONS) break;
        if (spent + df > PREFIX_BUDGET && out.size > 0) continue;
        spent += df;
        out.set(t, (WEIGHTS.prefix * t.length) / (t.length + 0.3 * (t.length - term.length)));
      }
    }
    if (fuzzy > 0) {
      const near = new Map<string, number>();
      for (const [t, [, distance]] of this._index.fuzzyGet(term, fuzzy)) if (distance) near.set(t, distance);
      for (const [t, [, distance]] of this.vocabTree().fuzzyGet(term, fuzzy)) if (distance) near.set(t, distance);
      // Levenshtein counts a swap of two letters (`kafak`) as two edits; typists make it as one.
      for (let i = 0; i + 1 < term.length; i++) {
        const swapped = term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2);
        if (swapped !== term && this.hasTerm(swapped)) near.set(swapped, 1);
      }
      const ranked = [...near].filter(([t]) => !out.has(t));
      ranked.sort((a, b) => a[1] - b[1] || this.docFrequency(b[0]) - this.docFrequency(a[0]));
      for (const [t, distance] of ranked.slice(0, MAX_FUZZY_EXPANSIONS)) out.set(t, (WEIGHTS.fuzzy * t.length) / (t.length + distance));
    }
    return out;
  }

  /**
   * Adds the BM25+ scores of `expansions` (term → weight) into `scores`, by short id: MiniSearch's
   * search for its postings, the row loop for compact rows. With `mask`, other notes are skipped.
   */
  score(expansions: ReadonlyMap<string, number>, boost: Boosts, scores: Float64Array, mask: Uint8Array | null): void {
    const sparse = [...expansions.keys()].filter((t) => this._index.has(t));
    if (sparse.length) {
      const results = this.search(
        { queries: sparse, combineWith: 'or' },
        {
          boost,
          prefix: false,
          fuzzy: false,
          boostTerm: (t: string) => expansions.get(t) ?? 1,
          boostDocument: mask ? (id: string) => mask[this._idToShortId.get(id) ?? -1] ?? 0 : undefined,
        },
      );
      for (const r of results) {
        const short = this._idToShortId.get(r.id);
        // MiniSearch multiplies by the number of query terms matched; each expansion counts as one
        // there, but here they are one word. Removed notes' postings linger in MiniSearch until it
        // vacuums and can push a term's idf below zero in a tiny vault: a match stays a match.
        if (short !== undefined) scores[short] = scores[short]! + Math.max(MIN_SCORE, r.score / Math.max(1, r.queryTerms.length));
      }
    }
    for (const [term, weight] of expansions) {
      for (let f = 0; f < FIELD_COUNT; f++) {
        const row = this.rows[f]!.get(term);
        if (row) this.scoreRow(row, f, weight * boost[FIELDS[f]!], scores, mask);
      }
    }
  }

  get rowCount(): number {
    return this.rows.reduce((a, m) => a + m.size, 0);
  }

  private scoreRow(row: Row, field: number, factor: number, scores: Float64Array, mask: Uint8Array | null): void {
    const n = this._documentCount;
    // Rows count removed notes until compaction; keep idf positive as MiniSearch's would be.
    const idf = Math.max(MIN_SCORE, Math.log(1 + (Math.max(0, n - row.df) + 0.5) / (row.df + 0.5)));
    const avg = this._avgFieldLength[field] || 1;
    const { k, b, d } = BM25;
    const scale = factor * idf;
    const { docs, tfs, len } = row;
    const lengths = this.fieldLen[field]!;
    const keep = mask ?? this.alive;
    for (let i = 0; i < len; i++) {
      const s = docs[i]!;
      const tf = tfs[i]!;
      if (!tf || !keep[s]) continue;
      scores[s] = scores[s]! + scale * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * lengths[s]!) / avg)));
    }
  }

  private rowDf(term: string): number {
    let df = 0;
    for (const map of this.rows) df += map.get(term)?.df ?? 0;
    return df;
  }

  /** Sorted terms that have rows (fixed from load to save, so built once). */
  private vocab(): string[] {
    if (!this.rowVocab) {
      const all = new Set<string>();
      for (const map of this.rows) for (const t of map.keys()) all.add(t);
      this.rowVocab = [...all].sort();
      // Frequencies as of now, to rank prefix completions (rows only grow until the next rebuild).
      this.vocabDf = Int32Array.from(this.rowVocab, (t) => this.rowDf(t));
    }
    return this.rowVocab;
  }

  private vocabTree(): SearchableMap<true> {
    if (!this.rowTree) {
      this.rowTree = new SearchableMap<true>();
      for (const t of this.vocab()) this.rowTree.set(t, true);
    }
    return this.rowTree;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.capacity) return;
    let capacity = this.capacity;
    while (capacity < size) capacity *= 2;
    this.fieldLen = this.fieldLen.map((old) => {
      const a = new Float64Array(capacity);
      a.set(old);
      return a;
    });
    const alive = new Uint8Array(capacity);
    alive.set(this.alive);
    this.alive = alive;
    this.capacity = capacity;
  }
}

function appendTo(row: Row, short: number, tf: number): void {
  if (row.len === row.docs.length) {
    const docs = new Uint32Array(row.docs.length * 2);
    docs.set(row.docs);
    row.docs = docs;
    const tfs = new Uint16Array(row.tfs.length * 2);
    tfs.set(row.tfs);
    row.tfs = tfs;
  }
  row.docs[row.len] = short;
  row.tfs[row.len] = Math.min(tf, 65535);
  row.len++;
  row.df++;
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
