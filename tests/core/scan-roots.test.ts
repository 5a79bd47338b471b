/**
 * Sane roots: the scan visits each folder once (by device and inode), so symlink loops end and a
 * folder reached twice is listed once, under its real path; it never enters a pseudo-filesystem;
 * and a folder with more files than a vault plausibly has, or a filesystem root, is refused unless
 * the user insists.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, describe, test } from 'node:test';
import { pseudoMountsIn, underPseudoMount } from '../../main/core/pseudo-mounts';
import { scanVault, TooManyFilesError } from '../../main/core/scan';
import { VaultService } from '../../main/service';
import { tempVault } from './helpers/temp-vault';

const run = promisify(execFile);
const repo = new URL('../../', import.meta.url).pathname;
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function tree(files: Record<string, string>, links: Record<string, string> = {}): Promise<string> {
  const { root, cleanup } = await tempVault();
  cleanups.push(cleanup);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  for (const [path, target] of Object.entries(links)) await symlink(target, join(root, path));
  return root;
}

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'main/cli.ts', ...args], {
      cwd: repo,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the scan', () => {
  test('ends symlink loops and lists a folder reached twice once, under its real path', async () => {
    const root = await tree(
      { 'deep/inner/n.md': '# N\n', 'a/x.md': '# X\n', 'b/y.md': '# Y\n' },
      {
        // Sorted before `deep`: a walk that follows links as it meets them lists `inner` twice.
        'a/back-to-b': '../b',
        'a/loop': '..',
        'a/self': '.',
        'b/cycle': '../b',
        shortcut: 'deep/inner',
        'deep/inner/up': '../..',
        outside: '/tmp',
      },
    );
    const listing = await scanVault(root);
    assert.deepEqual(listing.notes, ['a/x.md', 'b/y.md', 'deep/inner/n.md']);
  });

  test('follows a link to a folder reached no other way, and a link to a file', async () => {
    // `.store` is skipped as a dot-folder, so `data` is the only way into it.
    const root = await tree({ '.store/data/o.md': '# O\n', 'f.md': '# F\n' }, { data: '.store/data', 'g.md': 'f.md' });
    const listing = await scanVault(root);
    assert.deepEqual(listing.notes, ['data/o.md', 'f.md', 'g.md']);
  });

  test('reads pseudo-filesystem mount points from mountinfo', () => {
    const mountinfo = [
      '22 28 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw',
      '23 28 0:22 / /sys rw,nosuid,nodev,noexec,relatime shared:2 - sysfs sysfs rw',
      '24 28 0:5 / /dev rw,nosuid shared:8 - devtmpfs udev rw,size=4007188k',
      '25 24 0:23 / /dev/pts rw,nosuid,noexec,relatime shared:9 - devpts devpts rw',
      '26 24 0:24 / /dev/shm rw,nosuid,nodev shared:10 - tmpfs tmpfs rw',
      '27 28 0:25 / /run rw,nosuid,nodev,noexec,relatime shared:11 - tmpfs tmpfs rw',
      '28 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw',
      '30 23 0:27 / /sys/fs/cgroup rw shared:4 - cgroup2 cgroup2 rw',
      '31 28 8:2 / /media/my\\040drive rw - ext4 /dev/sdb1 rw',
      '32 28 0:40 / /mnt/odd\\040proc rw - binfmt_misc binfmt_misc rw',
    ].join('\n');
    const points = pseudoMountsIn(mountinfo);
    assert.deepEqual([...points].sort(), [
      '/dev',
      '/dev/pts',
      '/dev/shm',
      '/mnt/odd proc',
      '/proc',
      '/sys',
      '/sys/fs/cgroup',
    ]);
    assert.ok(underPseudoMount('/proc/1/root', points));
    assert.ok(!underPseudoMount('/procedures/a.md', points));
    assert.ok(!underPseudoMount('/run/user/notes', points));
  });

  const canMount = process.platform === 'linux' && process.getuid?.() === 0;
  test(
    'never enters a proc mount inside the vault (Linux, as root)',
    { skip: !canMount && 'needs Linux and root to mount proc' },
    async () => {
      const root = await tree({ 'n.md': '# N\n', 'p/.keep': '' });
      await run('mount', ['-t', 'proc', 'proc', join(root, 'p')]);
      cleanups.push(() => run('umount', ['-l', join(root, 'p')]).then(() => undefined));
      const listing = await scanVault(root);
      assert.deepEqual(listing.notes, ['n.md']);
      assert.deepEqual(listing.attachments, []);
    },
  );

  test('stops at the file limit', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`f${i}.md`] = '# x\n';
    const root = await tree(files);
    await assert.rejects(scanVault(root, { maxFiles: 20 }), TooManyFilesError);
    assert.equal((await scanVault(root, { maxFiles: 30 })).notes.length, 30);
  });
});

describe('opening a folder too large to be a vault', () => {
  test('the CLI refuses past the limit with exit 2 and one line, and reads it with --force', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`notes/f${i}.md`] = `# F${i}\n\n[[f${(i + 1) % 30}]]\n`;
    const root = await tree(files);
    const refused = await cli(['index', root, '--json'], { CAIRN_MAX_FILES: '20' });
    assert.equal(refused.code, 2);
    assert.equal(refused.stdout, '');
    const lines = refused.stderr.trim().split('\n');
    assert.equal(lines.length, 1, refused.stderr);
    assert.match(lines[0]!, /more than 20 files.*--force/);

    const forced = await cli(['index', root, '--json', '--force'], { CAIRN_MAX_FILES: '20' });
    assert.equal(forced.code, 0, forced.stderr);
    const out = JSON.parse(forced.stdout) as { stats: { notes: number; resolved: number } };
    assert.equal(out.stats.notes, 30);
    assert.equal(out.stats.resolved, 30);
  });

  test('`npm run serve` refuses past the limit with exit 2, and serves it with --force', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 8; i++) files[`f${i}.md`] = '# x\n';
    const root = await tree(files);
    const args = [
      '--import',
      'tsx',
      'main/web/serve-cli.ts',
      '--vault',
      root,
      '--port',
      '0',
      '--no-open',
      '--no-cache',
    ];
    const env = { ...process.env, CAIRN_MAX_FILES: '5' };
    const refused = await run(process.execPath, args, { cwd: repo, env }).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    assert.equal(refused.code, 2);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /^cairn serve: .*more than 5 files.*--force/m);

    const child = spawn(process.execPath, [...args, '--force'], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
    cleanups.push(async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
    });
    const firstLine = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) done(out.split('\n')[0]!);
      });
      child.once('exit', (code) => fail(new Error(`serve exited with ${code} before printing its URL`)));
    });
    assert.match(firstLine, /^Cairn is serving .* at http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{20,}\/$/);
  });

  test('the service refuses with too-large and opens it when forced', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`f${i}.md`] = '# x\n';
    const big = await tree(files);
    const service = new VaultService({ canOpenOther: true, cacheDir: null, search: false, watch: false, maxFiles: 10 });
    cleanups.push(() => service.close());
    await assert.rejects(
      service.openVault({ root: big }),
      (err: Error & { code?: string }) => err.code === 'too-large' && /more than 10 files/.test(err.message),
    );
    const info = await service.openVault({ root: big, force: true });
    assert.equal(info.notes, 12);
  });

  test(
    '`cli index /` is refused at once with exit 2 (Linux)',
    { skip: process.platform !== 'linux' && 'the filesystem root is `/` on Linux' },
    async () => {
      const refused = await cli(['index', '/', '--json']);
      assert.equal(refused.code, 2);
      assert.equal(refused.stdout, '');
      assert.match(refused.stderr.trim(), /^cairn: \/ is the whole filesystem[^\n]*--force[^\n]*$/);
    },
  );
});
