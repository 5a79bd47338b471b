import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Chapter } from '../../../main/api';
import { chapterAt, percentAt, timelineLength } from '../../../renderer/src/panels/chapters';

const chapters: Chapter[] = [
  { seconds: 0, end: 4, title: 'Opening' },
  { seconds: 4, end: 8, title: 'The middle part' },
  { seconds: 10, end: null, title: 'Closing' },
];

test('a moment belongs to the last chapter started at or before it', () => {
  assert.equal(chapterAt(chapters, 0)?.title, 'Opening');
  assert.equal(chapterAt(chapters, 3.9)?.title, 'Opening');
  assert.equal(chapterAt(chapters, 4)?.title, 'The middle part');
  assert.equal(chapterAt(chapters, 5000)?.title, 'Closing');
});

test('no chapter for a moment in a gap, or before the first, or when there are none', () => {
  assert.equal(chapterAt(chapters, 9), null);
  assert.equal(chapterAt([{ seconds: 5, end: null, title: 'Late' }], 2), null);
  assert.equal(chapterAt([], 2), null);
});

test('the timeline is as long as the video, else as far as chapters and moments reach', () => {
  assert.equal(timelineLength(600, chapters, [700]), 600);
  assert.equal(timelineLength(null, chapters, [7]), 10);
  assert.equal(timelineLength(null, chapters.slice(0, 2), [30]), 30);
  assert.equal(timelineLength(null, [], []), 1);
  assert.equal(percentAt(3, 12), 25);
  assert.equal(percentAt(30, 12), 100);
});

test('finding the chapter of a moment is logarithmic: 100,000 lookups among 100,000 chapters stay fast', () => {
  const many: Chapter[] = Array.from({ length: 100_000 }, (_, i) => ({ seconds: i * 10, end: i * 10 + 9, title: `C${i}` }));
  const start = performance.now();
  let hits = 0;
  for (let i = 0; i < 100_000; i++) if (chapterAt(many, i * 10 + 3)?.title === `C${i}`) hits++;
  assert.equal(hits, 100_000);
  assert.ok(performance.now() - start < 500);
});
