/**
 * Plain text for search, backlink context and citations (`main/core/syntax/plain-text.ts`).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { termsOf } from '../../../main/core/search/tokenize';
import { lineContext, searchText, sentenceAround } from '../../../main/core/syntax/plain-text';

describe('searchText', () => {
  it('strips markup and keeps words', () => {
    const src = '# Title\n> quoted **bold** _it_ ~~del~~ `code`\n[[Target|Alias]] [[Plain]] ![[Img.png]] [text](a%20b.md "t") ![alt](i.png)\n<b>tag</b> a&amp;b \\* snake_case';
    assert.equal(searchText(src, 0), ' Title\n quoted bold it del code\nAlias Plain Img.png text alt\n tag  a&b * snake_case');
  });

  it('starts at the body and keeps one line per source line, even across a multi-line tag', () => {
    const src = '---\ntitle: T\n---\none <a\nhref="x">two</a>\nthree\n';
    const out = searchText(src, src.indexOf('one'));
    assert.equal(out.split('\n').length, src.slice(src.indexOf('one')).split('\n').length);
    assert.deepEqual(
      out.split('\n').map((l) => l.trim()),
      ['one', 'two', 'three', ''],
    );
  });

  it('leaves a lone < or [ as text', () => {
    assert.equal(searchText('a < b [c] d', 0), 'a < b c d');
  });

  it('drops a backslash only where CommonMark reads an escape or a hard break', () => {
    // TeX and Windows paths keep their backslashes, so `\frac` or `C:\Users` can be searched for.
    assert.equal(
      searchText('$$\\begin{vmatrix} \\frac{a}{b}$$ C:\\Users\\me', 0),
      '$$\\begin{vmatrix} \\frac{a}{b}$$ C:\\Users\\me',
    );
    // Before ASCII punctuation it escapes: the character stays, as text (`\[x\]` is no link), and `\\` is one `\`.
    assert.equal(searchText('\\* \\[x\\] \\\\n \\# \\_a_ \\é \\ end\\', 0), '* [x] \\n # _a \\é \\ end\\');
    // A hard break: the backslash goes, the line stays.
    const broken = 'one\\\ntwo\\\r\nthree\\';
    assert.equal(searchText(broken, 0), 'one\ntwo\r\nthree\\');
  });

  it('keeps the words a backslash separates apart for the index', () => {
    // Dropping these backslashes glued `alphabeta` and `usersadanote` into terms nobody searches for.
    assert.deepEqual(termsOf(searchText('$\\alpha\\beta$ in C:\\Users\\Ada\\notes', 0)), [
      'alpha',
      'beta',
      'user',
      'ada',
      'note',
    ]);
  });

  it('keeps the line count of a real note', () => {
    const src = readFileSync(new URL('../../../../shared/seeds/000_4dfeee9925dc8d80.txt', import.meta.url), 'utf8');
    const out = searchText(src, 0);
    assert.equal(out.split('\n').length, src.split('\n').length);
    assert.ok(!out.includes('yt-timestamp'));
    assert.ok(out.includes('lennyspodcast'));
  });
});

describe('lineContext', () => {
  const src = [
    '---',
    'title: x',
    '---',
    '- [ ] See [[Kafka#Part|the Kafka note]] and <a class="yt-timestamp" data-t="01:10:00">[01:10:00]</a> here.',
    '> Quoted [link](Other%20Note.md) *text*.',
    '',
  ].join('\n');

  it('shows a list item line without markers, anchors or tags, with links as their text', () => {
    assert.equal(lineContext(src, 4), 'See the Kafka note and here.');
    assert.equal(lineContext(src, 5), 'Quoted link text.');
    assert.equal(lineContext(src, 6), '');
    assert.equal(lineContext(src, 99), '');
  });

  it('keeps a backslash that escapes nothing', () => {
    assert.equal(
      lineContext('See [[Setup]] in C:\\Users\\me and \\frac, not \\*', 1),
      'See Setup in C:\\Users\\me and \\frac, not *',
    );
  });

  it('counts lines ended by CRLF or CR alone', () => {
    assert.equal(lineContext('a\r\n- [[B]] x\r\nc', 2), 'B x');
    assert.equal(lineContext('a\r> b\rc', 2), 'b');
    assert.equal(lineContext('a\r\n', 3), '');
  });

  it('cuts a long line around its first link', () => {
    const long = 'word '.repeat(200) + '[[Target]] ' + 'tail '.repeat(200);
    const ctx = lineContext(long, 1);
    assert.ok(ctx.length <= 302, `length ${ctx.length}`);
    assert.ok(ctx.includes('Target'));
    assert.ok(ctx.startsWith('…') && ctx.endsWith('…'));
  });
});

describe('sentenceAround', () => {
  const line =
    'Netflix keeps one team <a class="yt-timestamp" data-t="00:54:23">[00:54:23]</a>. It works across the business, e.g. ads <a class="yt-timestamp" data-t="00:54:55">[00:54:55]</a>. Later text.';
  const src = `intro\n${line}\n`;

  it('gives the sentence a timestamp closes', () => {
    assert.equal(sentenceAround(src, 2, line.indexOf('<a')), 'Netflix keeps one team.');
    assert.equal(sentenceAround(src, 2, line.lastIndexOf('<a')), 'It works across the business, e.g. ads.');
  });

  it('takes a timestamp written after the full stop for the sentence before it', () => {
    const after = 'First claim. [01:02] Second claim.';
    assert.equal(sentenceAround(after, 1, after.indexOf('[01:02]')), 'First claim.');
  });

  it('gives the whole line without a column', () => {
    assert.equal(sentenceAround(src, 1), 'intro');
  });
});

describe('comments in plain text', () => {
  const note = ['---', 'title: T', '---', 'seen %% unseen-inline %% seen2', '%%', 'unseen-block [[Hidden]]', '', 'unseen-after-blank', '%% closing', 'after [[Shown]]', '50%% of', '', 'it 20%% more'].join('\n');

  it('blanks comments out of the search text, keeping lines', () => {
    const out = searchText(note, note.indexOf('seen'));
    assert.ok(!out.includes('unseen'), out);
    for (const word of ['seen', 'seen2', 'after', 'Shown', '50%%', '20%%']) assert.ok(out.includes(word), word);
    assert.equal(out.split('\n').length, note.split('\n').length - 3);
  });

  it('hides comments from a context line and from lines inside a block comment', () => {
    assert.equal(lineContext(note, 4), 'seen seen2');
    assert.equal(lineContext(note, 6), '');
    assert.equal(lineContext(note, 8), '');
    assert.equal(lineContext(note, 10), 'after Shown');
    assert.equal(lineContext(note, 11), '50%% of');
  });

  it('hides a comment from the sentence around a timestamp', () => {
    assert.equal(sentenceAround('One %% secret %% two. Three.', 1, 20), 'One two.');
  });
});
