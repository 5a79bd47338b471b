import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineTable } from '../../main/core/line-table';
import { lineContext } from '../../main/core/syntax/plain-text';

const SOURCES = [
  '',
  'one line, no ending',
  'a [[Link]] here\nsecond\n',
  'crlf [[A|alias]]\r\nnext line\r\n\r\nlast',
  'old mac\rlines [[B]]\r\r',
  'mixed\n\r\n\rend [[C#Part]]\n',
  '- [ ] task [[D]]\n> quote [x](E.md)\n## Heading [[F]]\n',
];

test('gives every line the context lineContext gives, for every kind of line ending', () => {
  for (const source of SOURCES) {
    const table = new LineTable(source);
    const count = source.split(/\r\n|\r|\n/).length;
    for (let line = 1; line <= count + 1; line++) {
      assert.equal(table.context(line), lineContext(source, line), `${JSON.stringify(source)} line ${line}`);
    }
    assert.equal(table.lines, count, JSON.stringify(source));
    assert.equal(table.line(count + 1), null);
  }
});

test('answers lines asked out of order', () => {
  const table = new LineTable('l1\nl2\r\nl3\rl4');
  assert.deepEqual(
    [4, 1, 3, 2, 5].map((n) => table.line(n)),
    ['l4', 'l1', 'l3', 'l2', null],
  );
});
