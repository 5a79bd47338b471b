/**
 * A cold build, one note at a time: each note is tokenized once into compact term ids and
 * frequencies (its text is dropped right away), and `finish` turns them into postings grouped by
 * term. Filling MiniSearch term by term from those is several times faster than adding notes one
 * by one, which inserts every posting into a different, growing Map.
 */
import { FIELD_COUNT, type IndexColumns } from './columns';
import { fieldTexts, type SearchDoc } from './search-doc';
import { countTerms, detach } from './tokenize';

export class ColumnBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private ids = new Uint32Array(1 << 16);
  private tfs = new Uint16Array(1 << 16);
  private used = 0;
  /** `spans[(doc * FIELD_COUNT + f) * 2]` = start, `+1` = end, into ids/tfs. */
  private spans = new Uint32Array(1 << 12);
  private readonly paths: string[] = [];
  private readonly titles: string[] = [];
  private readonly aliases: string[][] = [];
  private readonly tags: string[][] = [];
  private readonly videoIds: string[][] = [];
  private readonly counts = new Map<string, number>();

  get size(): number {
    return this.paths.length;
  }

  add(doc: SearchDoc): void {
    const d = this.paths.length;
    this.paths.push(detach(doc.path));
    this.titles.push(detach(doc.title));
    this.aliases.push(doc.aliases.map(detach));
    this.tags.push(doc.tags.map(detach));
    this.videoIds.push(doc.videoIds.map(detach));
    if (this.spans.length < (d + 1) * FIELD_COUNT * 2) this.spans = grow(this.spans, (d + 1) * FIELD_COUNT * 2);
    const texts = fieldTexts(doc);
    for (let f = 0; f < FIELD_COUNT; f++) {
      const counts = this.counts;
      counts.clear();
      countTerms(texts[f]!, counts);
      if (this.ids.length < this.used + counts.size) {
        this.ids = grow(this.ids, this.used + counts.size);
        this.tfs = grow(this.tfs, this.used + counts.size);
      }
      const start = this.used;
      for (const [term, tf] of counts) {
        let id = this.termIds.get(term);
        if (id === undefined) {
          id = this.terms.length;
          const owned = detach(term);
          this.termIds.set(owned, id);
          this.terms.push(owned);
        }
        this.ids[this.used] = id;
        this.tfs[this.used] = Math.min(tf, 65535);
        this.used++;
      }
      this.spans[(d * FIELD_COUNT + f) * 2] = start;
      this.spans[(d * FIELD_COUNT + f) * 2 + 1] = this.used;
    }
  }

  /** Postings grouped by term then field, every pair in MiniSearch's tier until `retier` says otherwise. */
  finish(): IndexColumns {
    const n = this.paths.length;
    const T = this.terms.length;
    const fieldPostings = new Uint32Array(T * FIELD_COUNT);
    const fieldLengths = new Uint32Array(n * FIELD_COUNT);
    for (let d = 0; d < n; d++) {
      for (let f = 0; f < FIELD_COUNT; f++) {
        const start = this.spans[(d * FIELD_COUNT + f) * 2]!;
        const end = this.spans[(d * FIELD_COUNT + f) * 2 + 1]!;
        fieldLengths[d * FIELD_COUNT + f] = end - start;
        for (let k = start; k < end; k++) fieldPostings[this.ids[k]! * FIELD_COUNT + f]!++;
      }
    }
    const offsets = new Uint32Array(T * FIELD_COUNT);
    let p = 0;
    for (let i = 0; i < T * FIELD_COUNT; i++) {
      offsets[i] = p;
      p += fieldPostings[i]!;
    }
    const postDocs = new Uint32Array(p);
    const postTfs = new Uint16Array(p);
    for (let d = 0; d < n; d++) {
      for (let f = 0; f < FIELD_COUNT; f++) {
        const start = this.spans[(d * FIELD_COUNT + f) * 2]!;
        const end = this.spans[(d * FIELD_COUNT + f) * 2 + 1]!;
        for (let k = start; k < end; k++) {
          const slot = offsets[this.ids[k]! * FIELD_COUNT + f]!++;
          postDocs[slot] = d;
          postTfs[slot] = this.tfs[k]!;
        }
      }
    }
    return {
      docs: { paths: this.paths, titles: this.titles, aliases: this.aliases, tags: this.tags, videoIds: this.videoIds, fieldLengths },
      terms: this.terms,
      fieldPostings,
      postDocs,
      postTfs,
      compact: new Uint8Array(T * FIELD_COUNT),
    };
  }
}

function grow<A extends Uint32Array | Uint16Array>(a: A, min: number): A {
  let size = a.length * 2;
  while (size < min) size *= 2;
  const b = new (a.constructor as new (n: number) => A)(size);
  b.set(a);
  return b;
}
