import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LocalCopy } from '../../../main/api';
import { mediaCandidates, sameSource, sourceCandidates, sourceLabel, switchLabel, videoKey } from '../../../renderer/src/player/source';

test('prefers the local media file, then YouTube for a real id', () => {
  assert.deepEqual(sourceCandidates({ videoId: '2XgU6T4DalY', media: 'media/talk.webm', notePath: 'Podcast/Talk.md' }), [
    { kind: 'media', path: 'media/talk.webm' },
    { kind: 'media', path: 'Podcast/media/talk.webm' },
    { kind: 'youtube', videoId: '2XgU6T4DalY' },
  ]);
});

test('never makes a YouTube source from an id that is not a YouTube id', () => {
  assert.deepEqual(sourceCandidates({ videoId: 'local-sample-clip', media: null, notePath: 'a.md' }), []);
  assert.deepEqual(sourceCandidates({ videoId: 'local-sample-clip', media: 'media/sample-clip.webm', notePath: 'Sources/A.md' }), [
    { kind: 'media', path: 'media/sample-clip.webm' },
    { kind: 'media', path: 'Sources/media/sample-clip.webm' },
  ]);
});

test('reads media paths vault-relative first, then relative to the note, never outside the vault', () => {
  assert.deepEqual(mediaCandidates('./clips/../clip.webm', 'notes/deep/N.md'), ['clip.webm', 'notes/deep/clip.webm']);
  assert.deepEqual(mediaCandidates('/media/a.mp3', 'notes/N.md'), ['media/a.mp3']);
  assert.deepEqual(mediaCandidates('media\\a.mp3', null), ['media/a.mp3']);
  assert.deepEqual(mediaCandidates('../outside.webm', 'N.md'), []);
  assert.deepEqual(mediaCandidates('../shared/a.webm', 'notes/N.md'), ['shared/a.webm']);
  assert.deepEqual(mediaCandidates('https://example.com/a.mp4', 'N.md'), []);
  assert.deepEqual(mediaCandidates('  ', 'N.md'), []);
});

test('keys a recording by its id, else by its file', () => {
  assert.equal(videoKey('abc', 'x.webm'), 'abc');
  assert.equal(videoKey(null, 'x.webm'), 'media:x.webm');
  assert.equal(videoKey(null, null), null);
});

const copy = (over: Partial<LocalCopy> = {}): LocalCopy => ({
  root: 1,
  path: 'yt/Talk [2XgU6T4DalY].webm',
  name: 'Talk [2XgU6T4DalY].webm',
  bytes: 1000,
  format: 'webm',
  playable: true,
  reason: null,
  ...over,
});

test('plays the note’s media: file first, then the library’s copy, then YouTube', () => {
  const local = copy();
  assert.deepEqual(sourceCandidates({ videoId: '2XgU6T4DalY', media: 'media/talk.webm', notePath: 'Talk.md', local }), [
    { kind: 'media', path: 'media/talk.webm' },
    { kind: 'local', copy: local },
    { kind: 'youtube', videoId: '2XgU6T4DalY' },
  ]);
  // Online or not, the copy comes before YouTube.
  assert.deepEqual(
    sourceCandidates({ videoId: '2XgU6T4DalY', media: null, notePath: 'Talk.md', local }).map((c) => c.kind),
    ['local', 'youtube'],
  );
});

test('leaves out a copy Chromium cannot play, and a copy that is the note’s own media: file', () => {
  const mkv = copy({ path: 'yt/Talk [2XgU6T4DalY].mkv', name: 'Talk [2XgU6T4DalY].mkv', format: 'mkv', playable: false, reason: 'no' });
  assert.deepEqual(sourceCandidates({ videoId: '2XgU6T4DalY', media: null, notePath: 'Talk.md', local: mkv }), [
    { kind: 'youtube', videoId: '2XgU6T4DalY' },
  ]);
  const inVault = copy({ root: 0, path: 'media/talk.webm', name: 'talk.webm' });
  assert.deepEqual(
    sourceCandidates({ videoId: '2XgU6T4DalY', media: 'media/talk.webm', notePath: 'Talk.md', local: inVault }).map((c) => c.kind),
    ['media', 'youtube'],
  );
});

test('a copy of a video with no YouTube id still plays', () => {
  const local = copy({ path: 'local-talk.webm', name: 'local-talk.webm' });
  assert.deepEqual(sourceCandidates({ videoId: 'local-talk', media: null, notePath: 'a.md', local }), [{ kind: 'local', copy: local }]);
});

test('names the source as the Playing from status says it, and the switch to it', () => {
  const local = copy();
  assert.equal(sourceLabel({ kind: 'local', copy: local }), 'local copy · Talk [2XgU6T4DalY].webm');
  assert.equal(sourceLabel({ kind: 'media', path: 'media/talk.webm' }), 'talk.webm');
  assert.equal(sourceLabel({ kind: 'youtube', videoId: '2XgU6T4DalY' }), 'YouTube');
  assert.equal(switchLabel({ kind: 'youtube', videoId: '2XgU6T4DalY' }), 'Play from YouTube');
  assert.equal(switchLabel({ kind: 'local', copy: local }), 'Play local copy');
  assert.ok(sameSource({ kind: 'local', copy: local }, { kind: 'local', copy: copy() }));
  assert.ok(!sameSource({ kind: 'local', copy: local }, { kind: 'local', copy: copy({ root: 2 }) }));
});
