import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { creationOrder, frontMatterCreated, parseDateValue } from '../../../main/core/graph/created';

const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, m - 1, d, h, mi, s);

describe('parseDateValue', () => {
  it('reads the forms people write dates in', () => {
    const day = utc(2024, 3, 5);
    for (const v of ['2024-03-05', '2024-3-5', '2024/03/05', '2024.03.05', '05.03.2024', '20240305', '[[2024-03-05]]', '[[Daily/2024-03-05|Tuesday]]', 'March 5, 2024', 'Mar 5 2024', '5 March 2024', '5th Mar 2024', 'Tuesday, March 5, 2024', ' "2024-03-05" ', '2024-03-05 Tue']) {
      assert.equal(parseDateValue(v), day, v);
    }
  });

  it('keeps the time of day and honours a zone', () => {
    assert.equal(parseDateValue('2024-03-05T10:20'), utc(2024, 3, 5, 10, 20));
    assert.equal(parseDateValue('2024-03-05 10:20:30'), utc(2024, 3, 5, 10, 20, 30));
    assert.equal(parseDateValue('2024-03-05T10:20:30.250Z'), utc(2024, 3, 5, 10, 20, 30) + 250);
    assert.equal(parseDateValue('2024-03-05T10:20:00+02:00'), utc(2024, 3, 5, 8, 20));
    assert.equal(parseDateValue('2024-03-05T10:20:00-0130'), utc(2024, 3, 5, 11, 50));
    assert.equal(parseDateValue('202403051230'), utc(2024, 3, 5, 12, 30));
    assert.equal(parseDateValue('05.03.2024 09:15'), utc(2024, 3, 5, 9, 15));
  });

  it('reads epoch seconds and milliseconds, and the first date of a list', () => {
    assert.equal(parseDateValue(1709596800), utc(2024, 3, 5));
    assert.equal(parseDateValue(1709596800000), utc(2024, 3, 5));
    assert.equal(parseDateValue('1709596800'), utc(2024, 3, 5));
    assert.equal(parseDateValue(['not a date', '2024-03-05']), utc(2024, 3, 5));
  });

  it('refuses what is not a date rather than guessing', () => {
    for (const v of ['', 'soon', '2024-02-30', '2024-13-01', '2024-03-05T25:00', '03/05/2024', 'Mayday 5 2024', 42, 2024, -5, null, true, {}, 'x'.repeat(100)]) {
      assert.equal(parseDateValue(v), null, JSON.stringify(v));
    }
  });
});

describe('frontMatterCreated', () => {
  it('prefers created over date, whatever their case, and skips one that is not a date', () => {
    assert.equal(frontMatterCreated({ date: '2020-01-01', created: '2019-05-06' }), utc(2019, 5, 6));
    assert.equal(frontMatterCreated({ Date: '2020-01-01' }), utc(2020, 1, 1));
    assert.equal(frontMatterCreated({ created: 'someday', date: '2020-01-01' }), utc(2020, 1, 1));
    assert.equal(frontMatterCreated({ title: 'x' }), null);
    assert.equal(frontMatterCreated(null), null);
  });
});

describe('creationOrder', () => {
  it('orders by front-matter date, else birth time, with ties by path and unknown last', () => {
    const order = creationOrder([
      { path: 'c.md', written: null, born: utc(2023, 1, 1) },
      { path: 'b.md', written: utc(2021, 1, 1), born: utc(2024, 6, 1) },
      { path: 'z.md', written: null, born: null },
      { path: 'a2.md', written: utc(2022, 1, 1), born: null },
      { path: 'a1.md', written: utc(2022, 1, 1), born: utc(2020, 1, 1) },
      { path: 'd.md', written: null, born: utc(2021, 6, 1) },
    ]);
    assert.deepEqual(order, ['b.md', 'd.md', 'a1.md', 'a2.md', 'c.md', 'z.md']);
  });

  it('gives the same order whatever order the notes come in', () => {
    const entries = Array.from({ length: 50 }, (_, i) => ({ path: `n${i}.md`, written: i % 3 ? utc(2024, 1, 1 + (i % 4)) : null, born: i % 5 ? utc(2023, 1, 1) : null }));
    const shuffled = [...entries].sort((a, b) => ((a.path.length * 7 + a.path.charCodeAt(1)) % 11) - ((b.path.length * 7 + b.path.charCodeAt(1)) % 11));
    assert.deepEqual(creationOrder(shuffled), creationOrder(entries));
  });
});
