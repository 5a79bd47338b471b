/**
 * Caption files from a hostile or broken source parse in time linear in their size: 4× the input
 * costs about 4× the time. The largest inputs reach the sizes the issue names (a 20 MB line, a
 * million empty cues), and the transcript store indexes what the parser yields linearly too.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cueLineText } from '../../../main/core/media/caption-text';
import { parseCaptions } from '../../../main/core/media/captions';
import { TranscriptStore } from '../../../main/core/media/transcript-store';
import { repeat } from './cases';
import { describeGrowth, measureGrowth, RATIO_LIMIT } from './growth';

const HEAD = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n';

const cases: Array<{ name: string; make: (n: number) => string; n: number; run?: (s: string) => unknown }> = [
  { name: 'one cue line of 20 MB', make: (n) => HEAD + repeat('words said here ', n), n: 5_000_000 },
  { name: 'a million empty cues', make: (n) => 'WEBVTT\n\n' + repeat('00:00:00.000 --> 00:00:01.000\n\n', n), n: 6_000_000 },
  { name: 'a million one-word cues', make: (n) => 'WEBVTT\n\n' + repeat('00:00:01.000 --> 00:00:02.000\nword\n\n', n), n: 6_000_000 },
  { name: 'no newline at all', make: (n) => 'WEBVTT ' + repeat('00:00:00.000 --> 00:00:01.000 text ', n), n: 2_000_000 },
  { name: '100k `<` in a cue', make: (n) => HEAD + '<'.repeat(n) + '\n', n: 100_000 },
  { name: 'a cue of a million lines', make: (n) => HEAD + repeat('<c>x</c>\n', n), n: 2_000_000 },
  { name: 'junk blocks', make: (n) => 'WEBVTT\n\n' + repeat('not a cue\n\n', n), n: 2_000_000 },
  { name: 'identifiers with no cue', make: (n) => 'WEBVTT\n\n' + repeat('7\n', n), n: 2_000_000 },
  { name: 'SRT without blank lines', make: (n) => repeat('1\n00:00:01,000 --> 00:00:02,000\nsaid\n', n), n: 2_000_000, run: (s) => parseCaptions(s, 'srt') },
  // Cue text straight into the cleaner, past the parser's cap on cue length.
  { name: 'cleaner: 100k `<`', make: (n) => '<'.repeat(n), n: 100_000, run: cueLineText },
  { name: 'cleaner: `&` without `;`, then one `<`', make: (n) => '&'.repeat(n) + '<', n: 100_000, run: cueLineText },
  { name: 'cleaner: many tags', make: (n) => repeat('a<c.x>b</c><00:00:01.000>', n), n: 100_000, run: cueLineText },
  { name: 'cleaner: entities', make: (n) => repeat('&amp;&#233;&bogus;&#xZZ; ', n), n: 100_000, run: cueLineText },
];

describe('caption parsing time grows linearly', () => {
  for (const c of cases) {
    it(c.name, (t) => {
      const g = measureGrowth(c.run ?? ((s) => parseCaptions(s, 'vtt')), c.make, c.n, { scaleUp: false });
      t.diagnostic(describeGrowth(c.name, g));
      assert.ok(g.ratio < RATIO_LIMIT, `superlinear: ${describeGrowth(c.name, g)}`);
    });
  }

  it('indexes a track of many distinct words linearly', (t) => {
    const make = (n: number) => {
      const lines: string[] = ['WEBVTT', ''];
      for (let i = 0; i * 40 < n; i++) lines.push(`00:00:${String(i % 60).padStart(2, '0')}.000 --> 00:00:59.000`, `w${i}a w${i}b w${i}c said`, '');
      return lines.join('\n');
    };
    const g = measureGrowth((s) => new TranscriptStore().put('k', 'v', 'en', parseCaptions(s, 'vtt').cues, null), make, 500_000, { scaleUp: false });
    t.diagnostic(describeGrowth('index', g));
    assert.ok(g.ratio < RATIO_LIMIT, `superlinear: ${describeGrowth('index', g)}`);
  });
});
