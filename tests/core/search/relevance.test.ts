import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseNoteSource } from '../../../main/core/load-note';
import { decodeNote } from '../../../main/core/read-note';
import type { VaultPath } from '../../../main/core/model';
import { scanVault } from '../../../main/core/scan';
import { SearchEngine } from '../../../main/core/search/engine';
import { searchDocFrom } from '../../../main/core/search/search-doc';
import { JUDGED } from './judged-queries';

const root = new URL('../../../vault/', import.meta.url).pathname;
const TOP = 3;

async function sampleEngine(tiers?: { compactMinDocs: number }): Promise<SearchEngine> {
  const listing = await scanVault(root);
  const read = (p: string) => decodeNote(readFileSync(join(root, p))).source;
  const engine = new SearchEngine({ readSource: (p) => read(p), tiers });
  engine.upsert(listing.notes.map((p: VaultPath) => searchDocFrom(parseNoteSource(p, read(p)), read(p))));
  return engine;
}

describe('relevance on the sample vault', async () => {
  const engine = await sampleEngine();

  it('has a judged set worth the name', () => {
    assert.ok(JUDGED.length >= 25);
    for (const kind of ['typo', 'alias', 'phrase', 'operator'] as const) assert.ok(JUDGED.filter((j) => j.kind === kind).length >= 3, kind);
    for (const j of JUDGED) for (const p of j.expect) assert.ok(engine.has(p as VaultPath), `${p} (judged for ${j.query}) is in the vault`);
  });

  for (const j of JUDGED) {
    it(`${j.kind}: ${JSON.stringify(j.query)} puts ${j.expect.join(' and ')} in the top ${TOP}`, () => {
      const result = engine.search(j.query, { limit: TOP });
      assert.equal(result.error, null);
      const top = result.hits.map((h) => h.path as string);
      for (const p of j.expect) assert.ok(top.includes(p), `${j.why}; got ${JSON.stringify(top)}`);
    });
  }

  it('ranks the same with every pair held in compact rows', async () => {
    const compact = await sampleEngine({ compactMinDocs: 1 });
    for (const j of JUDGED) {
      const a = engine.search(j.query, { limit: TOP }).hits.map((h) => h.path);
      const b = compact.search(j.query, { limit: TOP }).hits.map((h) => h.path);
      assert.deepEqual(b, a, j.query);
    }
  });
});
