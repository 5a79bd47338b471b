/**
 * `$math$` and `$$math$$` as Obsidian reads them (RULES.md "Math"): the reference plugin's mdast and the
 * hast remark-rehype makes of it (the shapes mdast-util-math gives KaTeX renderers), and what both parsers
 * count (nothing inside math).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Nodes as HastNodes } from 'hast';
import type { Nodes, Root } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import { toHast } from 'mdast-util-to-hast';
import { VFile } from 'vfile';
import { extractNote } from '../../../main/core/extract';
import { parseNoteReference } from '../../../main/core/markdown/collect-note';
import { createNoteParser } from '../../../main/core/markdown/pipeline';
import type { NoteRecord, VaultPath } from '../../../main/core/model';

const parser = createNoteParser();

function parse(source: string): Root {
  const file = new VFile({ value: source });
  return parser.runSync(parser.parse(file), file);
}

function maths(tree: Nodes): (InlineMath | Math)[] {
  const out: (InlineMath | Math)[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'inlineMath' || n.type === 'math') out.push(n);
    if ('children' in n) n.children.forEach(walk);
  };
  walk(tree);
  return out;
}

function values(source: string): [string, string][] {
  return maths(parse(source)).map((m) => [m.type, m.value]);
}

function record(source: string): NoteRecord {
  const path = 'Math.md' as VaultPath;
  const fast = extractNote(path, source);
  assert.deepStrictEqual(fast, parseNoteReference(path, source));
  return fast;
}

function strip(n: HastNodes): unknown {
  if (n.type === 'text') return n.value;
  if (n.type === 'element')
    return { tag: n.tagName, className: n.properties['className'] ?? null, children: n.children.map(strip) };
  return 'children' in n ? n.children.map(strip) : null;
}

describe('remark-obsidian-math', () => {
  it('reads $inline$ and leaves prices as text', () => {
    assert.deepEqual(values('a $x^2$ b'), [['inlineMath', 'x^2']]);
    assert.deepEqual(values('costs $5 and $10 today'), []);
    assert.deepEqual(values('$x$5 is no close, $y$ is'), [['inlineMath', 'x$5 is no close, $y']]);
  });

  it('needs a non-space after the opening $ and before the closing one', () => {
    assert.deepEqual(values('$ x$ and $x $'), []);
    assert.deepEqual(values('$a $b$'), [['inlineMath', 'a $b']]);
  });

  it('takes \\$ as a literal dollar, outside math and inside it', () => {
    assert.deepEqual(values('\\$x$ y'), []);
    assert.deepEqual(values('$a\\$b$'), [['inlineMath', 'a\\$b']]);
  });

  it('reads $$display$$ inside a paragraph and a $$ block across lines', () => {
    assert.deepEqual(values('see $$E=mc^2$$ here'), [['inlineMath', 'E=mc^2']]);
    assert.deepEqual(values('$$\n\\frac{a}{b}\n\n+1\n$$\nafter'), [['math', '\\frac{a}{b}\n\n+1']]);
    assert.deepEqual(values('text\n$$\nx\n$$'), [['math', 'x']]);
  });

  it('keeps $ in code as code, and code in math as math', () => {
    assert.deepEqual(values('`$x$` and\n\n```\n$$\n```'), []);
    assert.deepEqual(values('$`a`$'), [['inlineMath', '`a`']]);
  });

  it('splits table cells before reading math, and reads math inside a cell', () => {
    assert.deepEqual(values('| $a | b$ |\n| - | - |\n| $c$ | d |'), [['inlineMath', 'c']]);
  });

  it('keeps an escaped \\| inside math in one table cell', () => {
    assert.deepEqual(values('| a | b |\n| - | - |\n| $x \\| y$ | z |'), [['inlineMath', 'x \\| y']]);
    assert.deepEqual(
      record('| a | b |\n| - | - |\n| $[[x]] \\| [[y]]$ | [[z]] |').links.map((l) => l.target),
      ['z'],
    );
  });

  it('runs a $$ block to the end of its container when unclosed', () => {
    assert.deepEqual(values('> $$\n> a\n\nb'), [['math', 'a']]);
  });

  it('makes the hast shapes KaTeX renderers read', () => {
    const tree = parse('a $x$ b $$y$$\n\n$$\nz\n$$');
    assert.deepEqual(strip(toHast(tree)), [
      {
        tag: 'p',
        className: null,
        children: [
          'a ',
          { tag: 'code', className: ['language-math', 'math-inline'], children: ['x'] },
          ' b ',
          { tag: 'code', className: ['language-math', 'math-display'], children: ['y'] },
        ],
      },
      '\n',
      {
        tag: 'pre',
        className: null,
        children: [{ tag: 'code', className: ['language-math', 'math-display'], children: ['z'] }],
      },
    ]);
  });
});

describe('what math hides (both parsers)', () => {
  it('counts no link, tag, block id or timestamp inside math', () => {
    const r = record(
      [
        '---',
        'videoId: abcdefghijk',
        '---',
        'a $[[In]] #in [01:02] ^x$ [[Out]] #out',
        '',
        '$$',
        '[[Block]] #b',
        '<a class="yt-timestamp" data-t="01:02">x</a>',
        '$$',
        'price $5 [[Five]] and $10 [00:05]',
      ].join('\n'),
    );
    assert.deepEqual(
      r.links.map((l) => l.target),
      ['Out', 'Five'],
    );
    assert.deepEqual(r.tags, ['out']);
    assert.deepEqual(
      r.timestamps.map((t) => t.label),
      ['00:05'],
    );
  });

  it('stays linear on many unclosed dollars and an unclosed $$', () => {
    const prices = 'costs $5 and '.repeat(20_000) + '[[End]]';
    assert.deepEqual(
      record(prices).links.map((l) => l.target),
      ['End'],
    );
    const open = '$$ ' + 'word $ '.repeat(40_000) + '[[Inside]]';
    assert.deepEqual(record('para ' + open).links.length, 1);
  });
});
