import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { idFromName, isPartialName, parseMediaName } from '../../../main/core/media/names';
import { playability } from '../../../main/core/media/playability';
import { parseInfoJson } from '../../../main/core/media/info-json';
import { srtToVtt } from '../../../main/core/media/srt-to-vtt';

const CITED = new Set(['2XgU6T4DalY', 'local-sample-clip', '1234567', 'BV1xx411c7mD']);

/** name → [kind, id, lang] as the library reads it (null: not a library file). */
const TABLE: [string, [string, string | null, string | null] | null][] = [
  ['Talk [2XgU6T4DalY].webm', ['media', '2XgU6T4DalY', null]],
  ['Talk [2XgU6T4DalY].MP4', ['media', '2XgU6T4DalY', null]],
  ['Talk [2XgU6T4DalY].mkv', ['media', '2XgU6T4DalY', null]],
  ['Talk [2XgU6T4DalY].m4a', ['media', '2XgU6T4DalY', null]],
  ['Mr. Smith goes [2XgU6T4DalY].opus', ['media', '2XgU6T4DalY', null]],
  ['Nested [brackets] [2XgU6T4DalY].webm', ['media', '2XgU6T4DalY', null]],
  ['2XgU6T4DalY.mp4', ['media', '2XgU6T4DalY', null]],
  ['dQw4w9WgXcQ.webm', ['media', 'dQw4w9WgXcQ', null]], // YouTube's form, cited or not
  ['local-sample-clip.webm', ['media', 'local-sample-clip', null]], // not the form, but cited
  ['some-other-clip.webm', ['media', null, null]], // neither: paired only through an .info.json
  ['Talk [1234567].mp4', ['media', '1234567', null]], // another site's id, cited
  ['Talk [7654321].mp4', ['media', null, null]], // another site's id, not cited
  ['Talk [BV1xx411c7mD].flv', ['media', 'BV1xx411c7mD', null]],
  ['Talk [HD].webm', ['media', null, null]],
  ['Talk [2XgU6T4DalY] (1).webm', ['media', null, null]], // a renamed copy: the id is not at the end
  ['Talk [2XgU6T4DalY].en.vtt', ['caption', '2XgU6T4DalY', 'en']],
  ['Talk [2XgU6T4DalY].en-US.vtt', ['caption', '2XgU6T4DalY', 'en-US']],
  ['Talk [2XgU6T4DalY].zh-Hans.srt', ['caption', '2XgU6T4DalY', 'zh-Hans']],
  ['Talk [2XgU6T4DalY].pt_BR.srt', ['caption', '2XgU6T4DalY', 'pt_BR']],
  ['Talk [2XgU6T4DalY].vtt', ['caption', '2XgU6T4DalY', 'und']],
  ['2XgU6T4DalY.de.srt', ['caption', '2XgU6T4DalY', 'de']],
  ['2XgU6T4DalY.vtt', ['caption', '2XgU6T4DalY', 'und']],
  ['Talk v2.0.vtt', ['caption', null, 'und']],
  ['Talk [2XgU6T4DalY].live_chat.json', null],
  ['Talk [2XgU6T4DalY].live_chat.vtt', null],
  ['Talk [2XgU6T4DalY].info.json', ['info', '2XgU6T4DalY', null]],
  ['Renamed by hand.info.json', ['info', null, null]],
  ['Talk [2XgU6T4DalY].json', null],
  ['Talk [2XgU6T4DalY].webp', ['thumbnail', '2XgU6T4DalY', null]],
  ['Talk [2XgU6T4DalY].jpg', ['thumbnail', '2XgU6T4DalY', null]],
  ['Talk [2XgU6T4DalY].jpeg', ['thumbnail', '2XgU6T4DalY', null]],
  ['Talk [2XgU6T4DalY].png', ['thumbnail', '2XgU6T4DalY', null]],
  // yt-dlp's leftovers and fragments
  ['Talk [2XgU6T4DalY].webm.part', null],
  ['Talk [2XgU6T4DalY].webm.ytdl', null],
  ['Talk [2XgU6T4DalY].temp.mp4', null],
  ['Talk [2XgU6T4DalY].f137.mp4', null],
  ['Talk [2XgU6T4DalY].f251.webm', null],
  ['Talk [2XgU6T4DalY].f299-1.mp4', null],
  ['Talk [2XgU6T4DalY].webm.part-Frag12', null],
  // near misses
  ['Talk [2XgU6T4DalY].md', null],
  ['Talk [2XgU6T4DalY]', null],
  ['.hidden [2XgU6T4DalY].webm', null],
  ['2XgU6T4DalYx.webm', ['media', null, null]], // 12 characters
  ['2XgU6T4Dal.webm', ['media', null, null]], // 10 characters
  ['Talk [2XgU6T4Da!Y].webm', ['media', null, null]],
  ['Talk [].webm', ['media', null, null]],
  ['Talk [2XgU 6T4DalY].webm', ['media', null, null]],
];

describe('yt-dlp file names', () => {
  for (const [name, expected] of TABLE) {
    it(name, () => {
      const parsed = parseMediaName(name);
      if (expected === null) {
        assert.equal(parsed, null);
        return;
      }
      assert.ok(parsed, `${name} should be a library file`);
      assert.deepEqual([parsed.kind, idFromName(parsed, CITED), parsed.lang], expected);
    });
  }

  it('sees partial downloads as partial and finished ones as finished', () => {
    assert.equal(isPartialName('a.f140.m4a'), true);
    assert.equal(isPartialName('Episode f140.m4a'), false);
    assert.equal(isPartialName('a.final.mp4'), false);
  });
});

describe('playability', () => {
  it('plays what Chromium plays and says why not for the rest', () => {
    for (const format of ['webm', 'mp4', 'm4v', 'm4a', 'mp3', 'ogg', 'oga', 'ogv', 'opus', 'wav', 'flac']) assert.deepEqual(playability(format), { playable: true, reason: null }, format);
    assert.deepEqual(playability('mkv'), { playable: false, reason: 'Chromium does not play Matroska (.mkv) files' });
    for (const format of ['avi', 'flv', 'mov', '3gp', 'wmv']) {
      const p = playability(format);
      assert.equal(p.playable, false, format);
      assert.match(p.reason!, new RegExp(`\\.${format}`));
    }
  });

  it('refines by the codecs an .info.json names: HEVC in mp4 does not play', () => {
    assert.equal(playability('mp4', { vcodec: 'avc1.640028', acodec: 'mp4a.40.2' }).playable, true);
    const hevc = playability('mp4', { vcodec: 'hev1.1.6.L120.90', acodec: 'mp4a.40.2' });
    assert.equal(hevc.playable, false);
    assert.match(hevc.reason!, /HEVC \(H\.265\)/);
    assert.equal(playability('mp4', { vcodec: 'hvc1.2.4.L153' }).playable, false);
    assert.equal(playability('m4a', { vcodec: 'none', acodec: 'ec-3' }).playable, false);
    assert.equal(playability('webm', { vcodec: 'vp09.00.40.08', acodec: 'opus' }).playable, true);
  });
});

describe('.info.json', () => {
  it('reads title, channel (or uploader), duration, upload date and chapters', () => {
    const r = parseInfoJson(
      JSON.stringify({ id: 'abc', title: 'T', uploader: 'U', duration: 61.5, upload_date: '20230405', chapters: [{ start_time: 30, end_time: 61.5, title: 'Two' }, { start_time: 0, end_time: 30, title: '' }] }),
      'x.info.json',
    );
    assert.ok(r.ok);
    assert.deepEqual(r.info, { id: 'abc', title: 'T', channel: 'U', duration: 61.5, uploadDate: '2023-04-05', vcodec: null, acodec: null, chapters: [{ seconds: 0, end: 30, title: 'Chapter 1' }, { seconds: 30, end: 61.5, title: 'Two' }] });
    const channel = parseInfoJson(JSON.stringify({ channel: 'C', uploader: 'U' }), 'x');
    assert.ok(channel.ok);
    assert.equal(channel.info.channel, 'C');
  });

  it('turns broken JSON and a wrong shape into a problem line', () => {
    const broken = parseInfoJson('{"id": "abc", "title": "cut', 'Talk [abc].info.json');
    assert.equal(broken.ok, false);
    assert.match((broken as { problem: string }).problem, /^Talk \[abc\]\.info\.json is not valid JSON/);
    for (const source of ['[1,2]', '"text"', 'null', '42']) assert.equal(parseInfoJson(source, 'x').ok, false, source);
    // Fields of the wrong type are left out, not fatal.
    const odd = parseInfoJson(JSON.stringify({ id: 'abc', title: 5, duration: 'long', chapters: 'none', upload_date: 'yesterday' }), 'x');
    assert.ok(odd.ok);
    assert.deepEqual([odd.info.title, odd.info.duration, odd.info.chapters, odd.info.uploadDate], [null, null, [], null]);
  });
});

describe('SRT to WebVTT', () => {
  it('adds the header, turns decimal commas into points and keeps the text', () => {
    const srt = '\ufeff1\r\n00:00:01,000 --> 00:00:03,500\r\nHello --> there\r\n\r\n2\r\n0:01:02,5 --> 0:01:04,250\r\nSecond\r\n';
    assert.equal(srtToVtt(srt), 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.500\nHello --\u200b> there\n\n2\n0:01:02.500 --> 0:01:04.250\nSecond\n');
  });
});
