/**
 * The churn case, end to end against the real watcher and service: bursts of new notes, renames, a
 * folder rename, deletes, rapid edits, atomic saves (temp file + rename) and `git checkout`s between
 * two branches. After each phase the live index must equal a fresh index of the folder, compared
 * through the shape `cli index --json` prints. Polls with deadlines, no fixed sleeps.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, test } from 'node:test';
import { openIndex } from '../../main/core/open-index';
import { VaultService } from '../../main/service';
import { cliIndexShape } from './helpers/cli-shape';
import { tempVault, waitFor } from './helpers/temp-vault';

const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

function note(i: number, version = 0): string {
  const links = [`[[n${(i * 7 + 1) % 600}]]`, `[[n${(i * 13 + 5) % 600}#Part ${version}]]`, `[[missing ${i % 17}]]`];
  return `---\ntags: [t${i % 5}]\n---\n# Note ${i} v${version}\n\n## Part ${version}\n\nSee ${links.join(' and ')}.\n<a class="yt-timestamp" data-t="00:0${i % 10}:1${version % 10}">x</a>\n`;
}

async function git(root: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(
    'git',
    ['-c', 'user.name=Cairn Test', '-c', 'user.email=test@cairn.invalid', '-c', 'core.hooksPath=/dev/null', ...args],
    { cwd: root },
  );
  return stdout;
}

test('the live index equals a fresh index of the folder after every kind of churn', { timeout: 600_000 }, async () => {
  const { root, cleanup } = await tempVault();
  cleanups.push(cleanup);
  await mkdir(join(root, 'seed'));
  for (let i = 0; i < 40; i++) await writeFile(join(root, 'seed', `n${i}.md`), note(i));
  const service = new VaultService({ canOpenOther: false, cacheDir: null, search: false });
  cleanups.push(() => service.close());
  await service.openVault({ root });
  const session = service.current!;

  let phase = '';
  let last = '';
  const settle = async (what: string) => {
    phase = what;
    await waitFor(
      async () => {
        await session.settled();
        const fresh = JSON.stringify(cliIndexShape((await openIndex(root)).index));
        last = JSON.stringify(cliIndexShape(session.index));
        return fresh === last;
      },
      `the live index to equal a fresh one after ${what}`,
      60_000,
    ).catch(async (err: unknown) => {
      // Say what differs, not just that it does.
      assert.deepEqual(JSON.parse(last), cliIndexShape((await openIndex(root)).index), `${phase}: ${String(err)}`);
      throw err;
    });
  };
  const count = async () => (await service.listNotes()).length;

  // 500 new notes in a burst, in new folders.
  await Promise.all(
    Array.from({ length: 500 }, async (_, k) => {
      const i = 40 + k;
      const dir = join(root, 'burst', `d${i % 10}`);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, `n${i}.md`), note(i));
    }),
  );
  await settle('a burst of 500 new notes');
  assert.equal(await count(), 540);

  // 100 renames, within and across folders.
  for (let k = 0; k < 100; k++) {
    const i = 40 + k * 5;
    await rename(
      join(root, 'burst', `d${i % 10}`, `n${i}.md`),
      join(root, 'burst', `d${(i + 1) % 10}`, `renamed ${i}.md`),
    );
  }
  await settle('100 renames');

  // A folder rename: every note under it moves at once.
  await rename(join(root, 'burst', 'd3'), join(root, 'moved d3'));
  await settle('a folder rename');

  // 100 deletes.
  for (let k = 0; k < 100; k++) {
    const i = 41 + k * 5;
    const dir = i % 10 === 3 ? join(root, 'moved d3') : join(root, 'burst', `d${i % 10}`);
    await rm(join(dir, `n${i}.md`));
  }
  await settle('100 deletes');
  assert.equal(await count(), 440);

  // Rapid edits: each of 20 notes rewritten five times in a row.
  for (let v = 1; v <= 5; v++) for (let i = 0; i < 20; i++) await writeFile(join(root, 'seed', `n${i}.md`), note(i, v));
  await settle('rapid edits');

  // Atomic saves: write a temp file beside the note, then rename it over the note.
  for (let i = 20; i < 40; i++) {
    const temp = i % 2 ? join(root, 'seed', `.n${i}.md.swp`) : join(root, 'seed', `n${i}.md.${1000 + i}.tmp`);
    await writeFile(temp, note(i, 7));
    await rename(temp, join(root, 'seed', `n${i}.md`));
  }
  await settle('atomic saves');

  // Two branches of a git repository, checked out back and forth.
  await git(root, 'init', '-q', '-b', 'main');
  await git(root, 'add', '-A');
  await git(root, 'commit', '-q', '-m', 'main');
  await git(root, 'checkout', '-q', '-b', 'other');
  await rm(join(root, 'burst', 'd5'), { recursive: true });
  for (let i = 0; i < 30; i++) await writeFile(join(root, 'seed', `n${i}.md`), note(i, 9));
  await mkdir(join(root, 'other only'));
  for (let i = 600; i < 660; i++) await writeFile(join(root, 'other only', `n${i}.md`), note(i, 3));
  await git(root, 'add', '-A');
  await git(root, 'commit', '-q', '-m', 'other');
  await settle('the edits on the second branch');
  const onOther = await count();
  for (const branch of ['main', 'other', 'main', 'other']) {
    await git(root, 'checkout', '-q', branch);
    await settle(`git checkout ${branch}`);
  }
  assert.equal(await count(), onOther);
  await git(root, 'checkout', '-q', 'main');
  await settle('git checkout main, last');
  assert.equal(await count(), 440);
});
