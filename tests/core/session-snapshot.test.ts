/**
 * A session saves its warm-start snapshot where the next session looks for it, and drops the JSON
 * snapshot earlier versions left in the cache folder.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readSnapshot, vaultCacheFile } from '../../main/core/cache';
import { openIndex } from '../../main/core/open-index';
import { VaultSession } from '../../main/vault-session';
import { indexSnapshot } from './helpers/index-snapshot';
import { tempVault, waitFor } from './helpers/temp-vault';

const cleanups: (() => Promise<void>)[] = [];
after(async () => Promise.all(cleanups.map((c) => c())));

describe('a session', () => {
  it('saves the snapshot the next session opens from, and removes the old JSON one', async () => {
    const { root: made, cleanup } = await tempVault('basic');
    cleanups.push(cleanup);
    const root = await realpath(made);
    const cacheDir = await mkdtemp(join(tmpdir(), 'cairn-cache-'));
    cleanups.push(() => rm(cacheDir, { recursive: true, force: true }));
    const legacy = vaultCacheFile(cacheDir, root, 'index.json');
    await writeFile(legacy, JSON.stringify({ version: 3, root, notes: [] }));

    const first = await VaultSession.open(root, { cacheDir, emit: () => {}, watch: false });
    const file = vaultCacheFile(cacheDir, root, 'index.snapshot');
    await waitFor(() => existsSync(file) && !existsSync(legacy), 'the snapshot to be saved and the old one removed');
    await first.close();

    const cold = await openIndex(root);
    assert.equal((await readSnapshot(file, root))?.size, cold.notes.size);
    const second = await VaultSession.open(root, { cacheDir, emit: () => {}, watch: false });
    assert.deepEqual(indexSnapshot(second.index), indexSnapshot(cold.index));
    await second.close();
  });
});
