/**
 * The extractor's recognisers for single constructs, against CommonMark/GFM spec examples (as
 * micromark reads them): each returns where the construct ends, or -1.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchAtxHeading, matchFenceOpen, matchListMarker, isThematicBreak, setextLevel } from '../../../main/core/extract/block-starts';
import { destinationUrl, matchCharacterReference } from '../../../main/core/extract/entities';
import { matchHtmlStart } from '../../../main/core/extract/html-flow';
import { matchAutolink, matchHtmlInline } from '../../../main/core/extract/html-inline';
import { normalizeLabel, scanDefinition, scanDestination, scanLabel, scanTitle } from '../../../main/core/extract/link-syntax';
import { matchEmail, matchProtocol, matchWww } from '../../../main/core/extract/literal-url';
import { headRowSize, isDelimiterRow, rowCells } from '../../../main/core/extract/table-rows';

/** The matched prefix of `s` for a matcher called at 0, or null. */
function matched(match: (s: string, i: number, end: number) => number, s: string): string | null {
  const end = match(s, 0, s.length);
  return end < 0 ? null : s.slice(0, end);
}

describe('inline HTML', () => {
  const cases: [string, string | null][] = [
    ['<a><bab><c2c>', '<a>'],
    ['<a/>', '<a/>'],
    ['<a  /><b2\ndata="foo" >', '<a  />'],
    ['<a foo="bar" bam = \'baz <em>"</em>\'\n_boolean zoop:33=zoop:33 />', '<a foo="bar" bam = \'baz <em>"</em>\'\n_boolean zoop:33=zoop:33 />'],
    ['<33>', null],
    ['<__>', null],
    ['<a h*#ref="hi">', null],
    ['<a href="hi\'>', null],
    ['<a href=hi\'>', null],
    ['< a>', null],
    ['<bar/ >', null],
    ['<a class="yt-timestamp" data=t="1:00">', null],
    ['</a foo="bar">', null],
    ['</a\n>', '</a\n>'],
    ['<!-- comment -->x', '<!-- comment -->'],
    ['<!-->', '<!-->'],
    ['<!--->', '<!--->'],
    ['<? php ?>', '<? php ?>'],
    ['<!ELEMENT br EMPTY>', '<!ELEMENT br EMPTY>'],
    ['<![CDATA[>&<]]>', '<![CDATA[>&<]]>'],
  ];
  for (const [input, expected] of cases) {
    it(`reads ${JSON.stringify(input)}`, () => assert.equal(matched(matchHtmlInline, input), expected));
  }
});

describe('autolinks', () => {
  const cases: [string, string | null][] = [
    ['<http://foo.bar.baz>', '<http://foo.bar.baz>'],
    ['<irc://foo.bar:2233/baz>', '<irc://foo.bar:2233/baz>'],
    ['<a+b+c:d>', '<a+b+c:d>'],
    ['<http://foo.bar/baz bim>', null],
    ['<m:abc>', null],
    ['<foo@bar.example.com>', '<foo@bar.example.com>'],
    ['<foo+special@Bar.baz-bar0.com>', '<foo+special@Bar.baz-bar0.com>'],
    ['<foo\\+@bar.example.com>', null],
    ['<foo@bar-.com>', null],
  ];
  for (const [input, expected] of cases) {
    it(`reads ${JSON.stringify(input)}`, () => assert.equal(matched(matchAutolink, input), expected));
  }
});

describe('GFM literal URLs and emails', () => {
  it('ends a URL before trailing punctuation and unbalanced parentheses', () => {
    assert.equal(matched(matchWww, 'www.commonmark.org/help.'), 'www.commonmark.org/help');
    assert.equal(matched(matchWww, 'www.google.com/search?q=Markup+(business)))'), 'www.google.com/search?q=Markup+(business)');
    assert.equal(matched(matchWww, 'www.google.com/search?q=commonmark&hl;'), 'www.google.com/search?q=commonmark');
    assert.equal(matched(matchWww, 'www.commonmark.org/a.b.'), 'www.commonmark.org/a.b');
    assert.equal(matched(matchWww, 'www.a_b.c.d'), 'www.a_b.c.d');
    assert.equal(matched(matchWww, 'www.x_y.z'), null);
    assert.equal(matched(matchWww, 'www.x.y_z'), null);
    assert.equal(matched(matchProtocol, 'https://youtu.be/abcdefghijk?t=75)'), 'https://youtu.be/abcdefghijk?t=75');
    assert.equal(matched(matchProtocol, 'https://x.y/[[a]]'), 'https://x.y/[[a');
    assert.equal(matched(matchProtocol, 'ftp://x.y'), null);
  });

  it('reads an email only when its domain ends in a letter', () => {
    assert.equal(matched(matchEmail, 'foo@bar.baz.'), 'foo@bar.baz');
    assert.equal(matched(matchEmail, 'a.b-c_d@a.b'), 'a.b-c_d@a.b');
    assert.equal(matched(matchEmail, 'a@b.c_'), null);
    assert.equal(matched(matchEmail, 'x@y.com123https'), 'x@y.com123https');
  });
});

describe('link syntax', () => {
  it('reads labels, destinations and titles', () => {
    assert.equal(matched(scanLabel, '[foo\\]bar]'), '[foo\\]bar]');
    assert.equal(matched(scanLabel, '[ ]'), null);
    assert.equal(matched(scanLabel, '[a[b]'), null);
    assert.equal(matched((s, i, e) => scanDestination(s, i, e, 32), '<a b>rest'), '<a b>');
    assert.equal(matched((s, i, e) => scanDestination(s, i, e, 32), 'a(b(c))d)rest'), 'a(b(c))d');
    assert.equal(matched((s, i, e) => scanDestination(s, i, e, 32), 'a b'), 'a');
    assert.equal(matched((s, i, e) => scanDestination(s, i, e, 32), '<a\nb>'), null);
    assert.equal(matched(scanTitle, '"a \\" b" rest'), '"a \\" b"');
    assert.equal(matched(scanTitle, '(a (b) c)'), '(a (b)');
  });

  it('reads reference definitions, titles on the next line included', () => {
    assert.deepEqual(scanDefinition('[Foo bar]:\n<my url>\n\'title\'\nrest', 0, 34), { key: 'FOO BAR', dest: '<my url>', end: 28 });
    assert.equal(scanDefinition('[foo]: /url "title" ok', 0, 22), null);
    assert.deepEqual(scanDefinition('[foo]: /url\n"title" ok', 0, 22), { key: 'FOO', dest: '/url', end: 12 });
    assert.equal(normalizeLabel(' Foo\t\n BAR '), 'FOO BAR');
  });

  it('decodes destinations as mdast holds them', () => {
    assert.equal(destinationUrl('<a b.md>'), 'a b.md');
    assert.equal(destinationUrl('a\\(b&amp;c&#35;d&bogus;.md'), 'a(b&c#d&bogus;.md');
    assert.equal(matched(matchCharacterReference, '&ouml;x'), '&ouml;');
    assert.equal(matched(matchCharacterReference, '&notanentity;'), null);
    assert.equal(matched(matchCharacterReference, '&#12345678;'), null);
    assert.equal(matched(matchCharacterReference, '&#X22;'), '&#X22;');
  });
});

describe('block starts', () => {
  it('reads ATX headings with their closing sequences', () => {
    const h = (s: string) => {
      const m = matchAtxHeading(s, 0, s.length);
      return m && [m.level, s.slice(m.start, m.end)];
    };
    assert.deepEqual(h('# foo'), [1, 'foo']);
    assert.deepEqual(h('### foo ###  '), [3, 'foo']);
    assert.deepEqual(h('# foo#'), [1, 'foo#']);
    assert.deepEqual(h('# foo \\#'), [1, 'foo \\#']);
    assert.deepEqual(h('## '), [2, '']);
    assert.deepEqual(h('# #'), [1, '']);
    assert.equal(h('####### foo'), null);
    assert.equal(h('#5 bolt'), null);
  });

  it('reads breaks, setext underlines, fences and list markers', () => {
    assert.equal(isThematicBreak(' - - -', 1, 6), true);
    assert.equal(isThematicBreak('--', 0, 2), false);
    assert.equal(setextLevel('===  ', 0, 5), 1);
    assert.equal(setextLevel('= =', 0, 3), 0);
    assert.deepEqual(matchFenceOpen('```` js', 0, 7), { marker: 96, size: 4 });
    assert.equal(matchFenceOpen('``` a`b', 0, 7), null);
    assert.deepEqual(matchFenceOpen('~~~ a`b', 0, 7), { marker: 126, size: 3 });
    assert.deepEqual(matchListMarker('1) x', 0, 4, false), { ordered: true, marker: 41, after: 2 });
    assert.equal(matchListMarker('2. x', 0, 4, true), null, 'only 1 may interrupt');
    assert.equal(matchListMarker('1234567890. x', 0, 13, false), null);
    assert.equal(matchListMarker('* * *', 0, 5, false), null, 'a thematic break');
  });

  it('reads HTML block starts, kind 7 only when not interrupting', () => {
    const kind = (s: string, interrupt = false) => matchHtmlStart(s, 0, s.length, interrupt, false)?.kind ?? 0;
    assert.equal(kind('<script type="x">'), 1);
    assert.equal(kind('<!-- x'), 2);
    assert.equal(kind('<?php'), 3);
    assert.equal(kind('<!DOCTYPE html>'), 4);
    assert.equal(kind('<![CDATA['), 5);
    assert.equal(kind('<DIV CLASS="foo">'), 6);
    assert.equal(kind('</ins>'), 7);
    assert.equal(kind('<a href="foo">'), 7);
    assert.equal(kind('<a href="foo">', true), 0);
    assert.equal(kind('<a href="foo"> text'), 0);
    assert.equal(kind('<div/ >'), 0);
    assert.equal(matchHtmlStart('<!-- done -->', 0, 13, false, false)?.closed, true);
  });

  it('reads table rows: head size, delimiter rows and cells', () => {
    assert.equal(headRowSize('| a | b |', 0, 9), 2);
    assert.equal(headRowSize('a', 0, 1), 1);
    assert.equal(headRowSize('|', 0, 1), 0);
    assert.equal(headRowSize('| a \\| b |', 0, 10), 1);
    assert.equal(isDelimiterRow('| --- | :-: |', 0, 13, 2), true);
    assert.equal(isDelimiterRow(':-', 0, 2, 1), true);
    assert.equal(isDelimiterRow('---', 0, 3, 1), false, 'needs a pipe or a colon');
    assert.equal(isDelimiterRow('| - |', 0, 5, 2), false, 'cell counts differ');
    const cells: number[] = [];
    const row = '| [[a\\|b]] | c d |  |';
    rowCells(row, 0, row.length, cells);
    assert.deepEqual(
      [cells[0], cells[1], cells[2], cells[3]].map((v, k, a) => (k % 2 ? row.slice(a[k - 1], v) : null)).filter(Boolean),
      ['[[a\\|b]]', 'c d'],
    );
  });
});
