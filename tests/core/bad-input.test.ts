import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { mkdir, symlink, writeFile, unlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readSnapshot } from '../../main/core/cache';
import type { VaultPath } from '../../main/core/model';
import { openIndex } from '../../main/core/open-index';
import { loadNotes } from '../../main/core/parse-pool';
import { readNoteFile, readVaultFile, readVaultFileSync } from '../../main/core/read-note';
import { readCache } from '../../main/core/search/search-cache';
import { tempVault } from './helpers/temp-vault';

const cleanups: (() => Promise<void>)[] = [];
after(async () => Promise.all(cleanups.map((c) => c())));

async function vaultWith(files: Record<string, string | Buffer>): Promise<string> {
  const { root, cleanup } = await tempVault();
  cleanups.push(cleanup);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/** Seeded noise (mulberry32) with no NUL byte in it, so only the new sniffing can call it binary. */
function noiseWithoutNul(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  let a = seed >>> 0;
  for (let i = 0; i < size; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    bytes[i] = (((t ^ (t >>> 14)) >>> 0) % 255) + 1;
  }
  return bytes;
}

/**
 * Runs `read` against a FIFO and fails if it has not settled within `ms`. A reader that blocks in
 * `open` would hold its thread for good, so on a timeout the FIFO is opened for writing once, which
 * releases the blocked reader and lets this test process end with a plain failure instead of a hang.
 */
async function settlesPromptly<T>(fifo: string, read: () => Promise<T>, ms = 3000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), ms)));
  const result = await Promise.race([read(), timeout]);
  clearTimeout(timer);
  if (result === 'timeout') {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // nobody was waiting on it
    }
    assert.fail(`reading the FIFO ${fifo} did not settle within ${ms} ms`);
  }
  return result;
}

describe('bad input never crashes the index', () => {
  it('indexes a note with invalid YAML and records the problem with its line', async () => {
    const root = await vaultWith({ 'bad.md': '---\ntitle: [unclosed\ntags: x\n---\n\nBody links [[Other]].\n', 'Other.md': 'x' });
    const { index } = await openIndex(root);
    const note = index.note('bad.md' as VaultPath)!;
    assert.equal(note.problems[0]?.code, 'yaml');
    assert.ok((note.problems[0]?.line ?? 0) >= 2);
    assert.equal(note.title, 'bad');
    assert.equal(index.links(note.path)[0]?.path, 'Other.md');
  });

  it('records a binary file with an .md name as a problem and reads nothing from it', async () => {
    const root = await vaultWith({ 'blob.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x5b, 0x5b, 0x78, 0x5d, 0x5d]) });
    const { index } = await openIndex(root);
    const note = index.note('blob.md' as VaultPath)!;
    assert.deepEqual(note.problems.map((p) => p.code), ['binary']);
    assert.deepEqual(note.links, []);
  });

  it('records 2 MB of random bytes without a NUL as binary, with no tags or links', async () => {
    const noise = noiseWithoutNul(2 * 1024 * 1024, 15);
    assert.ok(!noise.includes(0));
    const root = await vaultWith({ 'noise.md': noise });
    const { index } = await openIndex(root);
    const note = index.note('noise.md' as VaultPath)!;
    assert.deepEqual(note.problems.map((p) => p.code), ['binary']);
    assert.match(note.problems[0]!.message, /control bytes or invalid UTF-8/);
    assert.deepEqual([note.tags, note.links, note.headings, note.timestamps], [[], [], [], []]);
  });

  it('keeps a Latin-1 page of prose and a note with stray control bytes readable as text', async () => {
    const french = 'Le café où l’on parlait de [[Target]] était fermé; même les élèves déçus y allaient. #lecture\n'.replace('’', "'");
    const root = await vaultWith({
      'latin1-page.md': Buffer.from(french.repeat(80), 'latin1'),
      'controls.md': '# Log\n\nA pasted line \x1b[31mred\x1b[0m, a stray \x07 bell, a \x0b tab and [[Target]].\n',
    });
    const { index } = await openIndex(root);
    const latin = index.note('latin1-page.md' as VaultPath)!;
    assert.deepEqual(latin.problems.map((p) => p.code), ['encoding']);
    assert.deepEqual(latin.tags, ['lecture']);
    assert.equal(latin.links[0]?.target, 'Target');
    const controls = index.note('controls.md' as VaultPath)!;
    assert.deepEqual(controls.problems, []);
    assert.equal(controls.headings[0]?.text, 'Log');
    assert.equal(controls.links[0]?.target, 'Target');
  });

  it('reads non-UTF-8 text with replacement characters and says so', async () => {
    const root = await vaultWith({ 'latin1.md': Buffer.from('Caf\xe9 links [[Target]].\n', 'latin1') });
    const { index } = await openIndex(root);
    const note = index.note('latin1.md' as VaultPath)!;
    assert.equal(note.problems[0]?.code, 'encoding');
    assert.equal(note.links[0]?.target, 'Target');
  });

  it('reads UTF-16 with a byte-order mark', async () => {
    const text = '# Heading\n\nSee [[Target]].\n';
    const root = await vaultWith({ 'utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    const { index } = await openIndex(root);
    const note = index.note('utf16.md' as VaultPath)!;
    assert.deepEqual(note.problems, []);
    assert.equal(note.headings[0]?.text, 'Heading');
  });

  it('indexes an empty file as a note with no content', async () => {
    const root = await vaultWith({ 'empty.md': '' });
    const { index } = await openIndex(root);
    const note = index.note('empty.md' as VaultPath)!;
    assert.equal(note.title, 'empty');
    assert.deepEqual([note.links, note.problems], [[], []]);
  });

  it('indexes a 20 MB note and records that search reads only part of it', async () => {
    const line = 'A long line of prose that mentions [[Target]] and a #tag now and then.\n';
    const body = line.repeat(Math.ceil((20 * 1024 * 1024) / line.length));
    const root = await vaultWith({ 'huge.md': body, 'Target.md': 'x' });
    const { index } = await openIndex(root);
    const note = index.note('huge.md' as VaultPath)!;
    assert.ok(note.problems.some((p) => p.code === 'too-large'));
    assert.ok(note.links.length > 100_000);
    assert.equal(index.backlinks('Target.md' as VaultPath).get('huge.md' as VaultPath), note.links.length);
  });

  it('refuses a FIFO named like a note, or in place of a cache file, at once and without blocking', async () => {
    const root = await vaultWith({ 'real.md': '# Real\n' });
    for (const name of ['pipe.md', 'index.json', 'search.bin']) execFileSync('mkfifo', [join(root, name)]);
    const fifo = join(root, 'pipe.md');
    for (const read of [() => readVaultFile(root, 'pipe.md'), () => readNoteFile(fifo), async () => readVaultFileSync(root, 'pipe.md')]) {
      const result = await settlesPromptly(fifo, read);
      assert.equal(result.source, '');
      assert.deepEqual(result.problems.map((p) => p.code), ['unreadable']);
      assert.match(result.problems[0]!.message, /Not a regular file/);
    }
    // The parse workers (the sync reader) on a listing that names the FIFO: it is a problem, the rest is read.
    const notes = await settlesPromptly(fifo, () => loadNotes(root, ['real.md', 'pipe.md'] as VaultPath[]));
    assert.equal(notes.get('real.md' as VaultPath)?.record.headings[0]?.text, 'Real');
    assert.deepEqual(notes.get('pipe.md' as VaultPath)?.record.problems.map((p) => p.code), ['unreadable']);
    // A warm-start snapshot or search cache that is a FIFO reads as no cache: the vault is rebuilt.
    assert.equal(await settlesPromptly(join(root, 'index.json'), () => readSnapshot(join(root, 'index.json'), root)), null);
    assert.equal(await settlesPromptly(join(root, 'search.bin'), () => readCache(join(root, 'search.bin'), root)), null);
  });

  it('refuses a socket named like a note as not a regular file', async () => {
    const root = await vaultWith({});
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(root, 'socket.md'), done));
    try {
      for (const result of [await readVaultFile(root, 'socket.md'), readVaultFileSync(root, 'socket.md')]) {
        assert.equal(result.exists, true);
        assert.deepEqual(result.problems.map((p) => p.code), ['unreadable']);
        assert.match(result.problems[0]!.message, /Not a regular file/);
      }
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it('treats a file that vanishes between listing and reading as gone', async () => {
    const root = await vaultWith({ 'here.md': 'x', 'gone.md': 'y' });
    await unlink(join(root, 'gone.md'));
    const notes = await loadNotes(root, ['here.md', 'gone.md'] as VaultPath[]);
    assert.deepEqual([...notes.keys()], ['here.md']);
  });

  it('survives a symlink loop and never follows links out of the vault', async () => {
    const root = await vaultWith({ 'a/note.md': 'in a' });
    const outside = await vaultWith({ 'secret.md': 'outside' });
    await symlink(join(root, 'a'), join(root, 'a', 'loop'));
    await symlink(root, join(root, 'a', 'up'));
    await symlink(outside, join(root, 'escape'));
    await symlink(join(outside, 'secret.md'), join(root, 'secret-link.md'));
    const { index } = await openIndex(root);
    assert.deepEqual(index.notes().map((n) => n.path).sort(), ['a/note.md']);
  });

  it('finds notes named in NFD as NFC, and resolves links written either way', async () => {
    const nfd = 'Cafe\u0301 notes.md';
    const root = await vaultWith({ [nfd]: '# Café\n', 'links.md': '[[Café notes]] and [[Cafe\u0301 notes]]\n' });
    const { index } = await openIndex(root);
    const paths = index.notes().map((n) => n.path);
    assert.ok(paths.includes('Café notes.md' as VaultPath));
    assert.deepEqual(index.links('links.md' as VaultPath).map((l) => l.path), ['Café notes.md', 'Café notes.md']);
  });

  it('handles spaces and # in file names', async () => {
    const root = await vaultWith({ 'C# and F# tips.md': 'x', 'Data stack/Event ingestion.md': 'y', 'links.md': '[[C# and F# tips]] [[Event ingestion]] [x](Data%20stack/Event%20ingestion.md) [y](C%23%20and%20F%23%20tips.md)\n' });
    const { index } = await openIndex(root);
    const links = index.links('links.md' as VaultPath);
    // `#` in a wikilink starts a heading, as in Obsidian: `[[C# and F# tips]]` names the note "C".
    assert.equal(links[0]?.target, 'C');
    assert.equal(links[0]?.path, null);
    assert.equal(links[1]?.path, 'Data stack/Event ingestion.md');
    assert.equal(links[2]?.path, 'Data stack/Event ingestion.md');
    // A markdown link percent-encodes the `#`, so it reaches the file.
    assert.equal(links[3]?.path, 'C# and F# tips.md');
  });
});
