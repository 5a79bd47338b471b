/** The nesting limit that keeps remark linear: where it starts, and what the reader and the reference do past it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Nodes } from 'hast';
import { extractNote } from '../../../main/core/extract';
import { parseNoteReference } from '../../../main/core/markdown/collect-note';
import { exceedsNesting, MAX_LINE_NESTING } from '../../../main/core/markdown/nesting-limit';
import { createRenderProcessor, PLAIN_TEXT_NOTICE, renderNoteTree } from '../../../main/core/markdown/render';
import type { VaultPath } from '../../../main/core/model';

/** The text of a hast tree, in order. */
function hastToString(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((c) => hastToString(c as Nodes)).join('') : '';
}

const deep = (marker: string, levels: number) => marker.repeat(levels) + 'a [[Target]]\n';

describe('exceedsNesting', () => {
  it('allows the limit and refuses one more, for quotes, bullets, ordered items and mixes', () => {
    for (const marker of ['> ', '- ', '* ', '+ ', '1. ', '2) ', '-\t', '>']) {
      assert.equal(exceedsNesting(deep(marker, MAX_LINE_NESTING)), false, JSON.stringify(marker));
      assert.equal(exceedsNesting('text\n\n' + deep(marker, MAX_LINE_NESTING + 1)), true, JSON.stringify(marker));
    }
    assert.equal(exceedsNesting(deep('> - 1. ', 11)), true);
  });

  it('does not count a thematic break or text that only looks like markers', () => {
    assert.equal(exceedsNesting('- '.repeat(200) + '\n'), false);
    assert.equal(exceedsNesting('* '.repeat(200) + '\n'), false);
    assert.equal(exceedsNesting('-a '.repeat(200) + '\n'), false);
    assert.equal(exceedsNesting('1.5 '.repeat(200) + '\n'), false);
  });

  it('reads every line ending', () => {
    for (const eol of ['\n', '\r\n', '\r'])
      assert.equal(exceedsNesting('a' + eol + '> '.repeat(40) + 'b' + eol + 'c'), true, JSON.stringify(eol));
  });
});

describe('past the nesting limit', () => {
  const source = '---\ntitle: Deep\n---\n# Heading\n\n' + deep('- ', 500) + '\nafter [[Other]]\n';

  it('the reader shows the note as plain text under a notice, with its front matter read', () => {
    const { tree, frontMatter, timestamps } = renderNoteTree(createRenderProcessor(), source);
    const text = hastToString(tree);
    assert.ok(text.startsWith(PLAIN_TEXT_NOTICE));
    assert.ok(text.includes('# Heading') && text.includes('after [[Other]]'));
    assert.ok(!text.includes('title: Deep'));
    assert.equal(frontMatter.title, 'Deep');
    assert.deepEqual(timestamps, []);
  });

  it('the reference record is the extractor record, links included', () => {
    const path = 'Deep.md' as VaultPath;
    const record = parseNoteReference(path, source);
    assert.deepStrictEqual(record, extractNote(path, source));
    assert.deepEqual(
      record.links.map((l) => l.target),
      ['Target', 'Other'],
    );
  });

  it('at the limit the reader renders the note as markdown', () => {
    const { tree } = renderNoteTree(createRenderProcessor(), deep('- ', MAX_LINE_NESTING));
    assert.ok(!hastToString(tree).includes(PLAIN_TEXT_NOTICE));
  });
});
