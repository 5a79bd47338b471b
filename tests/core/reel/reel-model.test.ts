import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { buildReel, pastEndNotice, reelAsList, stepAt } from '../../../renderer/src/player/reel-model';
import type { Citation } from '../../../main/api';
import type { VaultPath } from '../../../main/core/model';
import { formatTimeLabel } from '../../../main/core/syntax/time';

const cite = (seconds: number, path = 'A.md', text = `said at ${seconds}`, line = seconds): Citation => ({
  path: path as VaultPath,
  title: path.replace(/\.md$/, ''),
  seconds,
  label: formatTimeLabel(seconds),
  line,
  text,
});

test('sorts stamps from several notes by time, whatever order they come in', () => {
  const reel = buildReel([cite(40, 'B.md'), cite(5, 'A.md'), cite(90, 'A.md'), cite(12, 'C.md')]);
  assert.deepEqual(
    reel.moments.map((m) => [m.seconds, m.citations[0]!.path]),
    [
      [5, 'A.md'],
      [12, 'C.md'],
      [40, 'B.md'],
      [90, 'A.md'],
    ],
  );
});

test('merges the same second cited by two notes into one moment showing both quotes', () => {
  const reel = buildReel([cite(30, 'B.md', 'second view'), cite(30, 'A.md', 'first view'), cite(60)]);
  assert.equal(reel.moments.length, 2);
  assert.deepEqual(
    reel.moments[0]!.citations.map((c) => c.text),
    ['first view', 'second view'],
  );
});

test('plays from the lead before the stamp for at most the window', () => {
  const [m] = buildReel([cite(100)], { lead: 3, window: 20 }).moments;
  assert.equal(m!.start, 97);
  assert.equal(m!.end, 117);
  assert.equal(m!.stop, 'window');
  const [early] = buildReel([cite(1)], { lead: 3, window: 20 }).moments;
  assert.equal(early!.start, 0, 'never before the start of the recording');
});

test('stops at the end of the caption sentence the stamp falls in, joined across cues', () => {
  const cues = [
    { start: 95, end: 99, text: 'We kept the data' },
    { start: 99, end: 104, text: 'in one place for years.' },
    { start: 104, end: 110, text: 'Then it moved.' },
  ];
  const [m] = buildReel([cite(97)], { cues }).moments;
  assert.equal(m!.end, 104);
  assert.equal(m!.stop, 'caption');
});

test('a caption stop right after the stamp moves on to a later sentence instead of cutting the quote', () => {
  const cues = [
    { start: 10, end: 20.5, text: 'A long sentence ends.' },
    { start: 20.5, end: 26, text: 'The quoted one.' },
  ];
  const [m] = buildReel([cite(20)], { cues }).moments;
  assert.equal(m!.end, 26);
});

test('stops at the next chapter when it comes before the window', () => {
  const chapters = [
    { seconds: 0, end: null, title: 'Intro' },
    { seconds: 110, end: null, title: 'Next' },
  ];
  const [m] = buildReel([cite(100)], { chapters }).moments;
  assert.equal(m!.end, 110);
  assert.equal(m!.stop, 'chapter');
});

test('never plays longer than the window, even when the sentence runs on', () => {
  const cues = [{ start: 0, end: 300, text: 'An endless cue without a full stop' }];
  const [m] = buildReel([cite(100)], { cues, window: 10 }).moments;
  assert.equal(m!.end - m!.start, 10);
  assert.equal(m!.stop, 'window');
});

test('skips stamps past the end of the recording and says how many', () => {
  const reel = buildReel([cite(2), cite(9), cite(30, 'A.md'), cite(30, 'B.md'), cite(61)], { duration: 12.008 });
  assert.deepEqual(
    reel.moments.map((m) => m.seconds),
    [2, 9],
  );
  assert.equal(reel.pastEnd.length, 3);
  assert.equal(pastEndNotice(reel, 12.008), '2 moments past the end of the video (00:12) were skipped.');
  assert.equal(pastEndNotice(buildReel([cite(2)], { duration: 12 }), 12), null);
  assert.equal(reel.moments[1]!.end, 12.008, 'the last moment stops at the end');
  assert.equal(reel.moments[1]!.stop, 'end');
});

test('overlapping moments hand over where the next one starts, and playback flows on without a seek', () => {
  const reel = buildReel([cite(2), cite(5), cite(9)], { duration: 12 });
  assert.deepEqual(
    reel.moments.map((m) => [m.start, m.end, m.stop]),
    [
      [0, 5, 'next'],
      [2, 6, 'next'],
      [6, 12, 'end'],
    ],
  );
  assert.deepEqual(stepAt(reel.moments, 0, 3), { kind: 'stay' });
  assert.deepEqual(stepAt(reel.moments, 0, 5), { kind: 'advance', index: 1, seek: null });
  assert.deepEqual(stepAt(reel.moments, 2, 12), { kind: 'finished' });
  const apart = buildReel([cite(10), cite(100)]);
  assert.deepEqual(stepAt(apart.moments, 0, 27), { kind: 'advance', index: 1, seek: 97 });
});

test('copies the reel as lines with YouTube links at each cited second, the quotes and note titles', () => {
  const reel = buildReel([cite(125, 'Notes/Talk.md', 'the key claim'), cite(125, 'Other.md', 'agreed'), cite(7, 'Other.md', '')]);
  assert.equal(
    reelAsList(reel, 'abcDEF12345'),
    [
      '- 00:07 https://www.youtube.com/watch?v=abcDEF12345&t=7s (Other)',
      '- 02:05 https://www.youtube.com/watch?v=abcDEF12345&t=125s “the key claim” (Notes/Talk) · “agreed” (Other)',
    ].join('\n'),
  );
  assert.equal(reelAsList(reel, null).split('\n')[0], '- 00:07 (Other)');
});

test('a note with 100k stamps builds in time that grows linearly', () => {
  const make = (n: number) => Array.from({ length: n }, (_, i) => cite((i * 7919) % (n * 3), i % 2 ? 'A.md' : 'B.md', 'x', i));
  const cues = Array.from({ length: 20000 }, (_, i) => ({ start: i * 5, end: i * 5 + 5, text: i % 3 ? 'on' : 'done.' }));
  const time = (n: number) => {
    const input = make(n);
    const t = performance.now();
    const reel = buildReel(input, { cues, duration: 200_000 });
    const ms = performance.now() - t;
    assert.ok(reel.moments.length > 0);
    return ms;
  };
  time(10_000); // warm up
  const small = Math.min(time(50_000), time(50_000));
  const large = Math.min(time(100_000), time(100_000));
  assert.ok(large < 1000, `100k stamps took ${large} ms`);
  assert.ok(large < small * 4, `doubling the stamps went from ${small} to ${large} ms`);
});
