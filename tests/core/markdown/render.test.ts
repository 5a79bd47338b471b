import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Element, Nodes, Root } from 'hast';
import { createRenderProcessor, renderNoteTree } from '../../../main/core/markdown/render';

const processor = createRenderProcessor();

function render(source: string): Root {
  return renderNoteTree(processor, source).tree;
}

function elements(tree: Nodes): Element[] {
  const out: Element[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'element') out.push(n);
    if ('children' in n) n.children.forEach(walk);
  };
  walk(tree);
  return out;
}

function text(tree: Nodes): string {
  if (tree.type === 'text') return tree.value;
  return 'children' in tree ? tree.children.map(text).join('') : '';
}

describe('render processor', () => {
  it('removes scripts, styles, iframes and objects together with their content', () => {
    const tree = render(
      'Before <script>alert("x")</script> after.\n\n<style>body { display: none }</style>\n\n<iframe src="https://evil.example"></iframe>\n\n<object data="x.swf">fallback</object>\n\n<div><script>steal()</script>kept</div>',
    );
    const tags = elements(tree).map((e) => e.tagName);
    for (const banned of ['script', 'style', 'iframe', 'object']) assert.ok(!tags.includes(banned), `${banned} is gone`);
    const all = text(tree);
    for (const leaked of ['alert', 'display: none', 'steal', 'fallback']) assert.ok(!all.includes(leaked), `${leaked} is gone`);
    assert.ok(all.includes('kept'));
  });

  it('strips on* handlers, style attributes and javascript: URLs', () => {
    const tree = render(
      '<img src="x.png" onerror="alert(1)"> <a href="javascript:alert(1)" onclick="x()">js</a> [md](javascript:alert(2)) <span style="color:red" onmouseover="x()">s</span>',
    );
    for (const el of elements(tree)) {
      for (const [name, value] of Object.entries(el.properties)) {
        assert.ok(!/^on/i.test(name), `${el.tagName} keeps no ${name}`);
        assert.notEqual(name, 'style');
        assert.ok(!String(value).toLowerCase().includes('javascript:'), `${el.tagName}.${name} has no javascript: URL`);
      }
    }
    assert.ok(elements(tree).some((e) => e.tagName === 'img' && e.properties['src'] === 'x.png'), 'the image itself stays');
  });

  it('keeps yt-timestamp anchors with their class and data-t, dropping unknown classes', () => {
    const tree = render('Point <a class="yt-timestamp extra" data-t="01:10:00" onclick="x()">[01:10:00]</a>.');
    const anchor = elements(tree).find((e) => e.tagName === 'a');
    assert.deepEqual(anchor?.properties, { className: ['yt-timestamp'], dataT: '01:10:00' });
    assert.equal(anchor && text(anchor), '[01:10:00]');
  });

  it('keeps wikilinks and embeds with their classes and data attributes', () => {
    const found = elements(render('# See [[Kafka#Log|the log]] and ![[diagram.png]]')).filter((e) => e.tagName === 'a' || e.tagName === 'span');
    assert.deepEqual(
      found.map((e) => [e.tagName, e.properties, text(e)]),
      [
        ['a', { className: ['wikilink'], href: '#', dataTarget: 'Kafka', dataSubpath: 'Log' }, 'the log'],
        ['span', { className: ['embed'], dataTarget: 'diagram.png' }, 'diagram.png'],
      ],
    );
  });

  it('keeps language and hljs classes on code and spans', () => {
    const tree = render('```js\nlet a\n```\n\n<code class="hljs language-ts"><span class="hljs-keyword evil">let</span></code>');
    const classes = elements(tree)
      .filter((e) => e.tagName === 'code' || e.tagName === 'span')
      .map((e) => e.properties['className']);
    assert.deepEqual(classes, [['language-js'], ['hljs', 'language-ts'], ['hljs-keyword']]);
  });

  it('leaves front matter out of the output and records its fields and the timestamps on the file', () => {
    const { tree, frontMatter, timestamps } = renderNoteTree(processor, '---\nvideoId: abcdefghijk\ntitle: T\n---\nAt [00:01:00].');
    assert.ok(!text(tree).includes('videoId'));
    assert.equal(frontMatter.title, 'T');
    assert.deepEqual(timestamps, [{ seconds: 60, label: '00:01:00', videoId: 'abcdefghijk', kind: 'bare', line: 5 }]);
  });
});
