/**
 * Fixture-driven checks of the reference parser: each `tests/fixtures/notes/<case>.md` has a
 * `<case>.expected.json` naming the behaviour (`it`) and the record fields it pins down (`expect`;
 * `problemCodes` compares only the codes). The fast extractor can run the same fixtures.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseNoteReference } from '../../../main/core/markdown/collect-note';
import type { NoteRecord, VaultPath } from '../../../main/core/model';

const dir = new URL('../../fixtures/notes/', import.meta.url);

interface Fixture {
  it: string;
  path?: string;
  expect: Partial<Record<keyof NoteRecord, unknown>> & { problemCodes?: string[] };
}

describe('reference note parser on fixture notes', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.expected.json')).sort()) {
    const name = file.slice(0, -'.expected.json'.length);
    const fixture = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Fixture;
    it(`${fixture.it} (${name})`, () => {
      const source = readFileSync(new URL(`${name}.md`, dir), 'utf8');
      const record = parseNoteReference((fixture.path ?? `notes/${name}.md`) as VaultPath, source);
      for (const [key, expected] of Object.entries(fixture.expect)) {
        if (key === 'problemCodes') assert.deepEqual(record.problems.map((p) => p.code), expected, 'problem codes');
        else assert.deepEqual(record[key as keyof NoteRecord], expected, key);
      }
    });
  }
});
