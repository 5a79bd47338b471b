/**
 * What the Sources view is built from: the host's citations of each video, on the player fixture
 * vault. The video's title is its note that cites it most (the episode note, not a topic note).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VaultService } from '../../../main/service';
import { tempVault } from '../helpers/temp-vault';

test('citations carry the video title, channel and media, and are in time order across notes', async () => {
  const vault = await tempVault('player');
  const service = new VaultService({ canOpenOther: false, cacheDir: null, watch: false, search: false });
  try {
    await service.openVault({ root: vault.root });
    const { videos } = await service.citations({});
    const byId = new Map(videos.map((v) => [v.videoId, v]));

    const clip = byId.get('test-clip')!;
    // Two notes cite it three times each; the one holding the file names it.
    assert.equal(clip.title, 'Clip walkthrough');
    assert.equal(clip.channel, 'Test Pattern Channel');
    assert.equal(clip.media, 'media/clip.webm');
    assert.deepEqual(
      clip.citations.map((c) => [c.label, c.title]),
      [
        ['00:00:01', 'Clip walkthrough'],
        ['00:00:02', 'Clip second look'],
        ['00:00:03', 'Clip walkthrough'],
        ['00:00:04', 'Clip second look'],
        ['00:00:05', 'Clip walkthrough'],
        ['00:00:09', 'Clip second look'],
      ],
    );
    assert.equal(clip.citations[1]!.text, 'The counter passes two while the tone holds steady.');

    // The note citing the talk three times names it, not the one citing it twice.
    assert.equal(byId.get('Xy4_kq9ZzQ0')!.title, 'Talk on streams');
    assert.equal(byId.get('Xy4_kq9ZzQ0')!.channel, 'Stream Channel');
    // A video only an anchor links to has no title from the notes.
    assert.equal(byId.get('OtherTalk01')!.title, null);
  } finally {
    await service.close();
    await vault.cleanup();
  }
});
