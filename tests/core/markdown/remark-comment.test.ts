/**
 * `%% comments %%` (RULES.md "Comments"): the reference plugin's mdast, what both parsers count (nothing
 * inside a comment), and the rendered hast (nothing at all).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Nodes as HastNodes } from 'hast';
import type { Nodes, Root } from 'mdast';
import { VFile } from 'vfile';
import { extractNote } from '../../../main/core/extract';
import { hideComments } from '../../../main/core/syntax/comments';
import { parseNoteReference } from '../../../main/core/markdown/collect-note';
import { createNoteParser } from '../../../main/core/markdown/pipeline';
import type { ObsidianComment } from '../../../main/core/markdown/remark-comment';
import { createRenderProcessor, renderNoteTree } from '../../../main/core/markdown/render';
import type { NoteRecord, VaultPath } from '../../../main/core/model';

const parser = createNoteParser();
const renderer = createRenderProcessor();

function parse(source: string): Root {
  const file = new VFile({ value: source });
  return parser.runSync(parser.parse(file), file);
}

function comments(tree: Nodes): ObsidianComment[] {
  const out: ObsidianComment[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'obsidianComment') out.push(n);
    if ('children' in n) n.children.forEach(walk);
  };
  walk(tree);
  return out;
}

function hastText(n: HastNodes): string {
  if (n.type === 'text') return n.value;
  return 'children' in n ? n.children.map(hastText).join('') : '';
}

/** Both parsers' record, after checking they agree. */
function record(source: string): NoteRecord {
  const path = 'Comment.md' as VaultPath;
  const fast = extractNote(path, source);
  assert.deepStrictEqual(fast, parseNoteReference(path, source));
  return fast;
}

function counted(r: NoteRecord) {
  return {
    links: r.links.map((l) => (l.embed ? '!' : '') + l.target + (l.subpath ? '#' + l.subpath : '')),
    tags: r.tags,
    headings: r.headings.map((h) => h.text),
    blocks: r.blocks.map((b) => b.id),
    timestamps: r.timestamps.map((t) => t.label),
  };
}

describe('remark-comment', () => {
  it('makes an inline comment one node whose value is its source, markers included', () => {
    const [c] = comments(parse('a %%b [[x]]%% c'));
    assert.deepEqual(
      c && { value: c.value, block: c.block, start: c.position?.start.offset, end: c.position?.end.offset },
      { value: '%%b [[x]]%%', block: false, start: 2, end: 13 },
    );
  });

  it('reads an inline comment across the lines of one paragraph', () => {
    assert.deepEqual(
      comments(parse('a %% b\nc %% d')).map((c) => c.value),
      ['%% b\nc %%'],
    );
  });

  it('reads a block comment across blank lines through the next line holding %%', () => {
    const tree = parse('%%\nfoo [[x]]\n\n# bar\n%% rest of line\nafter');
    assert.deepEqual(
      tree.children.map((c) => c.type),
      ['obsidianComment', 'paragraph'],
    );
    assert.equal(comments(tree)[0]?.block, true);
  });

  it('runs an unclosed block comment to the end of the note', () => {
    const tree = parse('before\n\n%% open\n[[x]]\n\n## y');
    assert.deepEqual(
      tree.children.map((c) => c.type),
      ['paragraph', 'obsidianComment'],
    );
  });

  it('leaves an unclosed inline %% as text', () => {
    const tree = parse('50%% of [[x]]\n\nand 20%% more');
    assert.equal(comments(tree).length, 0);
    assert.equal(record('50%% of [[x]]\n\nand 20%% more').links.length, 1);
  });

  it('lets a %% line interrupt a paragraph', () => {
    const tree = parse('para\n%%\nhidden\n%%');
    assert.deepEqual(
      tree.children.map((c) => c.type),
      ['paragraph', 'obsidianComment'],
    );
  });

  it('keeps %% inside code spans and fences as code', () => {
    assert.equal(comments(parse('`%%` and `a %% b %%`')).length, 0);
    assert.equal(comments(parse('```\n%%\n[[x]]\n```')).length, 0);
  });

  it('treats \\% as an escaped percent sign', () => {
    assert.equal(comments(parse('\\%% not a comment %\\%')).length, 0);
  });
});

describe('what a comment hides (both parsers)', () => {
  it('hides the embed, tag and heading subpath of a commented-out embed', () => {
    const r = record('Intro [[Kept]]\n\n%% ![[author#Sponsor this author]] #placeholder/author %%\n');
    assert.deepEqual(counted(r), { links: ['Kept'], tags: [], headings: [], blocks: [], timestamps: [] });
  });

  it('hides links, tags, headings, block ids and timestamps in a block comment', () => {
    const r = record(
      [
        '---',
        'videoId: abcdefghijk',
        '---',
        '%%',
        '[[A]] #a',
        '',
        '# Heading',
        'para ^blk',
        '<a class="yt-timestamp" data-t="01:02">x</a> [01:10:00]',
        '%%',
        '[[B]] [00:05]',
      ].join('\n'),
    );
    assert.deepEqual(counted(r), { links: ['B'], tags: [], headings: [], blocks: [], timestamps: ['00:05'] });
  });

  it('hides what an inline comment holds and keeps what is around it', () => {
    const r = record('a [[A]] %% [[B]] #b https://youtu.be/abcdefghijk?t=75 %% [[C]] #c');
    assert.deepEqual(counted(r), { links: ['A', 'C'], tags: ['c'], headings: [], blocks: [], timestamps: [] });
  });

  it('ends a block comment with its container, as fenced code ends', () => {
    const r = record('> %%\n> [[InQuote]]\n\n[[After]]\n- %%\n  [[InItem]]\n- [[NextItem]]');
    assert.deepEqual(counted(r).links, ['After', 'NextItem']);
  });

  it('lets a table split cells before comments are read', () => {
    const r = record('| a | b |\n| - | - |\n| %% [[x]] | [[y]] %% |\n| %% [[z]] %% | [[w]] |');
    assert.deepEqual(counted(r).links, ['x', 'y', 'w']);
  });

  it('keeps an escaped \\| inside a comment in one table cell', () => {
    const r = record('| a | b |\n| - | - |\n| %% [[x]] \\| [[y]] %% | [[z]] |');
    assert.deepEqual(counted(r).links, ['z']);
  });

  it('does not hide a wikilink whose target holds %%, nor a comment started inside HTML', () => {
    const r = record('[[a%%b]] <span title="%%">[[c]]</span> %%');
    assert.deepEqual(counted(r).links, ['a%%b', 'c']);
  });

  it('leaves an inline comment out of a heading text, so a link to the heading finds it', () => {
    const r = record('# Title %% note [[x]] %%\n\nSetext %% a\nb %%\n===\n\n[[#Title]]');
    assert.deepEqual(counted(r).headings, ['Title', 'Setext']);
    assert.deepEqual(counted(r).links, ['#Title']);
  });
});

describe('rendering a comment', () => {
  it('leaves no empty paragraph where a paragraph held only comments, but keeps the parse tree as written', () => {
    const source = 'before\n\n%% a %% %% b %%\n\nafter';
    const { tree } = renderNoteTree(renderer, source);
    const paragraphs = tree.children.filter((n) => n.type === 'element' && n.tagName === 'p');
    assert.deepEqual(
      paragraphs.map((p) => hastText(p)),
      ['before', 'after'],
    );
    assert.equal(parse(source).children.filter((n) => n.type === 'paragraph').length, 3);
  });

  it('renders inline and block comments as nothing', () => {
    const { tree } = renderNoteTree(renderer, 'shown %%hidden-inline%% too\n\n%%\nhidden-block [[x]]\n%%\n\nend');
    const text = hastText(tree);
    assert.ok(text.includes('shown'));
    assert.ok(text.includes('too'));
    assert.ok(text.includes('end'));
    assert.ok(!text.includes('hidden'), text);
  });
});

describe('comments at scale (the extractor)', () => {
  it('reads an unclosed block comment over 100,000 lines and 50,000 unclosed inline %% in one pass each', () => {
    const block = extractNote('Big.md' as VaultPath, '[[Before]]\n%%\n' + 'line [[Hidden]] #no\n'.repeat(100_000));
    assert.deepEqual(
      block.links.map((l) => l.target),
      ['Before'],
    );
    const inline = extractNote('Big.md' as VaultPath, '[[Shown]] ' + 'a %%\n\n'.repeat(50_000));
    assert.equal(inline.links.length, 1);
  });
});

describe('a %% line after an open inline %% (RULES.md "An open %% keeps its paragraph")', () => {
  /** What the reader shows, the links both parsers count, and what search keeps (comments blanked). */
  function seen(source: string) {
    return {
      shown: hastText(renderNoteTree(renderer, source).tree).replace(/\s+/g, ' ').trim(),
      links: counted(record(source)).links,
      search: hideComments(source).replace(/\s+/g, ' ').trim(),
    };
  }

  it('closes the open %% with the line instead of hiding the rest of the note', () => {
    assert.deepEqual(seen('Idea: %% todo expand\n%%\n\nLater paragraph [[H3 shown]]'), {
      shown: 'Idea: Later paragraph H3 shown',
      links: ['H3 shown'],
      search: 'Idea: Later paragraph [[H3 shown]]',
    });
    assert.deepEqual(seen('Text with %%a comment that\nspans [[X]]\n%% and after [[Y]].\n\n[[Z]]'), {
      shown: 'Text with and after Y. Z',
      links: ['Y', 'Z'],
      search: 'Text with and after [[Y]]. [[Z]]',
    });
  });

  it('keeps a block comment where the paragraph holds no %% or only closed pairs', () => {
    assert.deepEqual(seen('Some text\n%%\nhidden [[H]]\n%%\n[[After]]'), {
      shown: 'Some text After',
      links: ['After'],
      search: 'Some text [[After]]',
    });
    const closed = 'a %%x%% b\n%%\nhidden [[H]]\n\nmore [[M]]\n%%\n[[After]]';
    assert.deepEqual(seen(closed), { shown: 'a b After', links: ['After'], search: 'a b [[After]]' });
    assert.deepEqual(
      parse(closed).children.map((c) => c.type),
      ['paragraph', 'obsidianComment', 'paragraph'],
    );
  });

  it('continues the paragraph of a list item or block quote, lazily too', () => {
    assert.deepEqual(seen('- Idea %% a [[A]]\n  %%\n- [[Next]]\n\n[[After]]').links, ['Next', 'After']);
    assert.deepEqual(seen('> Idea %% a [[A]]\n> %% b [[B]]\n\n[[After]]').links, ['B', 'After']);
    const lazy = seen('> Idea %% a [[A]]\n%%\n\n[[After]]');
    assert.deepEqual(lazy, { shown: 'Idea After', links: ['After'], search: '> Idea [[After]]' });
  });

  it("still lets a %% line open a block after the paragraph's open %% was closed by one", () => {
    // `a %%` + `%%` pair up; the third `%%` line finds the paragraph even again, so it opens a block.
    assert.deepEqual(seen('a %%\n%% b\n%%\nhidden [[H]]\n\n%%\n[[After]]'), {
      shown: 'a b After',
      links: ['After'],
      search: 'a b [[After]]',
    });
  });

  it('opens a block comment at such a line when a delimiter row makes it a table head (the table ends the paragraph)', () => {
    assert.deepEqual(counted(record('a %% b\n%%\n| - |\n[[X]]\n%%\n[[Y]]')).links, ['Y']);
  });

  it('ends an open block comment at a %% line inside a later fence, so the rest shows as code (as RULES.md states)', () => {
    const source = '%%\na\n```\n%% in code\n```\n[[after]]';
    assert.deepEqual(counted(record(source)).links, []);
    assert.deepEqual(
      parse(source).children.map((c) => c.type),
      ['obsidianComment', 'code'],
    );
  });

  it('reads a paragraph of 10,000 such %% lines without rescanning it per line', () => {
    // Every other line is an opener that the paragraph's open `%%` takes; counting the paragraph
    // afresh for each would be quadratic (tens of seconds here).
    const source = 'a %%\n' + '%%\n[[L]] %%\n'.repeat(10_000) + '\n[[End]]';
    const started = performance.now();
    const r = record(source);
    assert.equal(r.links.length, 10_001);
    assert.ok(performance.now() - started < 15_000, `took ${Math.round(performance.now() - started)} ms`);
  });
});
