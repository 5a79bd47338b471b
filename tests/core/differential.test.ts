/**
 * The fast extractor must produce exactly the record the remark reference produces, field by field,
 * on every fixture note, on the seed notes, on every note of the sample vault, and on thousands of
 * generated notes built from the pieces that change what a character means.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { extractNote } from '../../main/core/extract';
import { parseNoteReference } from '../../main/core/markdown/collect-note';
import type { VaultPath } from '../../main/core/model';
import { noteArbitrary } from './extract/note-grammar';

const repo = fileURLToPath(new URL('../../', import.meta.url));

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, keep));
    else if (keep(name)) out.push(full);
  }
  return out;
}

function assertSameRecord(path: string, source: string): void {
  const vaultPath = path as VaultPath;
  assert.deepStrictEqual(extractNote(vaultPath, source), parseNoteReference(vaultPath, source));
}

describe('extractor and reference agree', () => {
  it('on every fixture note', () => {
    const dir = join(repo, 'tests/fixtures/notes');
    const files = filesUnder(dir, (name) => !name.endsWith('.json'));
    assert.ok(files.length > 0, 'no fixture notes found');
    for (const file of files) assertSameRecord(relative(dir, file), readFileSync(file, 'utf8'));
  });

  it('on the seed notes', () => {
    const dir = join(repo, '../shared/seeds');
    const files = filesUnder(dir, (name) => name.endsWith('.txt'));
    assert.ok(files.some((f) => /\/000_[^/]*\.txt$/.test(f)), 'seed 000 is missing');
    for (const file of files) assertSameRecord(relative(dir, file).replace(/\.txt$/, '.md'), readFileSync(file, 'utf8'));
  });

  it('on every note of the sample vault', (t) => {
    const dir = join(repo, 'vault');
    if (!existsSync(dir)) {
      t.skip('no sample vault yet');
      return;
    }
    const files = filesUnder(dir, (name) => name.toLowerCase().endsWith('.md'));
    for (const file of files) assertSameRecord(relative(dir, file), readFileSync(file, 'utf8'));
  });

  it('on 2,500 generated notes', () => {
    fc.assert(
      fc.property(noteArbitrary, (source) => {
        assertSameRecord('gen/Note.md', source);
      }),
      { seed: 20_261_123, numRuns: 2500 },
    );
  });

  it('on the same notes with CRLF line endings and trailing whitespace', () => {
    fc.assert(
      fc.property(noteArbitrary, fc.constantFrom('\r\n', '\r', ' \n', '\t\n'), (source, eol) => {
        assertSameRecord('gen/Note.md', source.replace(/\r?\n/g, eol));
      }),
      { seed: 7_351, numRuns: 500 },
    );
  });
});
