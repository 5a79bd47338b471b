/**
 * Obsidian Flavored Markdown through the CLI, on a vault written to a temp folder: what `%% comments %%`
 * hide, how heading subpaths match, and what properties add, as `index --json` and `backlinks --json` report.
 */
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cli } from './helpers/cli';
import { tempVault } from './helpers/temp-vault';

const files: Record<string, string> = {
  'README.md': '# Hub\n\n## What is the Obsidian Hub?\n\nText.\n',
  'author.md': '# Author\n\nNo sponsor section here.\n',
  'Notes/Plugin.md': [
    '# Plugin',
    '',
    '%% ![[author#Sponsor this author]] %%',
    '',
    '%%',
    '#placeholder/author [[Ghost in comment]]',
    '%%',
    '',
    'See ![[README#What is the Obsidian Hub]] and #real.',
  ].join('\n'),
  'Projects/Cairn.md': [
    '---',
    'related: "[[author]]"',
    'up:',
    '  - "[[README#What is the Obsidian Hub|hub]]"',
    '  - ',
    'tags:',
    '  - ',
    '  - project',
    '---',
    'Body text.',
  ].join('\n'),
};

interface IndexedLink {
  target: string;
  path: string | null;
  subpath: string | null;
  subpathFound: boolean | null;
  line: number;
}

describe('Obsidian syntax through the CLI', () => {
  let root = '';
  let cleanup: () => Promise<void> = async () => {};

  before(async () => {
    ({ root, cleanup } = await tempVault());
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
  });
  after(() => cleanup());

  it('counts no subpath miss and no tag for a commented-out embed, and finds a heading ending in ?', async () => {
    const { code, stdout } = await cli('index', root, '--json');
    assert.equal(code, 0);
    const out = JSON.parse(stdout);
    assert.equal(out.stats.subpathMisses, 0);
    assert.equal(out.stats.tags, 2);
    assert.deepEqual(out.unresolved, {});
    const note = out.notes.find((n: { path: string }) => n.path === 'Notes/Plugin.md');
    assert.deepEqual(note.tags, ['real']);
    assert.deepEqual(
      note.links.map((l: IndexedLink) => [l.target, l.path, l.subpath, l.subpathFound, l.line]),
      [['README', 'README.md', 'What is the Obsidian Hub', true, 9]],
    );
  });
});

describe('links in properties through the CLI', () => {
  let root = '';
  let cleanup: () => Promise<void> = async () => {};

  before(async () => {
    ({ root, cleanup } = await tempVault());
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
  });
  after(() => cleanup());

  it('lists property links with their lines in the JSON contract, and no tag from an empty item', async () => {
    const { stdout } = await cli('index', root, '--json');
    const note = JSON.parse(stdout).notes.find((n: { path: string }) => n.path === 'Projects/Cairn.md');
    assert.deepEqual(note.tags, ['project']);
    assert.deepEqual(note.links, [
      {
        target: 'author',
        path: 'author.md',
        subpath: null,
        subpathFound: null,
        embed: false,
        alias: null,
        via: 'path',
        line: 2,
      },
      {
        target: 'README',
        path: 'README.md',
        subpath: 'What is the Obsidian Hub',
        subpathFound: true,
        embed: false,
        alias: 'hub',
        via: 'path',
        line: 4,
      },
    ]);
  });

  it('makes a property link a backlink of its target', async () => {
    const { code, stdout } = await cli('backlinks', root, 'author.md', '--json');
    assert.equal(code, 0);
    const out = JSON.parse(stdout);
    assert.deepEqual(
      out.backlinks.map((b: { from: string; contexts: { line: number }[] }) => [b.from, b.contexts.map((c) => c.line)]),
      [['Projects/Cairn.md', [2]]],
    );
  });
});
