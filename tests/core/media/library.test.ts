/** The media library through the real service: real folders on disk, real watcher events. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MediaRoot, VaultEvent, VideoEntry } from '../../../main/api';
import { VaultService } from '../../../main/service';
import { SAMPLE_CLIP, writeMediaFolder } from '../../fixtures/media-folder';
import { waitFor } from '../helpers/temp-vault';

const MAIN = '2XgU6T4DalY';
const SECOND = 'abcdefghijk';
const IDLESS = 'qqqqqqqqqqq';
const OTHER_SITE = 'x7f3kq'; // another site's id: not YouTube's form, known because a note cites it
const HEVC = 'hhhhhhhhhhh';

function writeVault(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const note = (name: string, front: string, body: string) => writeFileSync(join(dir, name), `---\n${front}\n---\n\n${body}\n`);
  note('Main.md', `title: Main talk\nvideoId: ${MAIN}`, 'Said at <a class="yt-timestamp" data-t="00:00:05">[00:00:05]</a> and [00:10](https://youtu.be/' + MAIN + '?t=10).');
  note('Second.md', `videoId: ${SECOND}`, 'At <a class="yt-timestamp" data-t="00:00:02">[00:00:02]</a>.');
  note('Idless.md', `videoId: ${IDLESS}`, 'At <a class="yt-timestamp" data-t="00:00:03">[00:00:03]</a>.');
  note('Other.md', `videoId: ${OTHER_SITE}`, 'At <a class="yt-timestamp" data-t="00:00:04">[00:00:04]</a>.');
  note('Hevc.md', `videoId: ${HEVC}`, 'At <a class="yt-timestamp" data-t="00:00:01">[00:00:01]</a>.');
  note('Uncited copy.md', 'title: nothing', 'No video here.');
}

let base: string;

before(async () => {
  base = await mkdtemp(join(tmpdir(), 'cairn-media-'));
});

after(async () => {
  await rm(base, { recursive: true, force: true });
});

async function open(vault: string, options: { media?: string[]; watch?: boolean; cacheDir?: string; maxFiles?: number } = {}) {
  const events: VaultEvent[] = [];
  const service = new VaultService({ canOpenOther: false, watch: options.watch ?? false, search: false, media: options.media ?? [], cacheDir: options.cacheDir ?? null, maxFiles: options.maxFiles, rootCheckMs: 50 });
  service.onEvent((e) => events.push(e));
  await service.openVault({ root: vault });
  await service.media!.scanned();
  return { service, events };
}

const byId = (videos: VideoEntry[], id: string) => videos.find((v) => v.videoId === id);

describe('finding local copies', () => {
  let vault: string;
  let media: string;
  let outside: string;

  before(() => {
    vault = join(base, 'find/vault');
    media = join(base, 'find/media');
    outside = join(base, 'find/outside');
    writeVault(vault);
    writeMediaFolder(media, [
      { id: MAIN, title: 'Main talk', vtt: ['en', 'en-US'], srt: true, info: true, thumbnail: 'webp', duplicate: 'mkv', liveChat: true },
      { id: SECOND, title: 'Second', ext: 'webm', folder: 'Channel' },
      { id: SECOND, bare: true, ext: 'mp4', folder: 'Channel' },
      { id: IDLESS, idless: true, title: 'Renamed by hand', vtt: true, thumbnail: 'jpg' },
      { id: OTHER_SITE, title: 'From elsewhere', ext: 'mp4' },
      { id: HEVC, title: 'Phone video', ext: 'mp4', info: { vcodec: 'hev1.1.6.L93.90', acodec: 'mp4a.40.2', duration: 12 } },
      { id: 'uncitedvid1', title: 'Not cited', vtt: true },
    ]);
    // The bare mp4 is the larger playable copy of SECOND.
    appendFileSync(join(media, 'Channel', `${SECOND}.mp4`), Buffer.alloc(1000));
    // A captions file in the vault itself (root 0), beside the notes.
    writeFileSync(join(vault, `Main talk [${MAIN}].fr.vtt`), 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nBonjour\n');
    // yt-dlp leftovers are not copies.
    copyFileSync(SAMPLE_CLIP, join(media, `Main talk [${MAIN}].f251.webm`));
    copyFileSync(SAMPLE_CLIP, join(media, `Main talk [${MAIN}].webm.part`));
    // A symlink that leads out of the media folder, and a FIFO: neither is listed.
    mkdirSync(outside, { recursive: true });
    copyFileSync(SAMPLE_CLIP, join(outside, 'secret.webm'));
    symlinkSync(join(outside, 'secret.webm'), join(media, `Escaped [${HEVC}].webm`));
    execFileSync('mkfifo', [join(media, `Pipe [${HEVC}].webm`)]);
  });

  it('lists every cited video with its copies, captions, chapters and thumbnail', async () => {
    const { service } = await open(vault, { media: [media] });
    try {
      const { videos, roots } = await service.videos({});
      assert.deepEqual(videos.map((v) => v.videoId), [HEVC, MAIN, SECOND, IDLESS, OTHER_SITE].sort());
      assert.deepEqual(roots.map((r: MediaRoot) => [r.id, r.origin, r.missing, r.scanning]), [[0, 'vault', false, false], [1, 'command-line', false, false]]);

      const main = byId(videos, MAIN)!;
      assert.equal(main.title, 'Main talk');
      assert.equal(main.channel, 'Sample Channel');
      assert.equal(main.duration, 12);
      assert.equal(main.uploadDate, '2024-01-31');
      assert.equal(main.citations, 2);
      assert.equal(main.notes, 1);
      // Both copies listed; the playable webm is chosen over the larger mkv.
      assert.deepEqual(main.copies.map((c) => [c.name, c.playable]), [[`Main talk [${MAIN}].webm`, true], [`Main talk [${MAIN}].mkv`, false]]);
      assert.equal(main.local?.path, `Main talk [${MAIN}].webm`);
      assert.equal(main.copies[1]!.reason, 'Chromium does not play Matroska (.mkv) files');
      assert.deepEqual(main.captions.map((c) => [c.root, c.lang, c.format]), [[1, 'de', 'srt'], [1, 'en', 'vtt'], [1, 'en-US', 'vtt'], [0, 'fr', 'vtt']]);
      assert.deepEqual(main.chapters.map((c) => [c.seconds, c.title]), [[0, 'Opening'], [4, 'The middle part'], [8, 'Closing']]);
      assert.equal(main.thumbnail?.name, `Main talk [${MAIN}].webp`);
      assert.deepEqual(main.problems, []);

      const second = byId(videos, SECOND)!;
      assert.deepEqual(second.copies.map((c) => c.path), [`Channel/${SECOND}.mp4`, `Channel/Second [${SECOND}].webm`]);
      assert.equal(second.local!.bytes, second.copies[1]!.bytes + 1000);
      assert.equal(second.title, 'Second', 'no info.json: the title of the note naming it stands in');

      const idless = byId(videos, IDLESS)!;
      assert.equal(idless.local?.name, 'Renamed by hand.webm');
      assert.deepEqual(idless.captions.map((c) => c.lang), ['en']);
      assert.equal(idless.thumbnail?.name, 'Renamed by hand.jpg');
      assert.equal(idless.title, 'Renamed by hand');

      assert.equal(byId(videos, OTHER_SITE)!.local?.name, `From elsewhere [${OTHER_SITE}].mp4`);

      const hevc = byId(videos, HEVC)!;
      assert.deepEqual(hevc.copies.map((c) => c.name), [`Phone video [${HEVC}].mp4`], 'the symlink out and the FIFO are not copies');
      assert.equal(hevc.local?.playable, false);
      assert.match(hevc.local!.reason!, /HEVC \(H\.265\)/);

      // citations() carries the same choice.
      const citations = await service.citations({ videoId: MAIN });
      assert.equal(citations.videos[0]!.local?.path, `Main talk [${MAIN}].webm`);
      // The vault's own info
      assert.deepEqual((await service.getVault({}))!.media.map((r) => r.id), [0, 1]);
    } finally {
      await service.close();
    }
  });

  it('confines served paths to the root', async () => {
    const { service } = await open(vault, { media: [media] });
    try {
      assert.equal(await service.mediaPath(1, `Main talk [${MAIN}].webm`), join(media, `Main talk [${MAIN}].webm`));
      assert.equal(await service.mediaPath(1, `Escaped [${HEVC}].webm`), null, 'a symlink that leads out');
      assert.equal(await service.mediaPath(1, '../outside/secret.webm'), null);
      assert.equal(await service.mediaPath(1, 'Channel/../../outside/secret.webm'), null);
      assert.equal(await service.mediaPath(1, '/etc/passwd'), null);
      assert.equal(await service.mediaPath(2, `Main talk [${MAIN}].webm`), null, 'no such root');
      assert.equal(await service.mediaPath(0, 'Main.md'), join(vault, 'Main.md'), 'root 0 is the vault, as asset/ serves it');
      writeFileSync(join(media, 'notes.txt'), 'not a media file');
      assert.equal(await service.mediaPath(1, 'notes.txt'), null, 'an added folder serves only the kinds of file the library lists');
    } finally {
      await service.close();
    }
  });
});

describe('sidecars that go wrong', () => {
  it('reports a broken or huge .info.json as a problem and reads a several-MB one', async () => {
    const vault = join(base, 'bad/vault');
    const media = join(base, 'bad/media');
    writeVault(vault);
    writeMediaFolder(media, [
      { id: MAIN, title: 'Main talk', brokenInfo: true },
      { id: SECOND, title: 'Second', info: { title: 'Big one', duration: 99, padBytes: 5 * 1024 * 1024, chapters: [{ start_time: 0, end_time: 50, title: 'Only' }] } },
      { id: IDLESS, title: 'Huge', info: true },
    ]);
    // Past the cap, without writing 40 MB: a sparse file.
    truncateSync(join(media, `Huge [${IDLESS}].info.json`), 40 * 1024 * 1024);
    const { service } = await open(vault, { media: [media] });
    try {
      const { videos } = await service.videos({});
      const main = byId(videos, MAIN)!;
      assert.equal(main.local?.name, `Main talk [${MAIN}].webm`, 'a broken sidecar does not hide the copy');
      assert.equal(main.problems.length, 1);
      assert.match(main.problems[0]!, /^Main talk \[2XgU6T4DalY\]\.info\.json is not valid JSON/);
      assert.equal(main.title, 'Main talk', 'the note title stands in');
      const second = byId(videos, SECOND)!;
      assert.deepEqual([second.title, second.duration, second.chapters.map((c) => c.title)], ['Big one', 99, ['Only']]);
      const huge = byId(videos, IDLESS)!;
      assert.match(huge.problems[0]!, /40\.0 MB, past the 32\.0 MB/);
    } finally {
      await service.close();
    }
  });
});

describe('media folders that change', () => {
  it('sees a file added (media-changed, then listed), the folder deleted (missing) and recreated (back)', async () => {
    const vault = join(base, 'watch/vault');
    const media = join(base, 'watch/media');
    writeVault(vault);
    writeMediaFolder(media, [{ id: SECOND, title: 'Second' }]);
    const { service, events } = await open(vault, { media: [media], watch: true });
    const lastRoots = () => [...events].reverse().find((e): e is Extract<VaultEvent, { type: 'media-changed' }> => e.type === 'media-changed')?.roots;
    try {
      await waitFor(() => lastRoots()?.[1]?.scanning === false, 'the first scan to be announced');
      const before = events.length;
      writeMediaFolder(media, [{ id: MAIN, title: 'Arrived', vtt: true }]);
      await waitFor(() => events.slice(before).some((e) => e.type === 'media-changed'), 'media-changed after a file was added');
      await waitFor(async () => byId((await service.videos({})).videos, MAIN)?.local?.name === `Arrived [${MAIN}].webm`, 'the new file to be listed');

      const moved = `${media}-away`;
      await rename(media, moved);
      await waitFor(() => lastRoots()?.[1]?.missing === true, 'the folder to be reported missing');
      assert.equal(byId((await service.videos({})).videos, MAIN)!.local, null, 'a missing folder offers no copies');
      assert.equal(await service.mediaPath(1, `Arrived [${MAIN}].webm`), null);

      await rename(moved, media);
      await waitFor(() => lastRoots()?.[1]?.missing === false && lastRoots()?.[1]?.scanning === false, 'the folder to come back');
      await waitFor(async () => byId((await service.videos({})).videos, MAIN)?.local !== null, 'its files to be listed again');
      assert.equal(byId((await service.videos({})).videos, SECOND)!.local?.name, `Second [${SECOND}].webm`);
    } finally {
      await service.close();
    }
  });

  it('sees a copy added to the vault itself', async () => {
    const vault = join(base, 'watch-vault/vault');
    writeVault(vault);
    const { service } = await open(vault, { watch: true });
    try {
      assert.equal(byId((await service.videos({})).videos, MAIN)!.local, null);
      writeMediaFolder(join(vault, 'media'), [{ id: MAIN, title: 'In the vault' }]);
      await waitFor(async () => byId((await service.videos({})).videos, MAIN)?.local?.path === `media/In the vault [${MAIN}].webm`, 'the vault copy to be listed');
      assert.equal(byId((await service.videos({})).videos, MAIN)!.local!.root, 0);
    } finally {
      await service.close();
    }
  });
});

describe('media folders added in Settings', () => {
  it('keeps them per vault in the cache folder, and refuses what a vault would refuse', async () => {
    const vault = join(base, 'settings/vault');
    const media = join(base, 'settings/media');
    const cacheDir = join(base, 'settings/cache');
    writeVault(vault);
    // Nine files; the vault has six.
    writeMediaFolder(media, [MAIN, SECOND, IDLESS].map((id) => ({ id, vtt: true, info: true })));
    let { service } = await open(vault, { cacheDir, maxFiles: 8 });
    try {
      await assert.rejects(service.addMediaFolder({ path: join(base, 'settings/nowhere') }), { code: 'forbidden' });
      await assert.rejects(service.addMediaFolder({ path: '/' }), { code: 'too-large' });
      await assert.rejects(service.addMediaFolder({ path: '/proc' }), { code: 'forbidden' });
      await assert.rejects(service.addMediaFolder({ path: media }), { code: 'too-large' }, 'nine files, past maxFiles 8');
      const roots = await service.addMediaFolder({ path: media, force: true });
      assert.deepEqual(roots.map((r) => [r.id, r.origin, r.path]), [[0, 'vault', vault], [1, 'settings', media]]);
      await assert.rejects(service.removeMediaFolder({ id: 7 }), { code: 'not-found' });
    } finally {
      await service.close();
    }
    ({ service } = await open(vault, { cacheDir, maxFiles: 100 }));
    try {
      const { roots, videos } = await service.videos({});
      assert.deepEqual(roots.map((r) => [r.id, r.origin]), [[0, 'vault'], [1, 'settings']], 'the folder is remembered');
      assert.equal(byId(videos, MAIN)!.local?.root, 1);
      assert.deepEqual((await service.removeMediaFolder({ id: 1 })).map((r) => r.id), [0]);
    } finally {
      await service.close();
    }
    ({ service } = await open(vault, { cacheDir, media: [media] }));
    try {
      assert.deepEqual((await service.videos({})).roots.map((r) => r.origin), ['vault', 'command-line'], 'removed for good; a --media folder is its own');
      await assert.rejects(service.removeMediaFolder({ id: 1 }), { code: 'forbidden' });
    } finally {
      await service.close();
    }
    rmSync(cacheDir, { recursive: true, force: true });
  });
});
