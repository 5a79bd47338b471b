/**
 * Properties as Obsidian reads them (`main/core/syntax/front-matter.ts`, `property-links.ts`): empty
 * list items dropped, tags as strings or lists, and wikilinks in property values counted as links.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractNote } from '../../../main/core/extract';
import { parseNoteReference } from '../../../main/core/markdown/collect-note';
import type { NoteRecord, VaultPath } from '../../../main/core/model';
import { packNotes, unpackNotes } from '../../../main/core/note-codec';
import { interpretFrontMatter } from '../../../main/core/syntax/front-matter';

function note(yaml: string, body = ''): NoteRecord {
  const source = `---\n${yaml}---\n${body}`;
  const fast = extractNote('P.md' as VaultPath, source);
  assert.deepStrictEqual(fast, parseNoteReference('P.md' as VaultPath, source));
  return fast;
}

describe('list properties', () => {
  it('drops empty items and nulls: no null tag, no blank alias', () => {
    const r = note('tags:\n  - \n  - real\n  - null\naliases:\n  -\n  - Shown\n  - ""\ncast:\n  - ~\n  - Ann\n');
    assert.deepEqual(r.tags, ['real']);
    assert.deepEqual(r.aliases, ['Shown']);
    assert.deepEqual(r.frontmatter, { tags: ['real'], aliases: ['Shown'], cast: ['Ann'] });
  });

  it('reads tags written as a comma list, a flow list, a block list or one quoted #tag', () => {
    assert.deepEqual(note('tags: a, b\n').tags, ['a', 'b']);
    assert.deepEqual(note('tags: [a, b]\n').tags, ['a', 'b']);
    assert.deepEqual(note('tags:\n  - a\n  - "#b"\n').tags, ['a', 'b']);
    assert.deepEqual(note('tags: "#a"\n').tags, ['a']);
    assert.deepEqual(note('tag: solo\n', '#inline').tags, ['solo', 'inline']);
  });

  it('keeps an empty property as it is', () => {
    assert.deepEqual(note('tags:\nrelated:\n').frontmatter, { tags: null, related: null });
  });
});

describe('links in properties', () => {
  it('counts quoted wikilinks, with alias, subpath and embed, at the line they are written, marked as from a property', () => {
    const r = note(
      'title: T\nrelated: "[[Note]]"\nup:\n  - "[[A|a]]"\n  - \n  - "[[B#Head]]"\nsee: "both [[C]] and ![[D#^blk]]"\n',
      'Body [[E]]\n',
    );
    assert.deepEqual(
      r.links.map((l) => [l.target, l.subpath, l.alias, l.embed, l.line, l.property ?? false]),
      [
        ['Note', null, null, false, 3, true],
        ['A', null, 'a', false, 5, true],
        ['B', 'Head', null, false, 7, true],
        ['C', null, null, false, 8, true],
        ['D', '^blk', null, true, 8, true],
        ['E', null, null, false, 10, false],
      ],
    );
    assert.equal(r.links[0]!.kind, 'wiki');
  });

  it('finds links in a flow list and puts each at its own line in a block list', () => {
    const r = note('up: ["[[X]]", "[[Y]]"]\nmore:\n  - "[[Z]]"\n  - "[[Z]]"\n');
    assert.deepEqual(
      r.links.map((l) => [l.target, l.line]),
      [
        ['X', 2],
        ['Y', 2],
        ['Z', 4],
        ['Z', 5],
      ],
    );
  });

  it('reads no link from an unquoted [[x]] (YAML makes it a nested list), an empty [[]] or a number', () => {
    assert.deepEqual(note('a: [[x]]\nb: "[[]]"\nc: 12\n').links, []);
  });

  it('puts a link whose text YAML escaping changed at its property line', () => {
    const fields = interpretFrontMatter('k: "[[a\\u0062]]"\n', 2);
    assert.deepEqual(
      fields.links.map((l) => [l.target, l.line]),
      [['ab', 2]],
    );
  });

  it('keeps the property mark through the worker and snapshot codec', () => {
    const record = note('related: "[[Note]]"\n', '[[Body]]\n');
    const [back] = unpackNotes(JSON.parse(JSON.stringify(packNotes([{ record, mtimeMs: 1, ctimeMs: 3, size: 2 }]))));
    assert.deepStrictEqual(back?.record, record);
  });

  it('stays linear on a long list of links', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => `"[[N${i}]]"`);
    const r = note(`up: [${items.join(', ')}]\n`);
    assert.equal(r.links.length, 20_000);
    assert.equal(r.links[19_999]!.line, 2);
  });
});
