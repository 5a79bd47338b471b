/** The caption parser on what yt-dlp writes, feature by feature, and on broken files. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCaptions, timestampOf } from '../../../main/core/media/captions';
import { cueLineText } from '../../../main/core/media/caption-text';

/** YouTube auto-captions exactly as `yt-dlp --write-auto-subs` saves them: each cue scrolls the last line up. */
const AUTO_CAPTIONS = [
  'WEBVTT',
  'Kind: captions',
  'Language: en',
  '',
  '00:00:00.160 --> 00:00:02.869 align:start position:0%',
  ' ',
  "so<00:00:00.320><c> today</c><00:00:00.640><c> we&#39;re</c><00:00:00.800><c> going</c><00:00:00.960><c> to</c><00:00:01.120><c> talk</c><00:00:01.360><c> about</c>",
  '',
  '00:00:02.869 --> 00:00:02.879 align:start position:0%',
  "so today we're going to talk about",
  ' ',
  '',
  '00:00:02.879 --> 00:00:05.269 align:start position:0%',
  "so today we're going to talk about",
  'stream<00:00:03.280><c> processing</c><00:00:03.840><c> and</c><00:00:04.080><c> why</c><00:00:04.400><c> it</c><00:00:04.560><c> matters</c>',
  '',
  '00:00:05.269 --> 00:00:05.279 align:start position:0%',
  'stream processing and why it matters',
  ' ',
  '',
  '00:00:05.279 --> 00:00:08.070 align:start position:0%',
  'stream processing and why it matters',
  'for<00:00:05.520><c> data</c><00:00:05.920><c> engineers</c>',
  '',
].join('\n');

const texts = (source: string, format: 'vtt' | 'srt' = 'vtt') => parseCaptions(source, format).cues.map((c) => c.text);

describe('WebVTT', () => {
  it('collapses YouTube auto-captions so each line reads once, at the time it was first said', () => {
    const { cues, problems } = parseCaptions(AUTO_CAPTIONS, 'vtt');
    assert.deepEqual(problems, []);
    assert.deepEqual(cues, [
      { start: 0.16, end: 2.879, text: "so today we're going to talk about" },
      { start: 2.879, end: 5.279, text: 'stream processing and why it matters' },
      { start: 5.279, end: 8.07, text: 'for data engineers' },
    ]);
  });

  it('reads a BOM, CRLF line ends and the header lines', () => {
    const crlf = '\ufeffWEBVTT\r\nKind: captions\r\nLanguage: en\r\n\r\n00:01.000 --> 00:02.000\r\nHello there\r\n';
    assert.deepEqual(parseCaptions(crlf, 'vtt'), { cues: [{ start: 1, end: 2, text: 'Hello there' }], problems: [] });
    assert.deepEqual(texts('WEBVTT\r00:01.000 --> 00:02.000\rold Mac line ends\r'), ['old Mac line ends']);
  });

  it('skips NOTE, STYLE and REGION blocks and cue identifiers', () => {
    const source = [
      'WEBVTT - a title',
      '',
      'NOTE made by hand',
      'over two lines',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'REGION',
      'id:fred width:40%',
      '',
      'intro-1',
      '00:00:01.000 --> 00:00:02.000',
      'First',
      '',
      '2',
      '00:00:03.000 --> 00:00:04.000',
      'Second',
    ].join('\n');
    assert.deepEqual(parseCaptions(source, 'vtt'), {
      cues: [
        { start: 1, end: 2, text: 'First' },
        { start: 3, end: 4, text: 'Second' },
      ],
      problems: [],
    });
  });

  it('ignores cue settings and reads hours, minutes-only and short fractions', () => {
    const source = 'WEBVTT\n\n01:10:00.500 --> 01:10:02.250 line:0 position:20% size:60% align:start\nLate\n\n00:07.5 --> 00:08\nEarly\n';
    assert.deepEqual(parseCaptions(source, 'vtt').cues, [
      { start: 7.5, end: 8, text: 'Early' },
      { start: 4200.5, end: 4202.25, text: 'Late' },
    ]);
  });

  it('removes inline tags, voice spans and karaoke times, and decodes entities', () => {
    assert.equal(cueLineText('<v Roger Bingham>We are <i>in</i> <b>New York</b> <u>City</u></v>'), 'We are in New York City');
    assert.equal(cueLineText('<c.colorE5E5E5>salt &amp; pepper</c> &lt;3 caf&eacute; &#x1F600; &#233;t&#233;'), 'salt & pepper <3 café 😀 été');
    assert.equal(cueLineText('one<00:00:01.500><c> two</c>'), 'one two');
    assert.equal(cueLineText('an &unknown; entity & a lone ampersand'), 'an &unknown; entity & a lone ampersand');
    assert.equal(cueLineText('no end to this <tag'), 'no end to this <tag');
    assert.equal(cueLineText('a&nbsp;b'), 'a b');
  });

  it('joins the lines of a cue with a space', () => {
    assert.deepEqual(texts('WEBVTT\n\n00:01.000 --> 00:03.000\nfirst line\nsecond line\n'), ['first line second line']);
  });

  it('keeps the cues that parse and reports the rest in one line, without throwing', () => {
    const source = 'WEBVTT\n\n00:01.000 --> 00:02.000\nGood one\n\nthis is not a cue\nat all\n\n00:xx.000 --> 00:04.000\nBad time\n\n00:05.000 --> 00:06.000\nGood two\n';
    const { cues, problems } = parseCaptions(source, 'vtt');
    assert.deepEqual(cues.map((c) => c.text), ['Good one', 'Good two']);
    assert.deepEqual(problems, ['2 blocks could not be read as cues (the first at line 6).']);
  });

  it('says so when the header is missing, and still reads the cues', () => {
    const { cues, problems } = parseCaptions('00:01.000 --> 00:02.000\nNo header\n', 'vtt');
    assert.deepEqual(cues.map((c) => c.text), ['No header']);
    assert.deepEqual(problems, ['The file does not start with WEBVTT; read as captions anyway.']);
  });

  it('reports a file with text but no cues, and an empty file as nothing', () => {
    assert.deepEqual(parseCaptions('WEBVTT\n\nNOTE only a note\n', 'vtt').problems, ['The file holds no cues.']);
    assert.deepEqual(parseCaptions('', 'srt'), { cues: [], problems: [] });
  });

  it('puts cues written out of order in time order', () => {
    assert.deepEqual(texts('WEBVTT\n\n00:05.000 --> 00:06.000\nsecond\n\n00:01.000 --> 00:02.000\nfirst\n'), ['first', 'second']);
  });

  it('cuts a runaway cue line', () => {
    const { cues } = parseCaptions(`WEBVTT\n\n00:01.000 --> 00:02.000\n${'word '.repeat(10_000)}\n`, 'vtt');
    assert.ok(cues[0]!.text.length <= 4000);
  });
});

describe('SRT', () => {
  it('reads numbered cues with comma milliseconds, CRLF and markup', () => {
    const source = '1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>Hello</i> &amp; welcome\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\n<font color="#ffff00">second</font>\r\nline\r\n\r\n';
    assert.deepEqual(parseCaptions(source, 'srt'), {
      cues: [
        { start: 1, end: 2.5, text: 'Hello & welcome' },
        { start: 3, end: 4, text: 'second line' },
      ],
      problems: [],
    });
  });

  it('reads cues separated by a line of spaces, without taking the next number as text', () => {
    const source = '1\n00:00:01,000 --> 00:00:02,000\nfirst\n  \n2\n00:00:03,000 --> 00:00:04,000\nsecond\n';
    assert.deepEqual(texts(source, 'srt'), ['first', 'second']);
  });
});

describe('timestamps', () => {
  for (const [text, seconds] of [
    ['00:00:01.500', 1.5],
    ['01:02:03.004', 3723.004],
    ['02:03.4', 123.4],
    ['00:00:01,250', 1.25],
    ['100:00:00.000', 360000],
    ['1:2', 62],
    ['12', NaN],
    ['00:00:01.5.5', NaN],
    ['aa:bb.ccc', NaN],
    ['', NaN],
  ] as const) {
    it(`${JSON.stringify(text)} → ${seconds}`, () => assert.ok(Object.is(timestampOf(text), seconds), String(timestampOf(text))));
  }
});
