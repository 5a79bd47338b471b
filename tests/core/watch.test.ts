import assert from 'node:assert/strict';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { VaultEvent } from '../../main/api';
import type { VaultPath } from '../../main/core/model';
import { openIndex } from '../../main/core/open-index';
import { watchVault, type WatchBatch } from '../../main/core/watch';
import { VaultSession } from '../../main/vault-session';
import { indexSnapshot } from './helpers/index-snapshot';
import { tempVault, waitFor } from './helpers/temp-vault';

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function openSession(files: Record<string, string>) {
  const { root, cleanup } = await tempVault();
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  const events: VaultEvent[] = [];
  const session = await VaultSession.open(root, { cacheDir: null, emit: (e) => events.push(e) });
  cleanups.push(cleanup, () => session.close());
  return { root, session, events };
}

/** The live index equals a fresh build of what is on disk now. */
async function assertMatchesDisk(session: VaultSession, root: string, what: string): Promise<void> {
  let last = '';
  await waitFor(async () => {
    await session.settled();
    const fresh = await openIndex(root);
    const a = JSON.stringify(indexSnapshot(session.index));
    last = JSON.stringify(indexSnapshot(fresh.index));
    return a === last;
  }, what);
  assert.deepEqual(indexSnapshot(session.index), JSON.parse(last));
}

describe('watching a vault', () => {
  it('follows creates, edits, renames and deletes of notes and folders, ending equal to a fresh build', async () => {
    const { root, session } = await openSession({ 'A.md': 'Links to [[B]] and [[Later]].\n', 'B.md': '# B\n', 'dir/C.md': 'See [[A]].\n' });
    assert.equal(session.index.links('A.md' as VaultPath)[1]?.path, null);

    await writeFile(join(root, 'Later.md'), 'Now written, links [[dir/C]].\n');
    await waitFor(() => session.index.links('A.md' as VaultPath)[1]?.path === 'Later.md', 'a created note to resolve a dangling link');

    await writeFile(join(root, 'B.md'), '# B\n\n## New heading\n\nLinks [[A#Nowhere]].\n');
    await waitFor(() => session.index.links('B.md' as VaultPath).length === 1, 'an edit to be indexed');

    await rename(join(root, 'B.md'), join(root, 'B renamed.md'));
    await waitFor(() => session.index.note('B renamed.md' as VaultPath) !== undefined && session.index.note('B.md' as VaultPath) === undefined, 'a rename as remove + add');
    assert.equal(session.index.links('A.md' as VaultPath)[0]?.path, null);

    await mkdir(join(root, 'new folder/deeper'), { recursive: true });
    await writeFile(join(root, 'new folder/deeper/D.md'), '[[A]]\n');
    await waitFor(() => session.index.note('new folder/deeper/D.md' as VaultPath) !== undefined, 'a note in a new folder');

    await rename(join(root, 'new folder'), join(root, 'moved folder'));
    await waitFor(() => session.index.note('moved folder/deeper/D.md' as VaultPath) !== undefined && session.index.note('new folder/deeper/D.md' as VaultPath) === undefined, 'a folder rename');

    await rm(join(root, 'dir'), { recursive: true });
    await waitFor(() => session.index.note('dir/C.md' as VaultPath) === undefined, 'a folder delete');

    await assertMatchesDisk(session, root, 'the live index to equal a fresh build');
  });

  it('ignores .obsidian, .git, .trash, node_modules and other dot-folders', async () => {
    const { root, session } = await openSession({ 'A.md': 'x' });
    for (const dir of ['.obsidian', '.git', '.trash', 'node_modules', '.hidden']) {
      await mkdir(join(root, dir), { recursive: true });
      await writeFile(join(root, dir, 'note.md'), '[[A]]');
    }
    await writeFile(join(root, 'visible.md'), '[[A]]');
    await waitFor(() => session.index.note('visible.md' as VaultPath) !== undefined, 'the visible note');
    await session.settled();
    assert.deepEqual(session.index.notes().map((n) => n.path).sort(), ['A.md', 'visible.md']);
  });

  it('coalesces a burst of hundreds of writes into a few batches', async () => {
    const { root, cleanup } = await tempVault();
    cleanups.push(cleanup);
    const batches: WatchBatch[] = [];
    const watcher = watchVault(root, { onBatch: (b) => batches.push(b), onVaultMissing: () => {} });
    cleanups.push(() => watcher.close());
    await watcher.ready;
    await Promise.all(Array.from({ length: 300 }, (_, i) => writeFile(join(root, `n${i}.md`), `note ${i} [[n${(i + 1) % 300}]]`)));
    await waitFor(() => batches.reduce((s, b) => s + b.upserted.size, 0) >= 300, 'all 300 files');
    assert.ok(batches.length <= 10, `${batches.length} batches for 300 writes`);
  });

  it('indexes the last of two quick writes to one note (chokidar drops the second change)', async () => {
    const { root, session } = await openSession({ 'A.md': 'First [[B]].\n', 'B.md': '', 'C.md': '' });
    for (let round = 0; round < 4; round++) {
      // An editor saving twice in a row: the second write lands inside chokidar's 50 ms throttle.
      await writeFile(join(root, 'A.md'), `Round ${round} links [[B]].\n`);
      await new Promise((r) => setTimeout(r, 15));
      await writeFile(join(root, 'A.md'), `Round ${round} links [[C]].\n`);
      await waitFor(() => session.index.links('A.md' as VaultPath)[0]?.path === 'C.md', `round ${round}: the second write to be indexed`);
      await writeFile(join(root, 'A.md'), 'Back to [[B]].\n');
      await waitFor(() => session.index.links('A.md' as VaultPath)[0]?.path === 'B.md', `round ${round}: the reset to be indexed`);
    }
  });

  it('reports the vault folder vanishing', async () => {
    const { root, events } = await openSession({ 'A.md': 'x' });
    await rm(root, { recursive: true, force: true });
    await waitFor(() => events.some((e) => e.type === 'vault-missing'), 'a vault-missing event');
  });

  it('sends a changed event whose delta names the edited note', async () => {
    const { root, events } = await openSession({ 'A.md': 'x', 'B.md': 'y' });
    await writeFile(join(root, 'A.md'), 'now links [[B]]');
    await waitFor(() => events.some((e) => e.type === 'changed' && e.delta.notesUpserted.includes('A.md' as VaultPath)), 'a changed event');
    const changed = events.find((e) => e.type === 'changed');
    assert.ok(changed?.type === 'changed' && changed.delta.edgesUpserted.some((e) => e.source === 'A.md' && e.target === 'B.md'));
  });
});
