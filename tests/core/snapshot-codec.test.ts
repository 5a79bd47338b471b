/**
 * The snapshot's binary layout must give back exactly the notes it was given, strings of every
 * kind included, and refuse bytes it could not have written.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseNoteSource, type LoadedNote } from '../../main/core/load-note';
import type { VaultPath } from '../../main/core/model';
import { decodeSnapshot, encodeSnapshot, SnapshotFormatError } from '../../main/core/snapshot-codec';
import { noteArbitrary } from './extract/note-grammar';
import { notesUnder } from './helpers/notes-under';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const ROOT = '/vaults/Wörk';

function loaded(path: string, source: string, i: number): LoadedNote {
  return { record: parseNoteSource(path as VaultPath, source), mtimeMs: 1_700_000_000_000 + i + 0.25, ctimeMs: 1_700_000_100_000 + i + 0.5, size: source.length * 3 + 1 };
}

const roundTrip = (notes: LoadedNote[]) => decodeSnapshot(encodeSnapshot(7, ROOT, notes), 7, ROOT);

describe('the snapshot codec', () => {
  it('gives back the sample vault and the fixtures as extracted', () => {
    const files = [...notesUnder(join(repo, 'vault')), ...notesUnder(join(repo, 'tests/fixtures'))];
    const notes = files.map((file, i) => loaded(relative(repo, file), readFileSync(file, 'utf8'), i));
    assert.ok(notes.some((n) => n.record.links.some((l) => l.property)), 'the inputs cover links in properties');
    assert.ok(notes.some((n) => n.record.problems.length > 0), 'the inputs cover problems');
    assert.deepStrictEqual(roundTrip(notes), notes);
  });

  it('gives back generated notes, and strings no UTF-8 round trip keeps', () => {
    const odd = fc.constantFrom('plain', 'naïve', '日本語', '\ud83d', 'a\udc00b', '😀', '', '\u0000', 'ÿ');
    fc.assert(
      fc.property(fc.array(noteArbitrary, { maxLength: 4 }), odd, odd, (sources, a, b) => {
        const notes = sources.map((s, i) => loaded(`gen/${a}${i}.md`, s, i));
        notes.push({ record: { ...parseNoteSource(`${b}.md` as VaultPath, ''), title: a + b, aliases: [b, a], frontmatter: { [a]: b } }, mtimeMs: 0.5, ctimeMs: 0.75, size: 0 });
        assert.deepStrictEqual(roundTrip(notes), notes);
      }),
      { numRuns: 300 },
    );
  });

  it('is null for another version or vault, and throws on bytes that do not add up', () => {
    const notes = [loaded('a.md', '# A\n[[b]] <a class="yt-timestamp" data-t="00:01">[00:01]</a>', 0), loaded('b.md', 'x', 1)];
    const bytes = encodeSnapshot(7, ROOT, notes);
    assert.equal(decodeSnapshot(bytes, 8, ROOT), null);
    assert.equal(decodeSnapshot(bytes, 7, `${ROOT}2`), null);
    assert.equal(decodeSnapshot(Buffer.from('{"version":7}'), 7, ROOT), null);
    assert.throws(() => decodeSnapshot(bytes.subarray(0, bytes.length - 4), 7, ROOT), SnapshotFormatError);
    for (let at = 8; at < bytes.length; at++) {
      const altered = Buffer.from(bytes);
      altered[at] = altered[at]! ^ 1;
      assert.throws(() => decodeSnapshot(altered, 7, ROOT), SnapshotFormatError, `byte ${at} altered`);
    }
    // At an odd offset in memory (a Buffer from the shared pool) it reads the same.
    const shifted = Buffer.concat([Buffer.alloc(3), bytes]).subarray(3);
    assert.deepStrictEqual(decodeSnapshot(shifted, 7, ROOT), notes);
  });
});
