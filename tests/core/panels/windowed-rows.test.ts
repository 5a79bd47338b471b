import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextWindow } from '../../../renderer/src/layout/useWindowedRows';

const ROW = 28;
const VIEW = 280; // ten rows

test('mounts the rows on screen and a few beyond each edge, within the list', () => {
  assert.deepEqual(nextWindow({ start: 0, end: 0 }, 0, VIEW, 0, ROW, 22_000), { start: 0, end: 18 });
  assert.deepEqual(nextWindow({ start: 0, end: 0 }, 1000 * ROW, VIEW, 0, ROW, 22_000), { start: 992, end: 1018 });
  assert.deepEqual(nextWindow({ start: 0, end: 0 }, 21_995 * ROW, VIEW, 0, ROW, 22_000), { start: 21_987, end: 22_000 });
});

test('keeps the window while it covers the screen, and moves it once it does not', () => {
  const win = nextWindow({ start: 0, end: 0 }, 1000 * ROW, VIEW, 0, ROW, 22_000);
  assert.equal(nextWindow(win, 1005 * ROW, VIEW, 0, ROW, 22_000), win);
  assert.deepEqual(nextWindow(win, 1010 * ROW, VIEW, 0, ROW, 22_000), { start: 1002, end: 1028 });
});

test('a list that shrank below the window gets a new one', () => {
  const win = nextWindow({ start: 0, end: 0 }, 0, VIEW, 0, ROW, 22_000);
  assert.deepEqual(nextWindow(win, 0, VIEW, 0, ROW, 5), { start: 0, end: 5 });
});
