import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { VideoCitations } from '../../../main/api';
import type { VaultPath } from '../../../main/core/model';
import { filterSources } from '../../../renderer/src/player/sources-model';

const cite = (path: string, seconds: number, text: string) => ({
  path: path as VaultPath,
  title: path.replace(/\.md$/, ''),
  seconds,
  label: String(seconds),
  line: 1,
  text,
});

const videos: VideoCitations[] = [
  {
    videoId: 'Xy4_kq9ZzQ0',
    title: 'Talk on streams',
    channel: 'Stream Channel',
    media: null,
    local: null,
    citations: [cite('Talk.md', 750, 'The log is the source of truth.'), cite('Hurry.md', 900, 'Partitions are the unit of parallelism.')],
  },
  { videoId: 'test-clip', title: 'Clip walkthrough', channel: null, media: 'media/clip.webm', local: null, citations: [cite('Clip.md', 3, 'The counter reads three.')] },
];

test('counts videos, citations and citing notes', () => {
  const list = filterSources(videos, '');
  assert.deepEqual(list.total, { videos: 2, citations: 3, notes: 3 });
  assert.deepEqual(list.shown, { videos: 2, citations: 3 });
});

test('a match on the video keeps all its citations', () => {
  const list = filterSources(videos, 'stream channel');
  assert.equal(list.videos.length, 1);
  assert.equal(list.videos[0]!.citations.length, 2);
});

test('otherwise keeps only the citations whose sentence or note matches every word', () => {
  const list = filterSources(videos, 'PARTITIONS unit');
  assert.deepEqual(
    list.videos.map((v) => v.citations.map((c) => c.text)),
    [['Partitions are the unit of parallelism.']],
  );
  assert.deepEqual(filterSources(videos, 'hurry').shown, { videos: 1, citations: 1 });
  assert.deepEqual(filterSources(videos, 'nothing like this').shown, { videos: 0, citations: 0 });
});

test('lists videos by name', () => {
  assert.deepEqual(
    filterSources(videos, '').videos.map((v) => v.video.title),
    ['Clip walkthrough', 'Talk on streams'],
  );
});
