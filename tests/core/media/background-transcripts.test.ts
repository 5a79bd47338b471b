/** The transcript index on its worker thread, fed by real caption files and their change announcements. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { BackgroundTranscripts } from '../../../main/core/media/background-transcripts';
import { CaptionFolder, vtt } from './caption-folder';

const folder = new CaptionFolder();
after(() => folder.cleanup());

describe('background transcripts', () => {
  it('loads on a worker, says so once, and follows caption changes', async () => {
    folder.write('workerVid01', 'en', 'vtt', vtt([[61, 64, 'the narwhal surfaces'], [64, 70, 'and dives again']]));
    const loads: Array<{ videos: number; first: boolean }> = [];
    let changed!: () => void;
    const background = new BackgroundTranscripts({ settleMs: 10, onLoaded: ({ videos, first }) => { loads.push({ videos, first }); changed?.(); } });
    try {
      assert.equal(await background.search('narwhal', 10), null, 'nothing is searchable before the worker starts');
      const loaded = new Promise<void>((resolve) => (changed = resolve));
      background.start(folder);
      // A window asked for while loading waits for the load.
      const window = await background.window({ videoId: 'workerVid01', from: 65, to: 66 });
      assert.deepEqual(window.cues, [{ start: 64, end: 70, text: 'and dives again' }]);
      await loaded;
      assert.deepEqual(loads, [{ videos: 1, first: true }]);
      assert.equal((await background.search('narwhal', 10))?.[0]?.label, '01:01');

      const again = new Promise<void>((resolve) => (changed = resolve));
      folder.write('workerVid02', 'de', 'vtt', vtt([[5, 6, 'der Eisvogel']]));
      await again;
      assert.deepEqual(loads[1], { videos: 2, first: false });
      assert.equal((await background.search('eisvogel', 10))?.[0]?.videoId, 'workerVid02');
    } finally {
      await background.close();
    }
    assert.equal(await background.search('narwhal', 10), null);
  });
});
