import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { VaultPath } from '../../main/core/model';
import { loadNotes } from '../../main/core/parse-pool';
import { generateNote } from '../../bench/generate-vault';
import { tempVault } from './helpers/temp-vault';

const cleanups: (() => Promise<void>)[] = [];
after(async () => Promise.all(cleanups.map((c) => c())));

describe('the parse pool', () => {
  it('gives the same records on worker threads as on this thread, reporting progress up to the total', async () => {
    const { root, cleanup } = await tempVault();
    cleanups.push(cleanup);
    const paths: VaultPath[] = [];
    for (let i = 0; i < 150; i++) {
      const note = generateNote(i, 150);
      await mkdir(join(root, note.path, '..'), { recursive: true });
      await writeFile(join(root, note.path), note.source);
      paths.push(note.path as VaultPath);
    }
    const progress: [number, number][] = [];
    const inWorkers = await loadNotes(root, paths, (done, total) => progress.push([done, total]), { workers: 2 });
    const inProcess = await loadNotes(root, paths, () => {}, { workers: 0 });
    assert.deepEqual([...inWorkers.values()].map((n) => n.record), [...inProcess.values()].map((n) => n.record));
    assert.equal(inWorkers.size, 150);
    assert.deepEqual(progress.at(-1), [150, 150]);
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i]![0] > progress[i - 1]![0]);
  });
});
