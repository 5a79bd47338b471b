import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimeLabel } from '../../../main/core/syntax/time';
import { flagMoments } from '../../../renderer/src/player/suspicious';

const at = (path: string, label: string) => ({ path, label: parseTimeLabel(label)!.label, seconds: parseTimeLabel(label)!.seconds });

test('flags moments past the end of a video of known length', () => {
  const flags = flagMoments([at('a.md', '00:00:02'), at('a.md', '00:00:09')], 6);
  assert.equal(flags.moments[0], null);
  assert.equal(flags.moments[1]?.kind, 'past-end');
  assert.match(flags.moments[1]!.message, /after the end/);
  assert.equal(flags.count, 1);
});

test('flags nothing past the end while the length is unknown', () => {
  assert.equal(flagMoments([at('a.md', '00:00:09')], null).count, 0);
});

test('a note whose stamps all read as minutes written as hours in a 20-minute video', () => {
  const moments = [at('ok.md', '00:04:10'), at('hurry.md', '05:38:00'), at('hurry.md', '12:10:00')];
  const flags = flagMoments(moments, 20 * 60);
  assert.equal(flags.notes.get('hurry.md')?.certain, true);
  assert.equal(flags.notes.has('ok.md'), false);
  assert.deepEqual(
    flags.moments.map((f) => f && f.kind === 'hours-as-minutes' && f.meant),
    [null, '05:38', '12:10'],
  );
});

test('suspects such a note without a known length when other notes cite less of the video', () => {
  const moments = [at('talk.md', '00:12:30'), at('talk.md', '01:10:00'), at('hurry.md', '05:38:00'), at('hurry.md', '12:10:00')];
  const flags = flagMoments(moments, null);
  assert.equal(flags.notes.get('hurry.md')?.certain, false);
  assert.equal(flags.count, 2);
});

test('leaves alone a long video cited in round minutes', () => {
  // A two-hour talk: 01:10:00 and 01:45:00 are real, and fit.
  assert.equal(flagMoments([at('a.md', '01:10:00'), at('a.md', '01:45:00'), at('b.md', '01:50:12')], 7200).count, 0);
  assert.equal(flagMoments([at('a.md', '01:10:00'), at('a.md', '01:45:00'), at('b.md', '01:50:12')], null).count, 0);
  // Round stamps under an hour say nothing either way.
  assert.equal(flagMoments([at('a.md', '00:05:00'), at('b.md', '00:02:10')], null).count, 0);
  // A note with one odd second is not "all minutes".
  assert.equal(flagMoments([at('a.md', '05:38:00'), at('a.md', '05:38:07'), at('b.md', '00:02:10')], null).count, 0);
});
