/**
 * The index as flat columns: what a bulk build produces, what the cache file stores, and what the
 * MiniSearch-backed `TermIndex` loads from. One shape for all three, so a cold build, a reload and
 * a save go through the same code.
 *
 * Postings are grouped by term, then by field. Each (term, field) pair is marked for one of two
 * tiers: MiniSearch's own per-term Maps for the long tail of rare pairs, or a compact row (doc ids
 * and frequencies in typed arrays) for pairs found in many notes. MiniSearch costs ~55 bytes and a
 * few allocations per posting when it scores; a row costs 6 bytes and none.
 */

export const FIELDS = ['title', 'aliases', 'headings', 'tags', 'body'] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;
export const BODY = 4;

export interface DocColumns {
  paths: string[];
  titles: string[];
  aliases: string[][];
  /** Tags as written, `#` dropped. */
  tags: string[][];
  videoIds: string[][];
  /** Unique terms per field, doc-major: `fieldLengths[doc * FIELD_COUNT + field]`. */
  fieldLengths: Uint32Array;
}

export interface IndexColumns {
  docs: DocColumns;
  terms: string[];
  /** `fieldPostings[t * FIELD_COUNT + f]`: how many postings term t has in field f. */
  fieldPostings: Uint32Array;
  /** Doc numbers (0-based, into `docs`), grouped by term then field, ascending within a group. */
  postDocs: Uint32Array;
  postTfs: Uint16Array;
  /** `compact[t * FIELD_COUNT + f]` is 1 when the pair lives in a compact row, 0 in MiniSearch. */
  compact: Uint8Array;
}

export interface TierOptions {
  /** A (term, field) pair in at least this many notes gets a compact row. */
  compactMinDocs: number;
}

/**
 * Below this MiniSearch's per-posting cost is noise; above it a pair's postings are scored in a
 * tight loop. Tests lower it to exercise both tiers on a small vault.
 */
export const DEFAULT_TIERS: TierOptions = { compactMinDocs: 48 };

/** Marks each pair for its tier by how many notes it is in now. */
export function retier(columns: IndexColumns, tiers: TierOptions): IndexColumns {
  const compact = new Uint8Array(columns.fieldPostings.length);
  for (let i = 0; i < compact.length; i++) compact[i] = columns.fieldPostings[i]! >= tiers.compactMinDocs ? 1 : 0;
  return { ...columns, compact };
}
