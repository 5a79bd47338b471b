import assert from 'node:assert/strict';
import { mkdir, symlink, writeFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { VaultPath } from '../../main/core/model';
import { openIndex } from '../../main/core/open-index';
import { loadNotes } from '../../main/core/parse-pool';
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
