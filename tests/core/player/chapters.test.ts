import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chapterAt, sortedChapters } from '../../../renderer/src/player/chapters';
import type { Chapter } from '../../../main/api';

const chapters: Chapter[] = sortedChapters([
  { seconds: 600, end: 900, title: 'Hiring' },
  { seconds: 0, end: null, title: 'Intro' },
  { seconds: 120, end: null, title: 'Data teams' },
]);

test('sorts chapters by start and drops ones with no usable start', () => {
  assert.deepEqual(
    sortedChapters([...chapters, { seconds: Number.NaN, end: null, title: 'x' }, { seconds: -1, end: null, title: 'y' }]).map((c) => c.title),
    ['Intro', 'Data teams', 'Hiring'],
  );
});

test('finds the chapter a second falls in: the last to start at or before it', () => {
  assert.equal(chapterAt(chapters, 0)?.title, 'Intro');
  assert.equal(chapterAt(chapters, 119.9)?.title, 'Intro');
  assert.equal(chapterAt(chapters, 120)?.title, 'Data teams');
  assert.equal(chapterAt(chapters, 599)?.title, 'Data teams');
  assert.equal(chapterAt(chapters, 600)?.title, 'Hiring');
});

test('a second past a chapter’s stated end, or before the first, is in no chapter', () => {
  assert.equal(chapterAt(chapters, 900), null);
  assert.equal(chapterAt(sortedChapters([{ seconds: 30, end: null, title: 'Late start' }]), 10), null);
  assert.equal(chapterAt([], 10), null);
});

test('agrees with a linear scan on many chapters', () => {
  const many = sortedChapters(Array.from({ length: 500 }, (_, i) => ({ seconds: i * 7, end: null, title: `c${i}` })));
  for (const t of [0, 3, 7, 6.99, 1000, 3492, 3493, 99999]) {
    const linear = [...many].reverse().find((c) => c.seconds <= t) ?? null;
    assert.equal(chapterAt(many, t), linear, `at ${t}`);
  }
});
