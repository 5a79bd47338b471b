/**
 * Transcripts through the real `VaultService`: a yt-dlp media folder from the shared generator,
 * scanned by the media library, loaded after note search, searched as `said` hits, windows from
 * `transcript`, the `transcripts-ready` event, and a rewritten caption file followed by the watcher.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { VaultEvent } from '../../../main/api';
import { VaultService } from '../../../main/service';
import { captionWord, toVtt, writeMediaFolder } from '../../fixtures/media-folder';
import { waitFor } from '../helpers/temp-vault';

const CITED = 'dQw4w9WgXcQ';
const SUBS_ONLY = 'M7lc1UVf-VE';

describe('transcripts through the service', () => {
  let vault: string;
  let media: string;
  let service: VaultService;
  const events: VaultEvent[] = [];

  before(async () => {
    vault = await mkdtemp(join(tmpdir(), 'cairn-tx-vault-'));
    media = await mkdtemp(join(tmpdir(), 'cairn-tx-media-'));
    await writeFile(join(vault, 'Episode.md'), `---\nvideoId: ${CITED}\n---\n# Episode\n\nThe middle bit <a class="yt-timestamp" data-t="00:05">[00:05]</a> says it.\n`);
    await writeFile(join(vault, 'Other.md'), '# Other\n\nNothing about videos.\n');
    writeMediaFolder(media, [
      { id: CITED, vtt: true, info: true },
      { id: SUBS_ONLY, ext: null, srt: ['de'] },
    ]);
    service = new VaultService({ canOpenOther: false, cacheDir: null, watch: true, media: [media] });
    service.onEvent((e) => events.push(e));
    await service.openVault({ root: vault });
    await service.searchReady();
    await service.transcriptsReady();
  });

  after(async () => {
    await service.close();
    await rm(vault, { recursive: true, force: true });
    await rm(media, { recursive: true, force: true });
  });

  it('says once that transcripts are ready, after search is', () => {
    const ready = events.findIndex((e) => e.type === 'transcripts-ready');
    assert.deepEqual(events[ready], { type: 'transcripts-ready', videos: 2 });
    assert.ok(events.findIndex((e) => e.type === 'search-ready') < ready, 'note search was ready first');
  });

  it('finds a word said in a generated VTT at the right second, titled from .info.json', async () => {
    const result = await service.search({ query: captionWord(CITED, 2) });
    assert.deepEqual(result.hits, []);
    assert.equal(result.said?.length, 1);
    const [hit] = result.said!;
    assert.deepEqual({ ...hit, score: undefined }, {
      videoId: CITED,
      title: `Video ${CITED}`,
      lang: 'en',
      seconds: 4,
      label: '00:04',
      text: `In the middle we hear ${captionWord(CITED, 2)} clearly.`,
      score: undefined,
      terms: [captionWord(CITED, 2)],
    });
    // SRT captions of a video with no local copy are searched too.
    assert.equal((await service.search({ query: captionWord(SUBS_ONLY, 3) })).said?.[0]?.seconds, 8);
  });

  it('gives no said hits to a query with operators transcripts cannot satisfy, and none for words never said', async () => {
    const word = captionWord(CITED, 1);
    assert.equal((await service.search({ query: word })).said?.length, 1);
    assert.equal((await service.search({ query: `${word} path:Episode` })).said, undefined);
    assert.equal((await service.search({ query: `tag:video ${word}` })).said, undefined);
    const notes = await service.search({ query: 'nothing' });
    assert.equal(notes.hits[0]?.path, 'Other.md');
    assert.equal(notes.said, undefined);
  });

  it('returns the lines either side of a cited second', async () => {
    const view = await service.transcript({ videoId: CITED, from: 5 - 3, to: 5 + 3 });
    assert.equal(view.lang, 'en');
    assert.deepEqual(view.langs, ['en']);
    assert.deepEqual(view.cues.map((c) => c.start), [1, 4, 8]);
    assert.equal(view.problem, null);
    assert.deepEqual(await service.transcript({ videoId: 'unknownVid1' }), { videoId: 'unknownVid1', lang: null, langs: [], cues: [], problem: null });
  });

  it('follows a rewritten caption file: the old words stop matching and the new ones match', async () => {
    const before = events.filter((e) => e.type === 'transcripts-ready').length;
    const path = join(media, `Video ${CITED} [${CITED}].en.vtt`);
    await writeFile(path, toVtt([{ start: 30, end: 33, text: 'a brand new zqrewrittenword here' }]));
    await waitFor(() => events.filter((e) => e.type === 'transcripts-ready').length > before, 'transcripts to reload');
    assert.equal((await service.search({ query: captionWord(CITED, 2) })).said, undefined);
    assert.equal((await service.search({ query: 'zqrewrittenword' })).said?.[0]?.seconds, 30);
  });
});
