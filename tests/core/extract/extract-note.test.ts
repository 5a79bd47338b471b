/**
 * The extractor on notes written to pin down CommonMark/GFM edge cases (micromark's reading decides):
 * what hides a link or a tag, what makes a link, and where each thing is.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractNote } from '../../../main/core/extract';
import type { LinkRef, NoteRecord, VaultPath } from '../../../main/core/model';

const path = 'notes/Test.md' as VaultPath;

function extract(lines: string[] | string): NoteRecord {
  return extractNote(path, Array.isArray(lines) ? lines.join('\n') : lines);
}

function targets(record: NoteRecord): string[] {
  return record.links.map((l) => (l.embed ? '!' : '') + l.target + (l.subpath !== null ? '#' + l.subpath : ''));
}

function wiki(target: string, line: number, extra: Partial<LinkRef> = {}): LinkRef {
  return { kind: 'wiki', target, subpath: null, alias: null, embed: false, line, ...extra };
}

describe('code hides links and tags', () => {
  it('closes a code span only with a backtick run of the same length', () => {
    const r = extract(['``a ` [[In]] #in`` [[Out]] #out', '`` unclosed ` [[After]]', '```x``` [[Three]]']);
    assert.deepEqual(targets(r), ['Out', 'After', 'Three']);
    assert.deepEqual(r.tags, ['out']);
  });

  it('lets an unmatched backtick run stay literal text', () => {
    assert.deepEqual(targets(extract('`` [[A]] ` [[B]]')), ['A', 'B']);
  });

  it('does not let a code span cross a blank line', () => {
    assert.deepEqual(targets(extract(['`open [[A]]', '', '[[B]] close`'])), ['A', 'B']);
  });

  it('hides fenced code, with longer closing fences and tildes', () => {
    const r = extract(['````', '[[No]]', '```', '#no', '`````', '~~~ js', '[[No]]', '~~~', '[[Yes]]']);
    assert.deepEqual(targets(r), ['Yes']);
    assert.deepEqual(r.tags, []);
  });

  it('does not let indented code interrupt a paragraph', () => {
    const r = extract(['para', '    [[Continues]]', '', '    [[Code]]']);
    assert.deepEqual(targets(r), ['Continues']);
  });

  it('reads list item content relative to the item, so indentation there may be code', () => {
    const r = extract(['- item', '', '      [[CodeInItem]]', '', '  [[ParaInItem]]', '', '-     [[CodeAfterMarker]]']);
    assert.deepEqual(targets(r), ['ParaInItem']);
  });

  it('hides a fence inside a list item and a block quote', () => {
    const r = extract(['- a', '  ```', '  [[No]]', '  ```', '> ```', '> [[No]]', '> ```', '[[Yes]]']);
    assert.deepEqual(targets(r), ['Yes']);
  });

  it('ends a fence in a block quote at a lazy line', () => {
    // The unmarked line is outside the quote, so the fence there is over.
    assert.deepEqual(targets(extract(['> ```', '> [[No]]', '[[Yes]]'])), ['Yes']);
  });
});

describe('HTML', () => {
  it('lets kinds 1-6 interrupt a paragraph but not kind 7 (a complete tag)', () => {
    const r = extract(['para', '<div>', '[[InDiv]]', '', 'para', '<custom-tag>', '[[Text]]']);
    assert.deepEqual(targets(r), ['Text']);
  });

  it('ends an HTML block of kinds 1-5 at its end condition, the others at a blank line', () => {
    const r = extract(['<!-- [[No]]', '[[No]] -->[[NoToo]]', '[[Yes]]', '<div>', '[[No]]', '', '[[Yes2]]', '<script>', '', '[[No]]', '</script>', '[[Yes3]]']);
    assert.deepEqual(targets(r), ['Yes', 'Yes2', 'Yes3']);
  });

  it('never finds links or tags in inline HTML, but finds yt-timestamp anchors there', () => {
    const r = extract('See <a class="yt-timestamp" data-t="01:10:00" title="[[No]] #no">[01:10:00]</a>.');
    assert.deepEqual(r.links, []);
    assert.deepEqual(r.tags, []);
    assert.deepEqual(r.timestamps, [{ seconds: 4200, label: '01:10:00', videoId: null, kind: 'anchor', line: 1 }]);
  });
});

describe('wikilinks', () => {
  it('splits target, subpath and alias, and reads embeds', () => {
    const r = extract('[[Note#Part#Sub|Shown]] ![[img.png]] [[#^blk]] [[ a b | c ]]');
    assert.deepEqual(r.links, [
      wiki('Note', 1, { subpath: 'Part#Sub', alias: 'Shown' }),
      wiki('img.png', 1, { embed: true }),
      wiki('', 1, { subpath: '^blk' }),
      wiki('a b', 1, { alias: 'c' }),
    ]);
  });

  it('drops the backslash of `\\|` in a table cell, and an unescaped `|` splits the cell instead', () => {
    const r = extract(['| a | b |', '| - | - |', '| [[T\\|Alias]] | [[X|Y]] |']);
    assert.deepEqual(r.links, [wiki('T', 3, { alias: 'Alias' })]);
  });

  it('is not opened by an escaped bracket, nor inside a link destination', () => {
    assert.deepEqual(targets(extract('\\[[No]] [x](a.md "[[no]]") [[Yes]]')), ['a.md', 'Yes']);
  });

  it('wins over a link that starts inside it, left to right', () => {
    assert.deepEqual(targets(extract('[[a]](b.md) [[[c]]]')), ['a', 'c']);
  });
});

describe('markdown links', () => {
  it('decodes the destination and keeps the raw label as alias', () => {
    const r = extract(['[The *Part*](Some%20Note.md#Part%20One) ![alt](<a b.png> "t") [](#frag) [x](https://example.com)', '[multi', 'line](m.md)']);
    assert.deepEqual(r.links, [
      { kind: 'markdown', target: 'Some Note.md', subpath: 'Part One', alias: 'The *Part*', embed: false, line: 1 },
      { kind: 'markdown', target: 'a b.png', subpath: null, alias: 'alt', embed: true, line: 1 },
      { kind: 'markdown', target: 'm.md', subpath: null, alias: 'multi\nline', embed: false, line: 2 },
    ]);
  });

  it('counts reference links only to defined labels, and definitions are not text', () => {
    const r = extract(['[full][Ref] [Ref][] [ref] [undefined]', '', '[ref]: Target.md#T "title [[no]] #no"']);
    assert.deepEqual(targets(r), ['Target.md#T', 'Target.md#T', 'Target.md#T']);
    assert.deepEqual(r.tags, []);
  });

  it('forms no link inside a link, and drops what an image description holds', () => {
    const r = extract('[outer [inner](in.md) text](out.md) ![alt [[no]] #no [x](no.md)](img.png)');
    assert.deepEqual(targets(r), ['in.md', '!img.png']);
    assert.deepEqual(r.tags, []);
  });

  it('takes no tag from autolinks and literal URLs', () => {
    const r = extract('<https://example.com/#no> https://example.com/a #yes www.example.com/#no');
    assert.deepEqual(r.tags, ['yes']);
    assert.deepEqual(r.links, []);
  });
});

describe('tags', () => {
  it('needs whitespace or a line start before `#`, and not all digits', () => {
    const r = extract(['#start mid#no #123 #a1 (#no) #a/b-c_d #ünï', '> #quoted', '>#notquoted', '| #cell |', '|---|', '|#nocell|']);
    assert.deepEqual(r.tags, ['start', 'a1', 'a/b-c_d', 'ünï', 'quoted', 'cell']);
  });

  it('puts front-matter tags first and drops duplicates', () => {
    const r = extract(['---', 'tags: [b, "#a"]', '---', '#a #c #b']);
    assert.deepEqual(r.tags, ['b', 'a', 'c']);
  });

  it('reads heading text but not heading markers', () => {
    const r = extract(['# Title #intitle', '## #### #x ##']);
    assert.deepEqual(r.tags, ['intitle', 'x']);
    assert.deepEqual(r.headings, [
      { level: 1, text: 'Title #intitle', line: 1 },
      { level: 2, text: '#### #x', line: 2 },
    ]);
  });
});

describe('headings and blocks', () => {
  it('joins setext content lines and drops quote markers', () => {
    const r = extract(['> Two', '> lines', '> ---', '', 'Plain', '===', '', '####### not', '#nospace']);
    assert.deepEqual(r.headings, [
      { level: 2, text: 'Two lines', line: 1 },
      { level: 1, text: 'Plain', line: 5 },
    ]);
  });

  it('finds ^ids that end a paragraph or a list item first line, in text only', () => {
    const r = extract(['Para ^p1', '', '- item ^i1', '  more', '', 'x `^no`', '', '^alone']);
    assert.deepEqual(r.blocks, [
      { id: 'p1', line: 1 },
      { id: 'i1', line: 3 },
      { id: 'alone', line: 8 },
    ]);
  });
});

describe('timestamps', () => {
  const fm = ['---', 'videoId: 2XgU6T4DalY', '---'];

  it('reads anchors leniently, reports bad values, and takes the video from a YouTube href', () => {
    const r = extract([
      ...fm,
      '<a class="x yt-timestamp" data=t="00:4:56">[04:56]</a>',
      "<a class='yt-timestamp' data-t='99:99' href='https://youtu.be/abcdefghijk'>bad</a>",
      '<a href="https://youtu.be/abcdefghijk" class="yt-timestamp" data-t="1:02:03">x</a>',
    ]);
    assert.deepEqual(r.timestamps, [
      { seconds: 296, label: '00:04:56', videoId: '2XgU6T4DalY', kind: 'anchor', line: 4 },
      { seconds: 3723, label: '01:02:03', videoId: 'abcdefghijk', kind: 'anchor', line: 6 },
    ]);
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.line]),
      [['bad-timestamp', 5]],
    );
  });

  it('reads YouTube links with a time, but not those without', () => {
    const r = extract(['[at](https://youtu.be/abcdefghijk?t=75) <https://www.youtube.com/watch?v=2XgU6T4DalY&t=1m5s>', 'https://youtube.com/watch?v=abcdefghijk']);
    assert.deepEqual(r.timestamps, [
      { seconds: 75, label: '01:15', videoId: 'abcdefghijk', kind: 'url', line: 1 },
      { seconds: 65, label: '01:05', videoId: '2XgU6T4DalY', kind: 'url', line: 1 },
    ]);
  });

  it('reads bare [T] only with a video, outside link text and anchor labels', () => {
    const lines = ['[01:02] [1:2:3](x.md) \\[00:05] <a class="yt-timestamp" data-t="00:07">[00:07]</a> [99:99] `[00:09]` [00:10]'];
    assert.deepEqual(extract(lines).timestamps.filter((t) => t.kind === 'bare'), []);
    const bare = extract([...fm, ...lines]).timestamps.filter((t) => t.kind === 'bare');
    assert.deepEqual(
      bare.map((t) => t.label),
      ['01:02', '00:10'],
    );
  });
});

describe('front matter and lines', () => {
  it('counts lines through front matter and CRLF endings', () => {
    const r = extract('---\r\ntitle: T\r\n---\r\n\r\n[[A]]\r\n# H\r\n');
    assert.equal(r.title, 'T');
    assert.deepEqual(r.links, [wiki('A', 5)]);
    assert.deepEqual(r.headings, [{ level: 1, text: 'H', line: 6 }]);
  });

  it('reads no containers after a front matter fence that is never closed (as micromark)', () => {
    const r = extract(['---', 'a', '- [[Listed]]', '> #quoted', '    [[indented]]']);
    // Not a list, not a quote: one paragraph, so the indented line continues it (and `> #quoted` is text).
    assert.deepEqual(targets(r), ['Listed', 'indented']);
    assert.deepEqual(r.tags, ['quoted']);
    assert.equal(r.frontmatter, null);
  });

  it('reports bad YAML and still reads the body', () => {
    const r = extract(['---', 'title: [unclosed', '---', '[[Body]]']);
    assert.deepEqual(
      r.problems.map((p) => p.code),
      ['yaml'],
    );
    assert.deepEqual(targets(r), ['Body']);
    assert.equal(r.title, 'Test');
  });
});
