import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeStamp, nextStamp, previousStamp, stampSeconds } from '../../../renderer/src/player/timeline';

const stamps = [1, 3, 5];

test('collects a note’s distinct stamps of one video, sorted', () => {
  const ts = [
    { seconds: 5, videoId: 'v' },
    { seconds: 1, videoId: 'v' },
    { seconds: 5, videoId: 'v' },
    { seconds: 2, videoId: 'other' },
  ];
  assert.deepEqual(stampSeconds(ts, 'v'), [1, 5]);
  assert.deepEqual(stampSeconds(ts, 'other'), [2]);
});

test('the active quote is the latest one started, allowing a seek that lands just short', () => {
  assert.equal(activeStamp(stamps, 0), null);
  assert.equal(activeStamp(stamps, 1), 1);
  assert.equal(activeStamp(stamps, 2.99), 3);
  assert.equal(activeStamp(stamps, 2.6), 3);
  assert.equal(activeStamp(stamps, 2.4), 1);
  assert.equal(activeStamp(stamps, 4.9), 5);
  assert.equal(activeStamp(stamps, 100), 5);
  assert.equal(activeStamp([], 3), null);
});

test('next skips the quote being played; previous restarts it only early on', () => {
  assert.equal(nextStamp(stamps, 3), 5);
  assert.equal(nextStamp(stamps, 0), 1);
  assert.equal(nextStamp(stamps, 5), null);
  assert.equal(previousStamp(stamps, 3.2), 1);
  assert.equal(previousStamp(stamps, 5), 3);
  assert.equal(previousStamp(stamps, 1.2), null);
});
