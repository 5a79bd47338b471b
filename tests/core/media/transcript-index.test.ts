/** The transcript index over real caption files: search, windows, languages, and updates on change. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { chooseLang, TranscriptIndex } from '../../../main/core/media/transcript-index';
import { CaptionFolder, srt, vtt } from './caption-folder';

const folder = new CaptionFolder();
after(() => folder.cleanup());

const KAFKA = vtt([
  [1, 3, 'Today we talk about stream processing'],
  [3, 6, 'with Kafka and its consumer groups'],
  [6, 9, 'and why exactly-once delivery is hard'],
  [754, 757, 'a partition is an ordered log'],
  [757, 760, 'that consumers read at their own pace'],
]);

describe('transcript index', () => {
  it('finds words and phrases said, at the second they were said', async () => {
    const index = new TranscriptIndex();
    folder.write('kafkaVideo1', 'en', 'vtt', KAFKA);
    await index.sync(folder.captionFiles());
    const [hit] = index.search('partition', 10);
    assert.deepEqual(
      { videoId: hit?.videoId, seconds: hit?.seconds, label: hit?.label, text: hit?.text, terms: hit?.terms, lang: hit?.lang },
      { videoId: 'kafkaVideo1', seconds: 754, label: '12:34', text: 'a partition is an ordered log', terms: ['partition'], lang: 'en' },
    );
    // The note search's tokenizer: plurals, case and accents fold the same way.
    assert.equal(index.search('Partitions', 10)[0]?.seconds, 754);
    // A phrase across two caption lines, and the word being typed as a prefix.
    assert.equal(index.search('"ordered log that consumers"', 10)[0]?.seconds, 754);
    assert.equal(index.search('consu', 10).length, 2);
    // Words must all be there, within a line of each other.
    assert.deepEqual(index.search('kafka partition', 10), []);
    assert.equal(index.search('kafka processing', 10)[0]?.seconds, 3);
    assert.deepEqual(index.search('kafka -consumer', 10), []);
    assert.deepEqual(index.search('"log ordered"', 10), []);
  });

  it('answers nothing to operators that only notes have', async () => {
    const index = new TranscriptIndex();
    folder.write('kafkaVideo1', 'en', 'vtt', KAFKA);
    await index.sync(folder.captionFiles());
    assert.equal(index.search('partition', 10).length, 1);
    assert.deepEqual(index.search('partition tag:kafka', 10), []);
    assert.deepEqual(index.search('path:notes partition', 10), []);
    assert.deepEqual(index.search('"unclosed', 10), []);
  });

  it('re-reads a rewritten file: the old words stop matching and the new ones match', async () => {
    const index = new TranscriptIndex();
    const file = folder.write('editedVid01', 'en', 'vtt', vtt([[10, 12, 'the quokka smiles']]));
    assert.deepEqual(await index.sync(folder.captionFiles()), { read: folder.captionFiles().length, removed: 0 });
    assert.equal(index.search('quokka', 10).length, 1);
    // A later mtime and another size: only this file is read again.
    await new Promise((r) => setTimeout(r, 20));
    folder.write('editedVid01', 'en', 'vtt', vtt([[20, 25, 'the wombat digs a burrow']]));
    assert.deepEqual(await index.sync(folder.captionFiles()), { read: 1, removed: 0 });
    assert.deepEqual(index.search('quokka', 10), []);
    assert.equal(index.search('wombat', 10)[0]?.seconds, 20);
    assert.deepEqual(await index.sync(folder.captionFiles()), { read: 0, removed: 0 });
    folder.remove(file);
    assert.deepEqual(await index.sync(folder.captionFiles()), { read: 0, removed: 1 });
    assert.deepEqual(index.search('wombat', 10), []);
    assert.deepEqual(index.window({ videoId: 'editedVid01' }).langs, []);
  });

  it('gives the cues overlapping a window, in the language asked for, else English, else the first', async () => {
    const index = new TranscriptIndex();
    folder.write('multiLang01', 'en-US', 'vtt', vtt([[1, 4, 'hello and welcome'], [4, 8, 'to the show'], [8, 12, 'see you soon']]));
    folder.write('multiLang01', 'de', 'srt', srt([[1, 4, 'hallo und willkommen'], [4, 8, 'zur Sendung']]));
    folder.write('onlyFrench1', 'fr', 'vtt', vtt([[2, 3, 'bonjour à tous']]));
    await index.sync(folder.captionFiles());
    const english = index.window({ videoId: 'multiLang01', from: 5, to: 6 });
    assert.deepEqual(english, { videoId: 'multiLang01', lang: 'en-US', langs: ['de', 'en-US'], cues: [{ start: 4, end: 8, text: 'to the show' }], problem: null });
    assert.deepEqual(index.window({ videoId: 'multiLang01', lang: 'de', from: 0, to: 4.5 }).cues.map((c) => c.text), ['hallo und willkommen', 'zur Sendung']);
    assert.equal(index.window({ videoId: 'multiLang01', lang: 'en' }).lang, 'en-US');
    assert.equal(index.window({ videoId: 'multiLang01', lang: 'ja' }).lang, 'en-US');
    assert.equal(index.window({ videoId: 'multiLang01' }).cues.length, 3);
    assert.deepEqual(index.window({ videoId: 'onlyFrench1', lang: 'en' }), { videoId: 'onlyFrench1', lang: 'fr', langs: ['fr'], cues: [{ start: 2, end: 3, text: 'bonjour à tous' }], problem: null });
    assert.deepEqual(index.window({ videoId: 'noSuchVideo' }), { videoId: 'noSuchVideo', lang: null, langs: [], cues: [], problem: null });
    // Search covers every language; each hit says which.
    assert.equal(index.search('willkommen', 10)[0]?.lang, 'de');
  });

  it('reports broken, binary and missing caption files and keeps what parses', async () => {
    const index = new TranscriptIndex();
    folder.write('brokenVid01', 'en', 'vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nkept words\n\ngarbage block\n');
    folder.write('binaryVid01', 'en', 'vtt', new Uint8Array([0, 1, 2, 3, 0, 255, 0, 7]));
    const gone = folder.write('goneVideo01', 'en', 'vtt', vtt([[1, 2, 'ghost']]));
    const { rmSync } = await import('node:fs');
    rmSync(gone.abs);
    await index.sync(folder.captionFiles());
    const broken = index.window({ videoId: 'brokenVid01' });
    assert.deepEqual(broken.cues.map((c) => c.text), ['kept words']);
    assert.match(broken.problem ?? '', /1 block could not be read as cues \(the first at line 6\)/);
    assert.match(index.window({ videoId: 'binaryVid01' }).problem ?? '', /looks binary/);
    assert.deepEqual(index.window({ videoId: 'goneVideo01' }).langs, []);
    folder.remove(gone);
  });

  it('picks languages as the contract says', () => {
    assert.equal(chooseLang([], 'en'), null);
    assert.equal(chooseLang(['de', 'en', 'fr'], 'fr'), 'fr');
    assert.equal(chooseLang(['de', 'en', 'fr'], 'FR'), 'fr');
    assert.equal(chooseLang(['de', 'en-GB', 'fr'], undefined), 'en-GB');
    assert.equal(chooseLang(['de', 'en-orig', 'es'], 'pt'), 'en-orig');
    assert.equal(chooseLang(['es', 'de'], undefined), 'es');
  });
});
