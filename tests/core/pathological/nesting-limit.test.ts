/** The nesting limit that keeps remark linear: where it starts, and what the reader and the reference do past it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Nodes } from 'hast';
import { extractNote } from '../../../main/core/extract';
import { parseNoteReference } from '../../../main/core/markdown/collect-note';
import {
  exceedsInlineDensity,
  exceedsNesting,
  MAX_LINE_NESTING,
  MAX_PARAGRAPH_DELIMITERS,
  MAX_SETEXT_UNDERLINES,
} from '../../../main/core/markdown/nesting-limit';
import {
  createRenderProcessor,
  DENSE_TEXT_NOTICE,
  PLAIN_TEXT_NOTICE,
  renderNoteTree,
} from '../../../main/core/markdown/render';
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

describe('past the markup density limit', () => {
  it('refuses a paragraph of unpaired delimiters and many setext underlines, not real-shaped notes', () => {
    assert.equal(exceedsInlineDensity('*a_ '.repeat(MAX_PARAGRAPH_DELIMITERS)), true);
    assert.equal(exceedsInlineDensity('a]'.repeat(MAX_PARAGRAPH_DELIMITERS + 1)), true);
    assert.equal(exceedsInlineDensity('a\n=\n'.repeat(MAX_SETEXT_UNDERLINES + 1)), true);
    // The same delimiters spread over paragraphs, list items and table rows are fine.
    assert.equal(exceedsInlineDensity('Some *emphasis* and _more_ [x](y.md).\n\n'.repeat(2000)), false);
    assert.equal(exceedsInlineDensity('- [ ] task with [[Link|alias]] and *stress*\n'.repeat(5000)), false);
    assert.equal(exceedsInlineDensity('| [[A]] | *b* | c_d |\n'.repeat(5000)), false);
    // Wikilinks count once per pair of brackets: 700 links in one paragraph are still rendered.
    assert.equal(exceedsInlineDensity('See ' + '[[Note]], '.repeat(700)), false);
  });

  it('the reader shows a too dense note as plain text, and the reference record is the extractor record', () => {
    const source = '# Dense\n\n' + '*_'.repeat(MAX_PARAGRAPH_DELIMITERS) + ' [[Other]]\n';
    const text = hastToString(renderNoteTree(createRenderProcessor(), source).tree);
    assert.ok(text.startsWith(DENSE_TEXT_NOTICE));
    const path = 'Dense.md' as VaultPath;
    assert.deepStrictEqual(parseNoteReference(path, source), extractNote(path, source));
  });
});
