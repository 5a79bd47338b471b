/**
 * A vault folder that goes away comes back: deleted with `rm -rf` and recreated by a sync tool,
 * renamed away and back, or a drive unmounted and mounted again. Meanwhile the service says so and
 * keeps what it showed; afterwards it has read the folder again and the watcher follows it.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, describe, test } from 'node:test';
import type { VaultEvent } from '../../main/api';
import { openIndex } from '../../main/core/open-index';
import { VaultService } from '../../main/service';
import { indexSnapshot } from './helpers/index-snapshot';
import { tempVault, waitFor } from './helpers/temp-vault';

const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function writeNotes(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

async function openService(root: string) {
  const events: VaultEvent[] = [];
  const service = new VaultService({ canOpenOther: false, cacheDir: null, search: false, rootCheckMs: 100 });
  service.onEvent((e) => events.push(e));
  await service.openVault({ root });
  cleanups.push(() => service.close());
  return { service, events };
}

async function notePaths(service: VaultService): Promise<string[]> {
  return (await service.listNotes()).map((n) => n.path);
}

/** The live index equals a fresh build of the folder as it is now. */
async function assertMatchesDisk(service: VaultService, root: string): Promise<void> {
  await service.current!.settled();
  const fresh = await openIndex(root);
  assert.deepEqual(indexSnapshot(service.current!.index), indexSnapshot(fresh.index));
}

describe('a vault folder that goes away', () => {
  test('deleted with rm -rf and recreated with other notes: missing, kept, then read again and watched', async () => {
    const { root, cleanup } = await tempVault();
    cleanups.push(cleanup);
    await writeNotes(root, { 'A.md': 'A links [[B]].\n', 'B.md': '# B\n', 'deep/C.md': 'C links [[A]].\n' });
    const { service, events } = await openService(root);
    assert.deepEqual(await notePaths(service), ['A.md', 'B.md', 'deep/C.md']);

    await run('rm', ['-rf', root]);
    await waitFor(async () => (await service.getVault())?.missing === true, 'getVault to say the folder is missing');
    assert.ok(events.some((e) => e.type === 'vault-missing' && e.root === service.current!.root));
    // What was shown stays: the notes, their links and backlinks.
    assert.deepEqual(await notePaths(service), ['A.md', 'B.md', 'deep/C.md']);
    assert.deepEqual(
      (await service.backlinks({ path: 'B.md' })).linked.map((g) => g.from),
      ['A.md'],
    );

    await writeNotes(root, { 'X.md': 'X links [[Y]] and [[A]].\n', 'Y.md': '# Y\n' });
    await waitFor(async () => (await service.getVault())?.missing === false, 'getVault to say the folder is back');
    assert.ok(events.some((e) => e.type === 'vault-restored'));
    assert.deepEqual(await notePaths(service), ['X.md', 'Y.md']);
    await assertMatchesDisk(service, root);
    assert.deepEqual(
      (await service.unresolved({ target: 'A' }))[0]?.linkers.map((g) => g.from),
      ['X.md'],
    );

    // The watcher is armed again: a later edit and a new note are picked up.
    await writeFile(join(root, 'Y.md'), '# Y\n\nY links [[Z]].\n');
    await writeFile(join(root, 'Z.md'), '# Z\n');
    await waitFor(
      async () => (await service.backlinks({ path: 'Z.md' }).catch(() => null))?.linked.length === 1,
      'the edit after the return',
    );
    await assertMatchesDisk(service, root);
  });

  test('renamed away and back: missing, then read again with what changed meanwhile', async () => {
    const { root, cleanup } = await tempVault();
    const away = `${root}-away`;
    cleanups.push(cleanup, () => rm(away, { recursive: true, force: true }));
    await writeNotes(root, { 'A.md': 'A links [[B]].\n', 'B.md': '# B\n' });
    const { service } = await openService(root);

    await rename(root, away);
    await waitFor(async () => (await service.getVault())?.missing === true, 'the rename to be noticed');
    await writeFile(join(away, 'B.md'), '# B\n\nB links [[C]].\n');
    await writeFile(join(away, 'C.md'), '# C\n');
    await rename(away, root);
    await waitFor(async () => (await service.getVault())?.missing === false, 'the folder to be back');
    assert.deepEqual(await notePaths(service), ['A.md', 'B.md', 'C.md']);
    await assertMatchesDisk(service, root);
    await writeFile(join(root, 'D.md'), 'D links [[C]].\n');
    await waitFor(
      async () => (await service.backlinks({ path: 'C.md' })).linked.length === 2,
      'an edit after the return',
    );
  });

  const canMount = process.platform === 'linux' && process.getuid?.() === 0;
  test(
    'a drive unmounted and mounted again (Linux, as root: tmpfs)',
    { skip: !canMount && 'needs Linux and root to mount tmpfs' },
    async () => {
      const parent = await mkdtemp(join(tmpdir(), 'cairn-mount-'));
      const root = join(parent, 'drive');
      await mkdir(root);
      const mount = () => run('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'cairn-test', root]);
      let mounted = false;
      cleanups.push(async () => {
        if (mounted) await run('umount', ['-l', root]).catch(() => undefined);
        await rm(parent, { recursive: true, force: true });
      });
      await mount();
      mounted = true;
      await writeNotes(root, { 'A.md': 'A links [[B]].\n', 'B.md': '# B\n' });
      const { service } = await openService(root);

      await run('umount', [root]);
      mounted = false;
      await waitFor(async () => (await service.getVault())?.missing === true, 'the unmount to be noticed');
      // The empty mount point left behind is not the vault: what was shown stays.
      assert.deepEqual(await notePaths(service), ['A.md', 'B.md']);

      await mount();
      mounted = true;
      await writeNotes(root, { 'A.md': 'A links [[B]].\n', 'B.md': '# B\n', 'C.md': 'C links [[B]].\n' });
      await waitFor(async () => (await service.getVault())?.missing === false, 'the remount to be noticed');
      assert.deepEqual(await notePaths(service), ['A.md', 'B.md', 'C.md']);
      await assertMatchesDisk(service, root);
      await writeFile(join(root, 'D.md'), 'D links [[B]].\n');
      await waitFor(
        async () => (await service.backlinks({ path: 'B.md' })).linked.length === 3,
        'an edit after the remount',
      );
    },
  );
});
