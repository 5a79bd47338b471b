/**
 * Notes cross from parse workers and from the warm-start snapshot in a packed form; what arrives
 * must be exactly what was extracted, and a snapshot must only ever be trusted for unchanged files.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { realpath, rm, utimes, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { CACHE_VERSION, readSnapshot, writeSnapshot } from '../../main/core/cache';
import { parseNoteSource, type LoadedNote } from '../../main/core/load-note';
import type { VaultPath } from '../../main/core/model';
import { packNotes, unpackNotes } from '../../main/core/note-codec';
import { openIndex } from '../../main/core/open-index';
import { indexSnapshot } from './helpers/index-snapshot';
import { noteArbitrary } from './extract/note-grammar';
import { notesUnder } from './helpers/notes-under';
import { tempVault } from './helpers/temp-vault';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const cleanups: (() => Promise<void>)[] = [];
after(async () => Promise.all(cleanups.map((c) => c())));

function loaded(path: string, source: string, i: number): LoadedNote {
  return { record: parseNoteSource(path as VaultPath, source), mtimeMs: 1_700_000_000_000 + i + 0.25, ctimeMs: 1_700_000_100_000 + i + 0.5, size: source.length };
}

/** Packed, through JSON as it really travels, and back. */
function roundTrip(notes: (LoadedNote | null)[]): (LoadedNote | null)[] {
  return unpackNotes(JSON.parse(JSON.stringify(packNotes(notes))));
}

describe('packed notes', () => {
  it('arrive equal to what was extracted: the sample vault, the fixtures, vanished files', () => {
    const files = [...notesUnder(join(repo, 'vault')), ...notesUnder(join(repo, 'tests/fixtures'))];
    const notes = files.map((file, i) => loaded(relative(repo, file), readFileSync(file, 'utf8'), i));
    const withGaps = [null, ...notes.slice(0, 10), null, ...notes.slice(10)];
    const kinds = new Set(notes.flatMap((n) => n.record.timestamps.map((t) => t.kind)));
    assert.deepEqual([...kinds].sort(), ['anchor', 'bare', 'url'], 'the inputs cover every timestamp kind');
    assert.ok(notes.some((n) => n.record.links.some((l) => l.kind === 'markdown' && l.embed)), 'the inputs cover markdown embeds');
    assert.ok(notes.some((n) => n.record.problems.length > 0), 'the inputs cover problems');
    assert.deepStrictEqual(roundTrip(withGaps), withGaps);
  });

  it('arrive equal on generated notes', () => {
    fc.assert(
      fc.property(fc.array(noteArbitrary, { maxLength: 4 }), (sources) => {
        const notes = sources.map((s, i) => loaded(`gen/${i}.md`, s, i));
        assert.deepStrictEqual(roundTrip(notes), notes);
      }),
      { numRuns: 300 },
    );
  });

  it('refuse what packNotes could not have written', () => {
    const [good] = packNotes([loaded('a.md', 'x [[y]] <a class="yt-timestamp" data-t="00:01">[00:01]</a>', 0)]);
    assert.ok(good);
    assert.throws(() => unpackNotes({ notes: [] }));
    assert.throws(() => unpackNotes([good.slice(0, 15)]));
    const shortLinks = [...good];
    shortLinks[12] = (good[12] as unknown[]).slice(0, 4) as never;
    assert.throws(() => unpackNotes([shortLinks]));
    const badKind = [...good];
    badKind[13] = [1, '00:01', null, 7, 1];
    assert.throws(() => unpackNotes([badKind]));
    const noAliasList = [...good];
    noAliasList[4] = 'Alias' as never;
    assert.throws(() => unpackNotes([noAliasList]));
    const noPath = [...good];
    noPath[0] = 7 as never;
    assert.throws(() => unpackNotes([noPath]));
    assert.deepEqual(unpackNotes([good, null]).length, 2);
  });
});

/** A copy of the basic fixture vault (by its real path) and a snapshot file beside it, both removed after the tests. */
async function vaultWithSnapshotFile(): Promise<{ root: string; snapshotFile: string }> {
  const { root: made, cleanup } = await tempVault('basic');
  cleanups.push(cleanup);
  const root = await realpath(made);
  const snapshotFile = join(root, '..', `${Math.random().toString(36).slice(2)}.index.json`);
  cleanups.push(() => rm(snapshotFile, { force: true }));
  return { root, snapshotFile };
}

describe('the warm-start snapshot', () => {
  it('is used for unchanged files only, and gives the index a fresh open would', async () => {
    const { root, snapshotFile } = await vaultWithSnapshotFile();

    const first = await openIndex(root, { snapshotFile });
    assert.equal(first.fromCache, 0);
    await writeSnapshot(snapshotFile, root, first.notes.values());
    assert.ok(first.notes.size >= 3, 'the fixture has notes to cache');

    const warm = await openIndex(root, { snapshotFile });
    assert.equal(warm.fromCache, first.notes.size);
    assert.deepEqual(indexSnapshot(warm.index), indexSnapshot(first.index));

    // One note edited (new size and mtime), one deleted: both read from disk, the rest from the snapshot.
    const [edited, deleted] = [...first.notes.keys()];
    await writeFile(join(root, edited!), '# Rewritten\n\nNow links [[Nowhere at all]].\n');
    await utimes(join(root, edited!), new Date(), new Date(Date.now() + 5000));
    await rm(join(root, deleted!));
    const after = await openIndex(root, { snapshotFile });
    assert.equal(after.fromCache, first.notes.size - 2);
    const fresh = await openIndex(root);
    assert.deepEqual(indexSnapshot(after.index), indexSnapshot(fresh.index));
    assert.ok(after.index.unresolved().has('Nowhere at all'));
  });

  it('is ignored when torn, foreign or from another vault', async () => {
    const { root, snapshotFile: file } = await vaultWithSnapshotFile();
    const { notes } = await openIndex(root);
    await writeSnapshot(file, root, notes.values());
    assert.equal((await readSnapshot(file, root))?.size, notes.size);
    assert.equal(await readSnapshot(file, `${root}-elsewhere`), null);
    const bytes = readFileSync(file);
    await writeFile(file, bytes.subarray(0, bytes.length / 2));
    assert.equal(await readSnapshot(file, root), null, 'a torn snapshot is not trusted');
    await writeFile(file, bytes.subarray(0, bytes.length - 1));
    assert.equal(await readSnapshot(file, root), null, 'a snapshot one byte short is not trusted');
    for (const at of [48, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const altered = Buffer.from(bytes);
      altered[at] = altered[at]! ^ 0x20;
      await writeFile(file, altered);
      assert.equal(await readSnapshot(file, root), null, `a snapshot with byte ${at} altered is not trusted`);
    }
    await writeFile(file, JSON.stringify({ version: 1, root, notes: [...notes.values()] }));
    assert.equal(await readSnapshot(file, root), null, 'a snapshot in an old format is not trusted');
    await writeFile(file, JSON.stringify({ version: 3, root, notes: packNotes([...notes.values()]) }));
    assert.equal(await readSnapshot(file, root), null, 'a snapshot in the JSON format of version 3 is not trusted');
    const otherVersion = Buffer.from(bytes);
    otherVersion.writeUInt32LE(CACHE_VERSION + 1, 4);
    await writeFile(file, otherVersion);
    assert.equal(await readSnapshot(file, root), null, 'a snapshot of another version is not trusted');
    await writeFile(file, bytes);
    assert.equal((await readSnapshot(file, root))?.size, notes.size, 'the intact file still reads');
  });
});
