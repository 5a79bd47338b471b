import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LocalCopy, VideoEntry } from '../../../main/api';
import { compareVideos, formatBytes, groupVideos, watchUrls } from '../../../renderer/src/videos/videos-model';

function copy(name: string, bytes: number, format = 'webm'): LocalCopy {
  return { root: 1, path: name, name, bytes, format, playable: format !== 'mkv', reason: format === 'mkv' ? 'Chromium does not play Matroska (.mkv) files' : null };
}

function video(videoId: string, over: Partial<VideoEntry> = {}): VideoEntry {
  return {
    videoId,
    title: null,
    channel: null,
    duration: null,
    uploadDate: null,
    citations: 1,
    notes: 1,
    noteMedia: null,
    local: null,
    copies: [],
    captions: [],
    chapters: [],
    thumbnail: null,
    problems: [],
    ...over,
  };
}

const ids = (list: readonly VideoEntry[]) => list.map((v) => v.videoId);

const library = [
  video('AAAAAAAAAAA', { title: 'zebra talk', channel: 'Beta', citations: 3, notes: 2, local: copy('z.webm', 5000), duration: 600, uploadDate: '2021-03-04' }),
  video('BBBBBBBBBBB', { title: 'Apple talk', channel: 'alpha', citations: 12, notes: 1, local: copy('a.mkv', 9000, 'mkv'), uploadDate: '2019-01-01' }),
  video('CCCCCCCCCCC', { title: 'Video 10', channel: null, citations: 7, notes: 4 }),
  video('DDDDDDDDDDD', { title: 'video 9', channel: 'Beta', citations: 7, notes: 3, duration: 100 }),
  video('local-clip', { title: null, citations: 2, notes: 1 }),
  video('EEEEEEEEEEE', { title: 'Own file', citations: 1, noteMedia: 'media/own.webm' }),
];

test('splits the videos with a local copy (library or `media:`) from those cited with none', () => {
  const g = groupVideos(library, '', { key: 'title', dir: 'asc' });
  assert.deepEqual(ids(g.local), ['BBBBBBBBBBB', 'EEEEEEEEEEE', 'AAAAAAAAAAA']);
  assert.deepEqual(ids(g.missing), ['local-clip', 'DDDDDDDDDDD', 'CCCCCCCCCCC']);
  assert.equal(g.total, 6);
});

test('sorts by title as people read names (case ignored, numbers by value), falling back to the id', () => {
  const g = groupVideos(library, '', { key: 'title', dir: 'desc' });
  assert.deepEqual(ids(g.missing), ['CCCCCCCCCCC', 'DDDDDDDDDDD', 'local-clip']);
});

test('sorts by citations, ties by name, and puts unknown values last in either direction', () => {
  const all = [...library];
  assert.deepEqual(ids(all.sort(compareVideos({ key: 'citations', dir: 'desc' }))).slice(0, 4), ['BBBBBBBBBBB', 'DDDDDDDDDDD', 'CCCCCCCCCCC', 'AAAAAAAAAAA']);
  assert.deepEqual(ids(all.sort(compareVideos({ key: 'citations', dir: 'asc' }))).slice(0, 2), ['EEEEEEEEEEE', 'local-clip']);
  assert.deepEqual(ids(all.sort(compareVideos({ key: 'duration', dir: 'asc' }))).slice(0, 3), ['DDDDDDDDDDD', 'AAAAAAAAAAA', 'BBBBBBBBBBB']);
  assert.deepEqual(ids(all.sort(compareVideos({ key: 'duration', dir: 'desc' }))).slice(0, 3), ['AAAAAAAAAAA', 'DDDDDDDDDDD', 'BBBBBBBBBBB']);
  assert.deepEqual(ids(all.sort(compareVideos({ key: 'size', dir: 'desc' }))).slice(0, 2), ['BBBBBBBBBBB', 'AAAAAAAAAAA']);
  assert.deepEqual(ids(all.sort(compareVideos({ key: 'uploaded', dir: 'desc' }))).slice(0, 2), ['AAAAAAAAAAA', 'BBBBBBBBBBB']);
  assert.deepEqual(ids(all.sort(compareVideos({ key: 'channel', dir: 'asc' }))).slice(0, 3), ['BBBBBBBBBBB', 'DDDDDDDDDDD', 'AAAAAAAAAAA']);
});

test('filters on every word, across title, channel, id, file and caption languages', () => {
  const withCaptions = [...library, video('FFFFFFFFFFF', { title: 'Captioned', captions: [{ root: 1, path: 'x.pt-BR.vtt', name: 'x.pt-BR.vtt', bytes: 1, lang: 'pt-BR', format: 'vtt' }] })];
  assert.deepEqual(ids(groupVideos(withCaptions, 'BETA video', { key: 'title', dir: 'asc' }).missing), ['DDDDDDDDDDD']);
  assert.deepEqual(ids(groupVideos(withCaptions, 'mkv', { key: 'title', dir: 'asc' }).local), ['BBBBBBBBBBB']);
  assert.deepEqual(ids(groupVideos(withCaptions, 'ccccccc', { key: 'title', dir: 'asc' }).missing), ['CCCCCCCCCCC']);
  assert.deepEqual(ids(groupVideos(withCaptions, ' PT-br ', { key: 'title', dir: 'asc' }).missing), ['FFFFFFFFFFF']);
  const none = groupVideos(withCaptions, 'nothing like this', { key: 'title', dir: 'asc' });
  assert.equal(none.local.length + none.missing.length, 0);
  assert.equal(none.total, 7);
});

test('watch URLs: one a line, only YouTube-shaped ids with no copy, each once', () => {
  const g = groupVideos([...library, library[2]!], '', { key: 'title', dir: 'asc' });
  assert.equal(watchUrls(g.missing), ['https://www.youtube.com/watch?v=DDDDDDDDDDD', 'https://www.youtube.com/watch?v=CCCCCCCCCCC'].join('\n'));
  assert.equal(watchUrls(library), ['https://www.youtube.com/watch?v=CCCCCCCCCCC', 'https://www.youtube.com/watch?v=DDDDDDDDDDD'].join('\n'));
  assert.equal(watchUrls([]), '');
});

test('sizes read as a file manager shows them', () => {
  assert.equal(formatBytes(1), '1 byte');
  assert.equal(formatBytes(900), '900 bytes');
  assert.equal(formatBytes(1536), '1.5 KB');
  assert.equal(formatBytes(12 * 1024 * 1024), '12 MB');
  assert.equal(formatBytes(1.44 * 1024 ** 3), '1.4 GB');
});

test('groups and sorts 20,000 videos in well under a frame budget per thousand', () => {
  const many = Array.from({ length: 20_000 }, (_, i) => video(`id${i}`, { title: `Talk ${i}`, citations: i % 97, local: i % 3 ? copy(`t${i}.webm`, i) : null }));
  const start = performance.now();
  const g = groupVideos(many, 'talk', { key: 'citations', dir: 'desc' });
  const ms = performance.now() - start;
  assert.equal(g.local.length + g.missing.length, 20_000);
  assert.ok(ms < 1000, `took ${ms} ms`);
});
