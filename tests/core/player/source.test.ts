import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mediaCandidates, sourceCandidates, videoKey } from '../../../renderer/src/player/source';

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
