/** `cli videos --json` and `cli citations --media` on the sample vault and a generated yt-dlp folder. */
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SAMPLE_VAULT_VIDEO, writeMediaFolder } from '../../fixtures/media-folder';
import { cli } from '../helpers/cli';

const sampleVault = new URL('../../../vault', import.meta.url).pathname;

interface VideoRow {
  videoId: string;
  title: string | null;
  channel: string | null;
  duration: number | null;
  citations: number;
  notes: number;
  media: string | null;
  captions: string[];
  chapters: { seconds: number; title: string }[];
}

let base: string;
let media: string;

before(async () => {
  base = await mkdtemp(join(tmpdir(), 'cairn-media-cli-'));
  media = join(base, 'yt');
  writeMediaFolder(media, [{ id: SAMPLE_VAULT_VIDEO, title: 'Netflix data and insights', vtt: true, srt: ['de', 'en'], info: true, duplicate: 'mkv' }]);
});

after(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('cli videos', () => {
  it('lists every cited video, with the local copy from a --media folder', async () => {
    const { code, stdout, stderr } = await cli('videos', sampleVault, '--media', media, '--json');
    assert.equal(code, 0, stderr);
    const out = JSON.parse(stdout) as { videos: VideoRow[] };
    assert.deepEqual(Object.keys(out), ['videos']);
    assert.deepEqual(out.videos.map((v) => v.videoId), [SAMPLE_VAULT_VIDEO, 'local-sample-clip']);
    const main = out.videos[0]!;
    assert.deepEqual(Object.keys(main).sort(), ['captions', 'channel', 'chapters', 'citations', 'duration', 'media', 'notes', 'title', 'videoId']);
    assert.equal(main.media, join(media, `Netflix data and insights [${SAMPLE_VAULT_VIDEO}].webm`), 'absolute outside the vault; the playable copy, not the larger mkv');
    assert.deepEqual([main.title, main.channel, main.duration], ['Netflix data and insights', 'Sample Channel', 12]);
    assert.deepEqual(main.captions, ['de', 'en']);
    assert.deepEqual(main.chapters, [{ seconds: 0, title: 'Opening' }, { seconds: 4, title: 'The middle part' }, { seconds: 8, title: 'Closing' }]);
    assert.ok(main.citations >= 46 && main.notes >= 10, `${main.citations} citations in ${main.notes} notes`);
    const clip = out.videos[1]!;
    assert.equal(clip.media, 'media/sample-clip.webm', "the note's own media: wins");
    assert.equal(clip.title, 'A short local recording');
  });

  it('lists videos with no local copy, and a copy in the vault by its vault path', async () => {
    const none = JSON.parse((await cli('videos', sampleVault, '--json')).stdout) as { videos: VideoRow[] };
    assert.equal(none.videos[0]!.media, null);
    assert.deepEqual(none.videos[0]!.captions, []);
    const vault = join(base, 'vault');
    await cp(sampleVault, vault, { recursive: true });
    writeMediaFolder(join(vault, 'Downloads'), [{ id: SAMPLE_VAULT_VIDEO, title: 'In the vault' }]);
    const inVault = JSON.parse((await cli('videos', vault, '--json')).stdout) as { videos: VideoRow[] };
    assert.equal(inVault.videos[0]!.media, `Downloads/In the vault [${SAMPLE_VAULT_VIDEO}].webm`);
  });

  it('says which --media folder it could not read, and answers anyway', async () => {
    const { code, stdout, stderr } = await cli('videos', sampleVault, '--media', join(base, 'nowhere'), '--json');
    assert.equal(code, 0);
    assert.match(stderr, /Media folder .*nowhere: No folder at/);
    assert.equal((JSON.parse(stdout) as { videos: VideoRow[] }).videos.length, 2);
    const misuse = await cli('index', sampleVault, '--media', media, '--json');
    assert.equal(misuse.code, 2);
    assert.match(misuse.stderr, /--media is for citations, videos and search/);
  });
});

describe('cli citations --media', () => {
  it('gives each video its local copy', async () => {
    const { code, stdout } = await cli('citations', sampleVault, '--media', media, '--json');
    assert.equal(code, 0);
    const out = JSON.parse(stdout) as { videos: { videoId: string; media: string | null; citations: unknown[] }[] };
    assert.deepEqual(Object.keys(out.videos[0]!), ['videoId', 'media', 'citations']);
    assert.deepEqual(out.videos.map((v) => [v.videoId, v.media]), [
      [SAMPLE_VAULT_VIDEO, join(media, `Netflix data and insights [${SAMPLE_VAULT_VIDEO}].webm`)],
      ['local-sample-clip', 'media/sample-clip.webm'],
    ]);
    const without = JSON.parse((await cli('citations', sampleVault, SAMPLE_VAULT_VIDEO, '--json')).stdout) as { videos: { media: string | null }[] };
    assert.equal(without.videos[0]!.media, null);
  });
});
