import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Nodes, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { VFile } from 'vfile';
import { createNoteParser } from '../../../main/core/markdown/pipeline';
import { wikilinkHandlers, type Wikilink } from '../../../main/core/markdown/remark-wikilink';

const parser = createNoteParser();

function parse(source: string): Root {
  const file = new VFile({ value: source });
  return parser.runSync(parser.parse(file), file);
}

function find<T extends Nodes['type']>(tree: Nodes, type: T): Extract<Nodes, { type: T }>[] {
  const out: Nodes[] = [];
  const walk = (n: Nodes) => {
    if (n.type === type) out.push(n);
    if ('children' in n) n.children.forEach(walk);
  };
  walk(tree);
  return out as Extract<Nodes, { type: T }>[];
}

function shape(n: Wikilink) {
  return { value: n.value, target: n.target, subpath: n.subpath, alias: n.alias, embed: n.embed, start: n.position?.start.offset, end: n.position?.end.offset };
}

describe('remark-wikilink', () => {
  it('produces a wikilink node with the raw inner value, its parts and its source position', () => {
    const [link] = find(parse('see [[Note#Part| Shown ]] here'), 'wikilink');
    assert.ok(link);
    assert.deepEqual(shape(link), { value: 'Note#Part| Shown ', target: 'Note', subpath: 'Part', alias: 'Shown', embed: false, start: 4, end: 25 });
  });

  it('marks ![[...]] as an embed whose position starts at the !', () => {
    const [link] = find(parse('x ![[pic.png]]'), 'wikilink');
    assert.deepEqual(link && shape(link), { value: 'pic.png', target: 'pic.png', subpath: null, alias: null, embed: true, start: 2, end: 14 });
  });

  it('finds wikilinks in table cells, block quotes, list items, headings and link text', () => {
    const tree = parse('| [[a\\|b]] |\n|---|\n\n> [[quoted]]\n\n- [[listed]]\n\n## [[headed]]\n\n[text [[inner]]](x.md)');
    assert.deepEqual(
      find(tree, 'wikilink').map((n) => [n.target, n.alias]),
      [['a', 'b'], ['quoted', null], ['listed', null], ['headed', null], ['inner', null]],
    );
    const cell = find(tree, 'tableCell')[0];
    assert.equal(cell?.children[0]?.type, 'wikilink', 'the escaped pipe stays inside the cell');
  });

  it('lets an unescaped | in a table row split the cell, leaving plain text and no crash', () => {
    const tree = parse('| [[a|b]] | c |\n|---|---|---|\n| [[d|e]] | f |');
    assert.equal(find(tree, 'wikilink').length, 0);
    assert.deepEqual(
      find(tree, 'tableCell').map((c) => c.children.map((n) => ('value' in n ? n.value : n.type)).join('')),
      ['[[a', 'b]]', 'c', '[[d', 'e]]', 'f'],
    );
  });

  it('leaves code spans, fences, escapes and unclosed brackets alone', () => {
    const tree = parse('`[[a]]` \\[[b]] [[c\n```\n[[d]]\n```\n[[e]');
    assert.deepEqual(find(tree, 'wikilink'), []);
  });

  it('renders wikilinks to <a class="wikilink"> and embeds to <span class="embed"> with data attributes', () => {
    const hast = toHast(parse('[[Note#Part|Shown]] [[#Local]] ![[pic.png]]'), { handlers: wikilinkHandlers });
    const paragraph = hast.type === 'root' ? hast.children[0] : undefined;
    assert.ok(paragraph && paragraph.type === 'element');
    const elements = paragraph.children.filter((c) => c.type === 'element');
    assert.deepEqual(
      elements.map((e) => [e.tagName, e.properties, e.children.map((c) => ('value' in c ? c.value : ''))]),
      [
        ['a', { className: ['wikilink'], href: '#', dataTarget: 'Note', dataSubpath: 'Part' }, ['Shown']],
        ['a', { className: ['wikilink'], href: '#', dataTarget: '', dataSubpath: 'Local' }, ['Local']],
        ['span', { className: ['embed'], dataTarget: 'pic.png', dataSubpath: undefined }, ['pic.png']],
      ],
    );
  });

  it('shows a link to a heading or block as Obsidian does: `Note > Heading`, `Note > ^block`, `Heading` in the same note', () => {
    const source =
      '[[Three laws of motion#What is a force?]] [[Three laws of motion#Second law]] [[#Heading]] [[Note#^block]] ' +
      '[[A#B#C]] [[#^local]] [[Note#Part|alias wins]] [[Plain]] ![[Note#Section]] ![[pic.png|300]]';
    const hast = toHast(parse(source), { handlers: wikilinkHandlers });
    const paragraph = hast.type === 'root' ? hast.children[0] : undefined;
    assert.ok(paragraph && paragraph.type === 'element');
    const shown = paragraph.children
      .filter((c) => c.type === 'element')
      .map((e) => e.children.map((c) => ('value' in c ? c.value : '')).join(''));
    assert.deepEqual(shown, [
      'Three laws of motion > What is a force?',
      'Three laws of motion > Second law',
      'Heading',
      'Note > ^block',
      'A > B > C',
      '^local',
      'alias wins',
      'Plain',
      'Note > Section',
      '300',
    ]);
  });
});
