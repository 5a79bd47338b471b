/**
 * A note past 1 MB that changes while the vault is open is read and extracted on a worker thread;
 * the index follows it like any other edit, and the service answers meanwhile.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { VaultService } from '../../main/service';
import { tempVault, waitFor } from './helpers/temp-vault';

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

test('an edit to a 2 MB note reaches the index, and getVault answers while it is read', async () => {
  const { root, cleanup } = await tempVault();
  cleanups.push(cleanup);
  await writeFile(join(root, 'Target.md'), '# Target\n');
  await writeFile(join(root, 'Big.md'), '# Big\n\nNothing yet.\n');
  const service = new VaultService({ canOpenOther: false, cacheDir: null, search: false });
  cleanups.push(() => service.close());
  await service.openVault({ root });

  const lines = Array.from({ length: 50_000 }, (_, i) => `Line ${i + 1} of a long note links [[Target]].`);
  await writeFile(join(root, 'Big.md'), `# Big\n\n${lines.join('\n')}\n`);
  let answers = 0;
  await waitFor(
    async () => {
      if ((await service.getVault())?.notes === 2) answers++;
      const group = (await service.backlinks({ path: 'Target.md' })).linked[0];
      return group?.from === 'Big.md' && group.moreContexts === 50_000 - 20;
    },
    'the big edit to reach the index',
    60_000,
  );
  assert.ok(answers > 0);
  const [first] = (await service.backlinks({ path: 'Target.md' })).linked;
  assert.deepEqual(first?.contexts[0], { line: 3, text: 'Line 1 of a long note links Target.' });
});
