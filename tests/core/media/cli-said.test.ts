/** `cairn search … --json` adds `said` when captions in the vault or a `--media` folder hold the words. */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { captionWord, writeMediaFolder } from '../../fixtures/media-folder';
import { cli } from '../helpers/cli';

const VIDEO = 'aqz-KE-bpKQ';

describe('the CLI search command with transcripts', () => {
  let vault: string;
  let media: string;
  before(async () => {
    vault = await mkdtemp(join(tmpdir(), 'cairn-cli-said-'));
    media = await mkdtemp(join(tmpdir(), 'cairn-cli-said-media-'));
    await writeFile(join(vault, 'Note.md'), `---\nvideoId: ${VIDEO}\n---\n# A talk\n\nIt says ${captionWord(VIDEO, 3)} too.\n`);
    writeMediaFolder(media, [{ id: VIDEO, vtt: true, info: true }]);
  });
  after(async () => {
    await rm(vault, { recursive: true, force: true });
    await rm(media, { recursive: true, force: true });
  });

  it('reports said moments beside note hits', async () => {
    const { code, stdout, stderr } = await cli('search', vault, captionWord(VIDEO, 3), '--media', media, '--json');
    assert.equal(code, 0, stderr);
    const out = JSON.parse(stdout) as { hits: Array<{ path: string }>; ms: number; said?: Array<Record<string, unknown>> };
    assert.deepEqual(Object.keys(out).sort(), ['hits', 'ms', 'said']);
    assert.equal(out.hits[0]?.path, 'Note.md');
    assert.deepEqual(out.said, [{ videoId: VIDEO, title: `Video ${VIDEO}`, lang: 'en', seconds: 8, label: '00:08', text: `And the last one ends on ${captionWord(VIDEO, 3)} at last.` }]);
  });

  it('keeps { hits, ms } alone when nothing was said', async () => {
    const { code, stdout } = await cli('search', vault, 'talk', '--media', media, '--json');
    assert.equal(code, 0);
    assert.deepEqual(Object.keys(JSON.parse(stdout) as object).sort(), ['hits', 'ms']);
  });
});
