/**
 * Footnotes, inline `^[…]` and GFM `[^id]: …`, change nothing about what a note contains: the links, tags
 * and block ids inside them count once, in both parsers (RULES.md "Footnotes").
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractNote } from '../../../main/core/extract';
import { parseNoteReference } from '../../../main/core/markdown/collect-note';
import type { NoteRecord, VaultPath } from '../../../main/core/model';

function record(source: string): NoteRecord {
  const path = 'Foot.md' as VaultPath;
  const fast = extractNote(path, source);
  assert.deepStrictEqual(fast, parseNoteReference(path, source));
  return fast;
}

const targets = (r: NoteRecord) => r.links.map((l) => l.target);

describe('footnotes', () => {
  it('counts the links and tags of an inline footnote once', () => {
    const r = record('Text^[inline [[A]] #t1 and [[B|b]]] end ^[[[H]]]');
    assert.deepEqual(targets(r), ['A', 'B', 'H']);
    assert.deepEqual(r.tags, ['t1']);
  });

  it('counts the links of GFM footnote definitions, their continuation lines and footnotes in them once', () => {
    const r = record('Call[^1] and [^n].\n\n[^1]: def [[C]] #t2\n    more [[D]]\n[^n]: ^[nested [[E]]]');
    assert.deepEqual(targets(r), ['C', 'D', 'E']);
    assert.deepEqual(r.tags, ['t2']);
  });

  it('reads inline footnotes in table cells and list items like any text', () => {
    assert.deepEqual(targets(record('| a | b^[x [[F]]] |\n| - | - |\n| ^[[[G]]] | c |')), ['F', 'G']);
    const item = record('- item^[note [[I]]] ^blk');
    assert.deepEqual(targets(item), ['I']);
    assert.deepEqual(item.blocks, [{ id: 'blk', line: 1 }]);
  });

  it('hides what math and comments inside a footnote hold', () => {
    assert.deepEqual(targets(record('^[a $[[no]]$ %%[[no2]]%% [[J]]]')), ['J']);
  });
});
