/**
 * The media library reads every file name of a media root, and SRT captions go through the WebVTT
 * conversion whole: both stay linear on hostile input (4× the input costs about 4× the time).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { idFromName, parseMediaName } from '../../../main/core/media/names';
import { srtToVtt } from '../../../main/core/media/srt-to-vtt';
import { describeGrowth, measureGrowth, RATIO_LIMIT } from './growth';

const CITED = new Set(['2XgU6T4DalY']);

function readName(name: string): unknown {
  const parsed = parseMediaName(name);
  return parsed && idFromName(parsed, CITED);
}

/** Names far past any filesystem's 255-byte limit: the parser must not care how they were made. */
const nameCases: [string, (n: number) => string][] = [
  ['10,000 `[`', (n) => `${'['.repeat(n)}.webm`],
  ['`[` then `]` pairs', (n) => `${'[a]'.repeat(n / 3)}.en.vtt`],
  ['many dots', (n) => `${'a.'.repeat(n / 2)}en.vtt`],
  ['many dots before .info.json', (n) => `${'.f1'.repeat(n / 3)}.info.json`],
  ['a long name with an id', (n) => `${'x'.repeat(n)} [2XgU6T4DalY].f137.mp4`],
  ['spaces inside a bracket', (n) => `Talk [${' '.repeat(n)}].webm`],
];

describe('yt-dlp names stay linear', () => {
  for (const [name, make] of nameCases) {
    it(name, (t) => {
      const g = measureGrowth(readName, make, 10_000);
      t.diagnostic(describeGrowth(name, g));
      assert.ok(g.ratio < RATIO_LIMIT, `superlinear: ${describeGrowth(name, g)}`);
    });
  }

  it('a 4 KB name', () => {
    const name = `${'x'.repeat(4096)} [2XgU6T4DalY].webm`;
    assert.equal(readName(name), '2XgU6T4DalY');
  });
});

const srtCases: [string, (n: number) => string][] = [
  ['digits with no arrow', (n) => '1'.repeat(n)],
  ['arrows with no timing', (n) => '1 -->'.repeat(n / 5)],
  ['timings', (n) => '00:00:01,000 --> 00:00:02,000\nx\n\n'.repeat(n / 34)],
  ['a timing prefix repeated on one line', (n) => '00:00:01,0'.repeat(n / 10) + ' -->'],
];

describe('SRT to WebVTT stays linear', () => {
  for (const [name, make] of srtCases) {
    it(name, (t) => {
      const g = measureGrowth(srtToVtt, make, 100_000);
      t.diagnostic(describeGrowth(name, g));
      assert.ok(g.ratio < RATIO_LIMIT, `superlinear: ${describeGrowth(name, g)}`);
    });
  }
});
