import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LinkRef, VaultPath } from '../../main/core/model';
import { NameIndex } from '../../main/core/name-index';
import { findHeading, findSubpath, resolveTarget, subpathExists } from '../../main/core/resolve';

const files: { path: string; title?: string; aliases?: string[] }[] = [
  { path: 'Kafka.md', title: 'Kafka' },
  { path: 'stack/Kafka.md', title: 'Kafka (stack)' },
  { path: 'stack/ingest/Flink.md', title: 'Flink' },
  { path: 'deep/er/Flink.md', title: 'Flink deep' },
  { path: 'a/Flink.md', title: 'Flink a' },
  { path: 'people/Elizabeth Stone.md', title: 'Elizabeth Stone', aliases: ['Liz Stone', 'CTO'] },
  { path: 'ml/Gradient Descent.md', title: 'Gradient descent and cost function minimization' },
  { path: 'Café.md', title: 'Café' },
  { path: 'media/clip.webm' },
  { path: 'notes/Has # hash.md', title: 'Has # hash' },
];

function names(): NameIndex {
  const index = new NameIndex();
  for (const f of files)
    index.set({
      path: f.path as VaultPath,
      title: f.path.endsWith('.md') ? (f.title ?? null) : null,
      aliases: f.aliases ?? [],
    });
  return index;
}

const wiki = (target: string): Pick<LinkRef, 'target' | 'kind'> => ({ target, kind: 'wiki' });
const md = (target: string): Pick<LinkRef, 'target' | 'kind'> => ({ target, kind: 'markdown' });

describe('resolveTarget', () => {
  const table: [string, Pick<LinkRef, 'target' | 'kind'>, string, string | null, string | null][] = [
    ['resolves an exact vault path without .md', wiki('stack/Kafka'), 'x.md', 'stack/Kafka.md', 'path'],
    ['resolves an exact vault path with .md', wiki('stack/Kafka.md'), 'x.md', 'stack/Kafka.md', 'path'],
    ['resolves a root file by name as a path', wiki('Kafka'), 'stack/x.md', 'Kafka.md', 'path'],
    ['matches case-insensitively', wiki('kAFKA'), 'x.md', 'Kafka.md', 'path'],
    [
      "prefers the linking note's own folder when two notes share a name",
      wiki('Flink'),
      'deep/er/note.md',
      'deep/er/Flink.md',
      'name',
    ],
    [
      'prefers the shortest path when no candidate shares the folder',
      wiki('Flink'),
      'other/note.md',
      'a/Flink.md',
      'name',
    ],
    ['resolves a path suffix', wiki('ingest/Flink'), 'x.md', 'stack/ingest/Flink.md', 'name'],
    ['resolves a front-matter alias', wiki('Liz Stone'), 'x.md', 'people/Elizabeth Stone.md', 'alias'],
    ['resolves an alias case-insensitively', wiki('cto'), 'x.md', 'people/Elizabeth Stone.md', 'alias'],
    [
      'resolves a snake_case target by the title slug',
      wiki('gradient_descent_and_cost_function_minimization'),
      'x.md',
      'ml/Gradient Descent.md',
      'slug',
    ],
    [
      'resolves a kebab-case target by the file-name slug',
      wiki('elizabeth-stone'),
      'x.md',
      'people/Elizabeth Stone.md',
      'slug',
    ],
    ['normalises NFD targets to NFC', wiki('Cafe\u0301'), 'x.md', 'Café.md', 'path'],
    ['resolves an attachment by file name with its extension', wiki('clip.webm'), 'x.md', 'media/clip.webm', 'name'],
    ['does not resolve an attachment without its extension', wiki('clip'), 'x.md', null, null],
    ['resolves a markdown link relative to the linking note', md('../Kafka.md'), 'stack/x.md', 'Kafka.md', 'path'],
    ['resolves a relative markdown link in the same folder', md('Kafka.md'), 'stack/x.md', 'stack/Kafka.md', 'path'],
    ['resolves a wikilink written as a relative path', wiki('../Kafka'), 'stack/x.md', 'Kafka.md', 'path'],
    ['resolves a name containing #', wiki('Has # hash'), 'x.md', 'notes/Has # hash.md', 'name'],
    ['leaves a target that matches nothing unresolved', wiki('Not yet written'), 'x.md', null, null],
  ];
  for (const [name, link, from, path, via] of table) {
    it(name, () => {
      const hit = resolveTarget(link, from as VaultPath, names());
      assert.deepEqual(hit ? { path: hit.path, via: hit.via } : null, path === null ? null : { path, via });
    });
  }

  it('resolves an empty target to the linking note itself', () => {
    assert.deepEqual(resolveTarget(wiki(''), 'stack/Kafka.md' as VaultPath, names()), {
      path: 'stack/Kafka.md',
      via: 'path',
    });
  });
});

describe('subpathExists', () => {
  const headings = [
    { level: 1, text: 'Top', line: 1 },
    { level: 2, text: 'The **Kafka** pipeline', line: 3 },
    { level: 3, text: 'Retention', line: 5 },
    { level: 2, text: 'Other', line: 7 },
  ];
  const blocks = [{ id: 'quote-1', line: 9 }];
  it('finds a heading with its formatting stripped, case-insensitively', () =>
    assert.equal(subpathExists('the kafka PIPELINE', headings, blocks), true));
  it('finds a nested heading chain in order', () =>
    assert.equal(subpathExists('The Kafka pipeline#Retention', headings, blocks), true));
  it('misses a chain in the wrong order', () =>
    assert.equal(subpathExists('Retention#The Kafka pipeline', headings, blocks), false));
  it('finds a block id', () => assert.equal(subpathExists('^quote-1', headings, blocks), true));
  it('misses an unknown block id', () => assert.equal(subpathExists('^nope', headings, blocks), false));
  it('misses an unknown heading', () => assert.equal(subpathExists('Nowhere', headings, blocks), false));
  it('finds a heading with a colon from a link that drops it, as Obsidian writes them', () =>
    assert.equal(subpathExists('Step 1 Setup', [{ level: 2, text: 'Step 1: Setup', line: 1 }], []), true));
});

describe('heading subpaths compare as Obsidian strips them (both sides)', () => {
  const table: [heading: string, subpath: string, found: boolean][] = [
    ['What is the Obsidian Hub?', 'What is the Obsidian Hub', true],
    ['What is the Obsidian Hub?', 'what is the obsidian hub?', true],
    ['What is the Obsidian Hub', 'What is the Obsidian Hub?', true],
    ['Sponsor this author', 'Sponsor  this   author', true],
    ['Q&A: (part 1) — intro!', 'Q A part 1 intro', true],
    ["Don't panic", 'Dont panic', false],
    ["Don't panic", 'Don t panic', true],
    ['Step-by-step', 'Step by step', false],
    ['Émile’s notes', 'ÉMILE S NOTES', true],
    ['C++ vs C#', 'C vs C', true],
    ['🚀 Launch', '🚀 launch', true],
    ['Launch', '🚀 Launch', false],
    ['## The [[Pipeline|pipe]] stage', 'the pipe stage', true],
    ['Use [docs](https://x.y/a) first', 'use docs first', true],
    ['Totally different', 'What is the Obsidian Hub', false],
  ];
  for (const [heading, subpath, found] of table) {
    it(`${found ? 'finds' : 'misses'} "${heading}" from #${subpath}`, () => {
      const headings = [{ level: 2, text: heading, line: 1 }];
      assert.equal(subpathExists(subpath, headings, []), found);
      assert.equal(findHeading(headings, subpath)?.text ?? null, found ? heading : null);
    });
  }

  it('gives every caller the same answer through findSubpath', () => {
    const headings = [
      { level: 1, text: 'A?', line: 1 },
      { level: 2, text: 'B!', line: 2 },
    ];
    assert.deepEqual(findSubpath('A#B', headings, []), { kind: 'heading', heading: headings[1] });
    assert.deepEqual(findSubpath('^Blk', [], [{ id: 'blk', line: 3 }]), {
      kind: 'block',
      block: { id: 'blk', line: 3 },
    });
    assert.equal(findSubpath('B#A', headings, []), null);
    assert.deepEqual(findSubpath('?', headings, []), { kind: 'none' });
  });

  it('stays linear on a long heading full of brackets', () => {
    const text = '[['.repeat(50_000) + '[a]('.repeat(50_000);
    assert.equal(subpathExists('x', [{ level: 1, text, line: 1 }], []), false);
  });
});
